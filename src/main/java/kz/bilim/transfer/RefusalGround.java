package kz.bilim.transfer;

/**
 * TR-16: the seven grounds for refusing the service (appendix 2, line 9), and TR-8: the paper route's term missed
 * (the arrival coupon presented after its 3 working days). A refusal cites exactly one, with its motivation.
 */
public enum RefusalGround {
    /** (1) documents or data found unreliable. */
    UNRELIABLE_DATA(1),
    /** (2) the applicant or the materials do not meet the requirements of legal acts. */
    REQUIREMENTS_NOT_MET(2),
    /** (3) a negative answer of an authorised body to a required approval. */
    NEGATIVE_APPROVAL(3),
    /** (4) a court decision banning the activity or the service. */
    COURT_BAN(4),
    /** (5) a court verdict depriving the applicant of a special right tied to the service. */
    SPECIAL_RIGHT_REVOKED(5),
    /** (6) no consent to access restricted personal data. */
    NO_CONSENT(6),
    /** (7) the class set is full (TR-10). */
    CLASS_FULL(7),
    /** TR-8: the arrival coupon's 3 working days ran out before it was presented. */
    TERM_MISSED(0);

    private final int number;

    RefusalGround(int number) {
        this.number = number;
    }

    /** The ground's number in TR-16 (1–7); 0 for TR-8's missed term. */
    public int number() {
        return number;
    }

    /** The clause a refusal on this ground cites. */
    public String clause() {
        return this == TERM_MISSED ? "TR-8" : "TR-16";
    }

    public String messageKey() {
        return "transfer.ground." + name();
    }

    /** A ground by its name or its TR-16 number ("7", "CLASS_FULL"); null when neither. */
    public static RefusalGround parse(String text) {
        if (text == null || text.isBlank()) return null;
        String t = text.strip();
        for (RefusalGround g : values())
            if (g.name().equalsIgnoreCase(t) || (g.number > 0 && Integer.toString(g.number).equals(t))) return g;
        return null;
    }
}
