package kz.bilim.calendar.internal;

import kz.bilim.calendar.WorkingCalendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/** A year asked for in a page's query string: a number within the calendar's years, or nothing. */
final class YearParameter {

    private YearParameter() {
    }

    static Optional<Integer> parse(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        try {
            int year = Integer.parseInt(text.strip());
            return year >= WorkingCalendar.FIRST_YEAR && year <= WorkingCalendar.LAST_YEAR ? Optional.of(year) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** This year in Almaty, kept within the calendar's years. */
    static int current(java.time.Clock clock) {
        int year = LocalDate.now(clock).getYear();
        return Math.max(WorkingCalendar.FIRST_YEAR, Math.min(WorkingCalendar.LAST_YEAR, year));
    }

    static List<Integer> all() {
        return IntStream.rangeClosed(WorkingCalendar.FIRST_YEAR, WorkingCalendar.LAST_YEAR).boxed().toList();
    }
}
