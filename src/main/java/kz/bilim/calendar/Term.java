package kz.bilim.calendar;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * TR-13, TR-14: a term of {@code workingDays} working days for the provider to act on something that arrived at
 * {@code received}: it is {@code registered} at the provider's next opening (at once if it arrived in office hours),
 * the term runs from the day after registration and is {@code due} at the close of office hours of its last working
 * day. All three are in Almaty time. Made only by {@link WorkingCalendar#term}; the rule is written in docs/terms.md.
 */
public record Term(ZonedDateTime received, ZonedDateTime registered, int workingDays, ZonedDateTime due) {

    public Term {
        Objects.requireNonNull(received);
        Objects.requireNonNull(registered);
        Objects.requireNonNull(due);
        if (workingDays < 1) throw new IllegalArgumentException("a term has at least one working day: " + workingDays);
        if (registered.isBefore(received) || !due.isAfter(registered))
            throw new IllegalArgumentException("received <= registered < due does not hold");
    }

    /** Whether something done at {@code at} is within the term: up to and including the due moment. */
    public boolean isMetBy(Instant at) {
        return !at.isAfter(due.toInstant());
    }

    /** Whether the term has run out at {@code now} (its due moment has passed). */
    public boolean isOverdueAt(Instant now) {
        return now.isAfter(due.toInstant());
    }
}
