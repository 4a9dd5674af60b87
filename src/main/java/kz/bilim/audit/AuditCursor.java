package kz.bilim.audit;

import java.time.Instant;

/**
 * A keyset position in the trail, newest first: the page after it holds events strictly older than
 * ({@code occurredAt}, {@code id}). Its text form is {@code <microseconds since epoch>-<id>}.
 */
public record AuditCursor(Instant occurredAt, long id) {

    public static AuditCursor parse(String text) {
        if (text == null || !text.matches("-?[0-9]{1,19}-[0-9]{1,19}"))
            throw new IllegalArgumentException("audit.cursor.format");
        int dash = text.lastIndexOf('-');
        long micros = Long.parseLong(text.substring(0, dash));
        return new AuditCursor(Instant.EPOCH.plusNanos(Math.multiplyExact(micros, 1000L)),
                Long.parseLong(text.substring(dash + 1)));
    }

    @Override
    public String toString() {
        long micros = Math.addExact(Math.multiplyExact(occurredAt.getEpochSecond(), 1_000_000L),
                occurredAt.getNano() / 1000L);
        return micros + "-" + id;
    }
}
