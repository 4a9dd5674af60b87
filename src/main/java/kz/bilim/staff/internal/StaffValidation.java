package kz.bilim.staff.internal;

import kz.bilim.identity.Iin;
import kz.bilim.identity.InvalidIdentityNumber;
import kz.bilim.identity.Sex;
import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Rules of form for typed staff data: one field error per bad field, with the field's name. */
final class StaffValidation {

    static final int NAME_MAX = 100;
    static final int TEXT_MAX = 200;
    static final int NUMBER_MAX = 50;

    private StaffValidation() {
    }

    /** The IIN, or null with an error; HB-1 wants one: without it the person cannot be hired until identified. */
    static Iin iin(String field, String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(field, HiringBanPolicy.unidentified().reasonKey()));
            return null;
        }
        try {
            return Iin.parse(text);
        } catch (InvalidIdentityNumber e) {
            errors.add(new FieldError(field, e.reason().messageKey()));
            return null;
        }
    }

    static String name(String field, String text, boolean required, List<FieldError> errors) {
        return text(field, text, required, NAME_MAX, errors);
    }

    static String text(String field, String text, boolean required, int max, List<FieldError> errors) {
        String value = Text.blankToNull(text);
        if (value == null) {
            if (required) errors.add(new FieldError(field, "error.field.required"));
            return null;
        }
        if (value.length() > max) errors.add(new FieldError(field, "staff.field.too-long", max));
        return value;
    }

    /** Birth date and sex, when given, must agree with digits 1–6 and 7 of the IIN. */
    static void agreesWithIin(Iin iin, LocalDate birthDate, Sex sex, String prefix, List<FieldError> errors) {
        if (iin == null) return;
        if (birthDate != null && !birthDate.equals(iin.birthDate()))
            errors.add(new FieldError(prefix + "birthDate", "staff.person.birth-date-mismatch"));
        if (sex != null && sex != iin.sex()) errors.add(new FieldError(prefix + "sex", "staff.person.sex-mismatch"));
    }

    static LocalDate date(String field, String text, List<FieldError> errors) {
        String value = Text.blankToNull(text);
        if (value == null) return null;
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "staff.field.date-format"));
            return null;
        }
    }

    static <E extends Enum<E>> E choice(Class<E> type, String field, String text, List<FieldError> errors) {
        String value = Text.blankToNull(text);
        if (value == null) return null;
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "staff.field.unknown-choice", value));
            return null;
        }
    }

    static BigDecimal hours(String field, String text, List<FieldError> errors) {
        String value = Text.blankToNull(text);
        if (value == null) return null;
        try {
            return new BigDecimal(value.replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "staff.field.number-format"));
            return null;
        }
    }

    static Integer integer(String field, String text, List<FieldError> errors) {
        String value = Text.blankToNull(text);
        if (value == null) return null;
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "staff.field.number-format"));
            return null;
        }
    }
}
