package kz.bilim.calendar;

import java.time.LocalDate;
import java.util.Locale;

/**
 * What the calendar says of one date: working or not, why ({@link DayKind}), the holiday's name if it is a holiday or
 * a holiday's transferred day off, and the decree if a swap decided it.
 */
public record CalendarDay(LocalDate date, DayKind kind, LocalizedName holiday, String decree) {

    public boolean working() {
        return kind.working();
    }

    /** The holiday's name in the locale's language, or null. */
    public String holidayName(Locale locale) {
        return holiday == null ? null : holiday.in(locale);
    }
}
