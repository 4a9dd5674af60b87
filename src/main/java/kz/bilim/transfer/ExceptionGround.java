package kz.bilim.transfer;

/**
 * TR-1: outside the school holidays documents are accepted only on one of four grounds, each with its supporting
 * document: a court decision in force; a move within or to another settlement (ownership or right of use of
 * housing); departure from Kazakhstan (a confirming document; on paper it replaces the arrival coupon, TR-15); a
 * minor who suffered from or witnessed violence, cruelty or bullying (order No. 506 of 21.12.2022).
 */
public enum ExceptionGround {
    COURT_DECISION, MOVE, DEPARTURE_ABROAD, VIOLENCE;

    public String messageKey() {
        return "transfer.exception." + name();
    }

    public static ExceptionGround parse(String text) {
        if (text == null || text.isBlank()) return null;
        for (ExceptionGround g : values()) if (g.name().equalsIgnoreCase(text.strip())) return g;
        return null;
    }
}
