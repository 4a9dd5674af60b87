package kz.bilim.calendar.internal;

import kz.bilim.kernel.Text;
import kz.bilim.calendar.WorkingCalendar;

import java.time.LocalDate;

/** Checks of form shared by the calendar's admin forms; each failure is a field error shown in place. */
final class Forms {

    static final int MAX_TEXT = 300;

    private Forms() {
    }


    static void requireText(Checks errors, String field, String value) {
        if (errors.hasFieldErrors(field)) return;
        if (value == null || value.isBlank()) errors.rejectValue(field, "error.field.required");
        else if (value.length() > MAX_TEXT) errors.rejectValue(field, "calendar.error.too-long", MAX_TEXT);
    }

    static void optionalText(Checks errors, String field, String value) {
        if (!errors.hasFieldErrors(field) && value != null && value.length() > MAX_TEXT)
            errors.rejectValue(field, "calendar.error.too-long", MAX_TEXT);
    }

    /** A date required and within the calendar's years; returns whether it passed. */
    static boolean requireCoveredDate(Checks errors, String field, LocalDate date) {
        if (errors.hasFieldErrors(field)) return false;
        if (date == null) {
            errors.rejectValue(field, "error.field.required");
            return false;
        }
        if (!WorkingCalendar.covers(date)) {
            errors.rejectValue(field, "calendar.error.outside-years",
                    String.valueOf(WorkingCalendar.FIRST_YEAR), String.valueOf(WorkingCalendar.LAST_YEAR));
            return false;
        }
        return true;
    }
}
