package kz.bilim.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A day whose status the government changed by decree (Labour Code art. 85 p.3): {@code working} true makes a day off
 * a working day, false makes a working day a day off. Swaps override every other rule.
 */
public record DaySwap(long id, LocalDate date, boolean working, String decree, String note) {

    public DaySwap {
        Objects.requireNonNull(date);
        Objects.requireNonNull(decree);
    }

    public static DaySwap of(LocalDate date, boolean working, String decree) {
        return new DaySwap(0, date, working, decree, null);
    }
}
