package kz.bilim.calendar;

/**
 * The ministry changed the calendar data (a holiday, a decree swap or a school holiday period); {@link WorkingCalendar}
 * reloads when the change commits. {@code what} is the kind of row changed, e.g. {@code public_holiday}.
 */
public record CalendarChanged(String what, long id) {
}
