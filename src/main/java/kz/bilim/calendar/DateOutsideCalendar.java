package kz.bilim.calendar;

import java.time.LocalDate;

/**
 * The calendar holds data for {@link WorkingCalendar#FIRST_YEAR}-{@link WorkingCalendar#LAST_YEAR} only; a question
 * about any other date is refused rather than answered from the five-day week alone.
 */
public class DateOutsideCalendar extends RuntimeException {

    private final transient LocalDate date;

    public DateOutsideCalendar(LocalDate date) {
        super("The calendar covers " + WorkingCalendar.FIRST_YEAR + "-" + WorkingCalendar.LAST_YEAR + ", not " + date);
        this.date = date;
    }

    public LocalDate date() {
        return date;
    }
}
