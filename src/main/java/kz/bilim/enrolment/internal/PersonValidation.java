package kz.bilim.enrolment.internal;

import kz.bilim.kernel.Text;
import kz.bilim.enrolment.PersonDraft;
import kz.bilim.identity.Iin;
import kz.bilim.identity.InvalidIdentityNumber;
import kz.bilim.kernel.FieldError;
import kz.bilim.territory.Territories;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/**
 * Rules of form for a person: a valid IIN; surname and first name; birth date and sex that agree with the IIN
 * (digits 1–6 and 7); citizenship as a two-letter country code (KZ by default); an existing residence territory.
 * Field names carry a prefix ("person.") so the API and the admission form name them alike.
 */
@Component
class PersonValidation {

    private static final int NAME_MAX = 100;

    private final Territories territories;

    PersonValidation(Territories territories) {
        this.territories = territories;
    }

    /** The IIN of the draft, or null with an error. */
    Iin iin(String prefix, String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(prefix + "iin", "error.field.required"));
            return null;
        }
        try {
            return Iin.parse(text);
        } catch (InvalidIdentityNumber e) {
            errors.add(new FieldError(prefix + "iin", e.reason().messageKey()));
            return null;
        }
    }

    /** A complete, valid person for registration (birth date and sex filled from the IIN when left out). */
    PersonDraft person(String prefix, PersonDraft draft, Iin iin, List<FieldError> errors) {
        String lastName = name(prefix + "lastName", draft.lastName(), true, errors);
        String firstName = name(prefix + "firstName", draft.firstName(), true, errors);
        String patronymic = name(prefix + "patronymic", draft.patronymic(), false, errors);
        if (iin != null && draft.birthDate() != null && !draft.birthDate().equals(iin.birthDate()))
            errors.add(new FieldError(prefix + "birthDate", "enrolment.person.birth-date-mismatch"));
        if (iin != null && draft.sex() != null && draft.sex() != iin.sex())
            errors.add(new FieldError(prefix + "sex", "enrolment.person.sex-mismatch"));
        String citizenship = Text.blankToNull(draft.citizenship());
        citizenship = citizenship == null ? "KZ" : citizenship.toUpperCase(Locale.ROOT);
        if (!citizenship.matches("[A-Z]{2}"))
            errors.add(new FieldError(prefix + "citizenship", "enrolment.person.citizenship-format"));
        String nationality = name(prefix + "nationality", draft.nationality(), false, errors);
        String residence = Text.blankToNull(draft.residenceKato());
        if (residence == null) errors.add(new FieldError(prefix + "residenceKato", "error.field.required"));
        else if (!residence.matches("[0-9]{9}") || territories.find(residence).isEmpty())
            errors.add(new FieldError(prefix + "residenceKato", "enrolment.person.residence-unknown"));
        if (iin == null) return null;
        return new PersonDraft(iin.value(), lastName, firstName, patronymic, iin.birthDate(), iin.sex(), nationality,
                citizenship, residence);
    }

    private static String name(String field, String text, boolean required, List<FieldError> errors) {
        String value = Text.blankToNull(text);
        if (value == null) {
            if (required) errors.add(new FieldError(field, "error.field.required"));
            return null;
        }
        if (value.length() > NAME_MAX) errors.add(new FieldError(field, "enrolment.field.too-long", NAME_MAX));
        return value;
    }

}
