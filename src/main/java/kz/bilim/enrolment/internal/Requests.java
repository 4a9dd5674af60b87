package kz.bilim.enrolment.internal;

import kz.bilim.kernel.Dates;
import kz.bilim.kernel.Text;

import kz.bilim.enrolment.PersonDraft;
import kz.bilim.identity.Sex;
import kz.bilim.kernel.FieldError;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Turning typed text (dates, sex) into values, each failure a field error rather than an unreadable request. */
final class Requests {

    private Requests() {
    }

    static LocalDate date(String field, String text, List<FieldError> errors) {
        String value = Text.blankToNull(text);
        if (value == null) return null;
        try {
            return Dates.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "enrolment.field.date-format"));
            return null;
        }
    }

    static Sex sex(String field, String text, List<FieldError> errors) {
        String value = Text.blankToNull(text);
        if (value == null) return null;
        try {
            return Sex.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "enrolment.person.sex-unknown"));
            return null;
        }
    }

    static PersonDraft person(String prefix, String iin, String lastName, String firstName, String patronymic,
                              String birthDate, String sex, String nationality, String citizenship,
                              String residenceKato, List<FieldError> errors) {
        return new PersonDraft(iin, lastName, firstName, patronymic, date(prefix + "birthDate", birthDate, errors),
                sex(prefix + "sex", sex, errors), nationality, citizenship, residenceKato);
    }
}
