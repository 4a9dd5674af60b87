package kz.bilim.organisation.internal;

import kz.bilim.kernel.Text;
import kz.bilim.kernel.Scope;
import kz.bilim.identity.Bin;
import kz.bilim.identity.InvalidIdentityNumber;
import kz.bilim.organisation.ClassDraft;
import kz.bilim.organisation.Contacts;
import kz.bilim.organisation.InstructionLanguage;
import kz.bilim.organisation.Organisation;
import kz.bilim.organisation.OrganisationDraft;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.SchoolClass;
import kz.bilim.organisation.SchoolClassId;
import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Refusal;
import kz.bilim.territory.KatoCode;
import kz.bilim.territory.Territories;
import kz.bilim.territory.Territory;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rules of form for organisations and classes: turns a draft into a valid record or refuses it naming every bad
 * field. Field names are those of the API and the forms. The occupancy norm defaults to 25 (MS-9).
 */
@Component
class OrganisationValidation {

    static final int NAME_MAX = 300;
    static final int ADDRESS_MAX = 500;
    private static final Pattern PHONE = Pattern.compile("(\\+7|8)[0-9]{10}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern LETTER = Pattern.compile("[\\p{L}\\p{N}]{1,4}");

    private final Territories territories;

    OrganisationValidation(Territories territories) {
        this.territories = territories;
    }

    /** A valid organisation from the draft, with the given id (null id for a new one), or a refusal of the invalid fields (raised, to roll back the transaction). */
    Organisation organisation(OrganisationId id, OrganisationDraft draft, Scope scope) {
        var errors = new ArrayList<FieldError>();
        String bin = bin(draft.bin(), errors);
        String nameKk = name("nameKk", draft.nameKk(), errors);
        String nameRu = name("nameRu", draft.nameRu(), errors);
        if (draft.kind() == null) errors.add(new FieldError("kind", "error.field.required"));
        if (draft.ownership() == null) errors.add(new FieldError("ownership", "error.field.required"));
        Territory territory = territory(draft.kato(), scope, errors);
        List<String> languages = languages(draft.languages(), errors);
        int shifts = inRange("shifts", draft.shifts(), 1, 1, 3, errors);
        Contacts contacts = contacts(draft.contacts(), errors);
        int norm = inRange("occupancyNorm", draft.occupancyNorm(), Organisation.DEFAULT_OCCUPANCY_NORM, 1, 60, errors);
        if (!errors.isEmpty()) throw Refusal.invalid(errors).exception();
        boolean urban = draft.urban() != null ? draft.urban() : territory.urban();
        return new Organisation(id, new Bin(bin), nameKk, nameRu, draft.kind(), draft.ownership(),
                new KatoCode(territory.kato()), urban,
                languages, shifts, contacts, norm);
    }

    Contacts contacts(Contacts contacts, List<FieldError> errors) {
        if (contacts == null) return Contacts.none();
        return new Contacts(phone(contacts.phone(), errors), address(contacts.postalAddress(), errors),
                email(contacts.email(), errors), website(contacts.website(), errors));
    }

    /** A valid class of the organisation from the draft, or a refusal of the invalid fields (raised, to roll back the transaction). */
    SchoolClass schoolClass(SchoolClassId id, Organisation organisation, ClassDraft draft, int defaultYear) {
        var errors = new ArrayList<FieldError>();
        int year = inRange("academicYear", draft.academicYear(), defaultYear, 2000, 2100, errors);
        Integer grade = draft.grade();
        if (grade == null) errors.add(new FieldError("grade", "error.field.required"));
        else if (grade < 0 || grade > 12) errors.add(new FieldError("grade", "organisation.field.range", 0, 12));
        String letter = Text.blankToNull(draft.letter());
        if (letter == null) errors.add(new FieldError("letter", "error.field.required"));
        else if (!LETTER.matcher(letter).matches()) errors.add(new FieldError("letter", "organisation.class.letter.format"));
        String language = Text.blankToNull(draft.language());
        if (language == null) language = organisation.languages().get(0);
        else if (!organisation.languages().contains(language))
            errors.add(new FieldError("language", "organisation.class.language.not-taught",
                    String.join(", ", organisation.languages())));
        int shift = draft.shift() == null ? 1 : draft.shift();
        if (shift < 1) errors.add(new FieldError("shift", "organisation.field.range", 1, organisation.shifts()));
        else if (shift > organisation.shifts())
            errors.add(new FieldError("shift", "organisation.class.shift.beyond", organisation.shifts()));
        int capacity = inRange("capacity", draft.capacity(), organisation.occupancyNorm(), 1, 60, errors);
        if (!errors.isEmpty()) throw Refusal.invalid(errors).exception();
        return new SchoolClass(id, organisation.id(), organisation.kato().value(), year, grade,
                letter.toUpperCase(Locale.ROOT), language, shift, capacity);
    }

    private static String bin(String text, List<FieldError> errors) {
        String value = Text.blankToNull(text);
        if (value == null) {
            errors.add(new FieldError("bin", "error.field.required"));
            return null;
        }
        try {
            return Bin.parse(value).value();
        } catch (InvalidIdentityNumber e) {
            errors.add(new FieldError("bin", e.reason().messageKey()));
            return null;
        }
    }

    private static String name(String field, String text, List<FieldError> errors) {
        String value = Text.blankToNull(text);
        if (value == null) errors.add(new FieldError(field, "error.field.required"));
        else if (value.length() > NAME_MAX) errors.add(new FieldError(field, "organisation.field.too-long", NAME_MAX));
        return value;
    }

    private Territory territory(String text, Scope scope, List<FieldError> errors) {
        String value = Text.blankToNull(text);
        if (value == null) {
            errors.add(new FieldError("kato", "error.field.required"));
            return null;
        }
        KatoCode code;
        try {
            code = KatoCode.parse(value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("kato", "organisation.kato.format"));
            return null;
        }
        var territory = territories.find(code.value());
        if (territory.isEmpty()) {
            errors.add(new FieldError("kato", "organisation.kato.unknown"));
            return null;
        }
        if (territory.get().level() < 2) {
            errors.add(new FieldError("kato", "organisation.kato.too-wide"));
            return null;
        }
        if (!scope.covers(code.value(), null)) {
            errors.add(new FieldError("kato", "organisation.kato.out-of-scope"));
            return null;
        }
        return territory.get();
    }

    private static List<String> languages(List<String> codes, List<FieldError> errors) {
        var chosen = new LinkedHashSet<String>();
        if (codes != null) for (String code : codes) {
            String value = Text.blankToNull(code);
            if (value == null) continue;
            value = value.toLowerCase(Locale.ROOT);
            if (!InstructionLanguage.isKnown(value)) {
                errors.add(new FieldError("languages", "organisation.languages.unknown", value));
                return List.of();
            }
            chosen.add(value);
        }
        if (chosen.isEmpty()) errors.add(new FieldError("languages", "organisation.languages.required"));
        return List.copyOf(chosen);
    }

    private static int inRange(String field, Integer value, int byDefault, int min, int max, List<FieldError> errors) {
        if (value == null) return byDefault;
        if (value < min || value > max) errors.add(new FieldError(field, "organisation.field.range", min, max));
        return value;
    }

    private static String phone(String text, List<FieldError> errors) {
        String value = Text.blankToNull(text);
        if (value == null) return null;
        String digits = value.replaceAll("[\\s()\\-]", "");
        if (!PHONE.matcher(digits).matches()) {
            errors.add(new FieldError("phone", "organisation.phone.format"));
            return value;
        }
        return "+7" + digits.substring(digits.length() - 10);
    }

    private static String address(String text, List<FieldError> errors) {
        String value = Text.blankToNull(text);
        if (value != null && value.length() > ADDRESS_MAX)
            errors.add(new FieldError("postalAddress", "organisation.field.too-long", ADDRESS_MAX));
        return value;
    }

    private static String email(String text, List<FieldError> errors) {
        String value = Text.blankToNull(text);
        if (value == null) return null;
        if (value.length() > 254 || !EMAIL.matcher(value).matches())
            errors.add(new FieldError("email", "organisation.email.format"));
        return value;
    }

    private static String website(String text, List<FieldError> errors) {
        String value = Text.blankToNull(text);
        if (value == null) return null;
        String withScheme = value.matches("(?i)https?://.*") ? value : "https://" + value;
        try {
            var uri = new URI(withScheme);
            if (uri.getHost() == null || !uri.getHost().contains(".") || withScheme.length() > 255)
                throw new URISyntaxException(withScheme, "no host");
            return withScheme;
        } catch (URISyntaxException e) {
            errors.add(new FieldError("website", "organisation.website.format"));
            return value;
        }
    }

}
