package kz.bilim.enrolment.internal;

import kz.bilim.enrolment.PupilRecords;
import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Text;

import java.util.List;
import java.util.Locale;

/** The outcome of a year-end line as typed or chosen: one of the council's three, or a field error naming the line. */
final class YearEndLines {

    private YearEndLines() {
    }

    /** Null when blank (the caller decides whether blank is allowed). */
    static PupilRecords.YearEnd outcome(String field, String text, List<FieldError> errors) {
        String value = Text.blankToNull(text);
        if (value == null) return null;
        try {
            return PupilRecords.YearEnd.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "enrolment.year-end.outcome-unknown", value));
            return null;
        }
    }
}
