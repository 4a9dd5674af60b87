package kz.bilim.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One public holiday on one date. {@code movesOffWeekend} is false for Orthodox Christmas and the first day of
 * Kurban Ait, the two days off that stay where they fall (Labour Code art. 84).
 */
public record PublicHoliday(long id, LocalDate date, LocalizedName name, boolean movesOffWeekend, String note) {

    public PublicHoliday {
        Objects.requireNonNull(date);
        Objects.requireNonNull(name);
    }

    public static PublicHoliday of(LocalDate date, LocalizedName name, boolean movesOffWeekend) {
        return new PublicHoliday(0, date, name, movesOffWeekend, null);
    }
}
