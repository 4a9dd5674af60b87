package kz.bilim.child.truancy;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZonedDateTime;

/**
 * A district's truant list of one month (CA-3 (9), CA-4): formed on the 1st from the month's absences under the rule
 * then in force, due placed by {@code due}; {@code entries} children, {@code undecided} of them not yet agreed or
 * commented by the police liaison. Counts only.
 */
public record TruantList(long id, String district, YearMonth month, int moreThan, int schoolDays, Instant formedAt,
                         ZonedDateTime due, Instant placedAt, String placedBy, int entries, int agreed,
                         int undecided) {

    /** The month as its readers write it: {@code 11.2026}. */
    public String monthText() {
        return "%02d.%d".formatted(month.getMonthValue(), month.getYear());
    }

    public boolean placed() {
        return placedAt != null;
    }

    /** CA-4: not placed by the due moment (and the moment has passed), or placed after it. */
    public boolean lateAt(Instant now) {
        return placedAt == null ? now.isAfter(due.toInstant()) : placedAt.isAfter(due.toInstant());
    }
}
