package kz.bilim.child.internal;

import kz.bilim.child.ChildSource;
import kz.bilim.identity.Bin;
import kz.bilim.identity.Iin;
import kz.bilim.identity.InvalidIdentityNumber;
import kz.bilim.identity.Sex;
import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Scope;
import kz.bilim.organisation.Organisation;
import kz.bilim.territory.KatoCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules of one row of a source's file (issue 9, "Rejected rows"), each naming the column at fault:
 * <ul>
 *   <li>CA-2 {@code iin}: optional (foreign, stateless and some kandas children have none); when given, a valid IIN
 *       (check digit, century digit, date) whose birth date and sex agree with {@code birth_date} and {@code sex};</li>
 *   <li>CA-2 {@code last_name}, {@code first_name}: required, at most 200 characters; {@code patronymic} optional;</li>
 *   <li>CA-1 (5)-(6) "children aged 0–18": {@code birth_date} YYYY-MM-DD, not in the future, and the child not yet 18;</li>
 *   <li>{@code sex}: M or F; {@code citizenship}: ISO 3166 alpha-2, or XX for a stateless child;</li>
 *   <li>CA-2 "living on their territory": {@code residence_kato} a KATO code of the classifier, within the caller's
 *       scope, and for the external registers (Justice, Kandas) within the territory the file is a snapshot of;</li>
 *   <li>CA-1 (1)-(4) EMIS files: {@code organisation_bin} an organisation within the caller's scope whose kind and
 *       ownership belong to this source; {@code grade} 0–12 or empty.</li>
 * </ul>
 * Duplicate rows (the same IIN twice; without IIN, the same name, birth date and residence) are found set-based
 * after staging ({@link ChildMerge}).
 */
final class ChildRowPolicy {

    static final int NAME_MAX = 200;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** What a row is checked against. */
    interface Context {
        ChildSource source();

        LocalDate today();

        Scope scope();

        /** The digits every residence of a Justice or Kandas snapshot starts with. */
        String territoryPrefix();

        boolean territoryExists(String kato);

        /** The organisation of this BIN within the caller's scope, or null. */
        Organisation organisation(String bin);
    }

    /** A row that passed every rule. */
    record Row(int number, String iin, String lastName, String firstName, String patronymic, LocalDate birthDate,
               String sex, String citizenship, String residenceKato, String nameKey, String organisationBin,
               Long organisationId, Integer grade) {
    }

    private ChildRowPolicy() {
    }

    /** The row, or null with the reasons added to {@code errors} (fields named by their column). */
    static Row check(int number, String[] f, Context context, List<FieldError> errors) {
        String iinText = f[0].trim();
        String lastName = name("last_name", f[1], true, errors);
        String firstName = name("first_name", f[2], true, errors);
        String patronymic = name("patronymic", f[3], false, errors);
        LocalDate birthDate = birthDate(f[4].trim(), context.today(), errors);
        String sex = switch (f[5].trim().toUpperCase(Locale.ROOT)) {
            case "M" -> "MALE";
            case "F" -> "FEMALE";
            case "" -> {
                errors.add(new FieldError("sex", "error.field.required"));
                yield null;
            }
            default -> {
                errors.add(new FieldError("sex", "child.import.sex"));
                yield null;
            }
        };
        String iin = null;
        if (!iinText.isEmpty()) {
            try {
                var parsed = Iin.parse(iinText);
                iin = parsed.value();
                if (birthDate != null && !parsed.birthDate().equals(birthDate))
                    errors.add(new FieldError("birth_date", "child.import.iin-birth-date"));
                if (sex != null && !parsed.sex().name().equals(sex))
                    errors.add(new FieldError("sex", "child.import.iin-sex"));
            } catch (InvalidIdentityNumber e) {
                errors.add(new FieldError("iin", e.reason().messageKey()));
            }
        }
        String citizenship = f[6].trim().toUpperCase(Locale.ROOT);
        if (citizenship.isEmpty()) errors.add(new FieldError("citizenship", "error.field.required"));
        else if (!citizenship.equals("XX") && !COUNTRIES.contains(citizenship))
            errors.add(new FieldError("citizenship", "child.import.citizenship"));
        String residence = residence(f[7].trim(), context, errors);
        String bin = null;
        Long organisationId = null;
        Integer grade = null;
        if (context.source().emis()) {
            String binText = f[8].trim();
            if (binText.isEmpty()) errors.add(new FieldError("organisation_bin", "error.field.required"));
            else {
                try {
                    bin = Bin.parse(binText).value();
                    Organisation organisation = context.organisation(bin);
                    if (organisation == null)
                        errors.add(new FieldError("organisation_bin", "child.import.organisation-unknown", bin));
                    else if (ChildSource.of(organisation.kind(), organisation.ownership()) != context.source())
                        errors.add(new FieldError("organisation_bin", "child.import.organisation-other-source", bin,
                                ChildSource.of(organisation.kind(), organisation.ownership()).name()));
                    else organisationId = organisation.id().value();
                } catch (InvalidIdentityNumber e) {
                    errors.add(new FieldError("organisation_bin", e.reason().messageKey()));
                }
            }
            String gradeText = f[9].trim();
            if (!gradeText.isEmpty()) {
                try {
                    grade = Integer.valueOf(gradeText);
                    if (grade < 0 || grade > 12) errors.add(new FieldError("grade", "child.import.grade"));
                } catch (NumberFormatException e) {
                    errors.add(new FieldError("grade", "child.import.grade"));
                }
            }
        }
        if (!errors.isEmpty()) return null;
        return new Row(number, iin, lastName, firstName, patronymic, birthDate, sex, citizenship, residence,
                NameKey.of(lastName, firstName), bin, organisationId, grade);
    }

    private static String name(String field, String text, boolean required, List<FieldError> errors) {
        String value = text.trim();
        if (value.isEmpty()) {
            if (required) errors.add(new FieldError(field, "error.field.required"));
            return null;
        }
        if (value.length() > NAME_MAX) errors.add(new FieldError(field, "child.import.too-long", NAME_MAX));
        return value;
    }

    /** CA-1 (5)-(6): a child aged 0–18 — born, and not yet 18 today. */
    static LocalDate birthDate(String text, LocalDate today, List<FieldError> errors) {
        if (text.isEmpty()) {
            errors.add(new FieldError("birth_date", "error.field.required"));
            return null;
        }
        LocalDate date;
        try {
            date = isoDate(text);
        } catch (java.time.DateTimeException e) {
            errors.add(new FieldError("birth_date", "child.import.date"));
            return null;
        }
        if (date.isAfter(today)) errors.add(new FieldError("birth_date", "child.import.birth-date-future"));
        else if (!date.plusYears(18).isAfter(today)) errors.add(new FieldError("birth_date", "child.import.adult"));
        return date;
    }

    /**
     * {@code YYYY-MM-DD} by arithmetic (millions of rows in a national file; the formatter was a good part of a row's
     * checks), anything else as {@link LocalDate#parse} reads it.
     */
    private static LocalDate isoDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') return LocalDate.parse(text);
        int year = 0, month = 0, day = 0;
        for (int i = 0; i < 10; i++) {
            if (i == 4 || i == 7) continue;
            int d = text.charAt(i) - '0';
            if (d < 0 || d > 9) return LocalDate.parse(text);
            if (i < 4) year = year * 10 + d;
            else if (i < 7) month = month * 10 + d;
            else day = day * 10 + d;
        }
        return LocalDate.of(year, month, day);
    }

    private static String residence(String kato, Context context, List<FieldError> errors) {
        if (kato.isEmpty()) {
            errors.add(new FieldError("residence_kato", "error.field.required"));
            return null;
        }
        if (!KatoCode.isWellFormed(kato)) {
            errors.add(new FieldError("residence_kato", KatoCode.FORMAT_REASON));
            return null;
        }
        if (!context.territoryExists(kato)) errors.add(new FieldError("residence_kato", "child.import.kato-unknown", kato));
        else if (!context.scope().covers(kato, null))
            errors.add(new FieldError("residence_kato", "child.import.kato-out-of-scope", kato));
        else if (!context.source().emis() && !kato.startsWith(context.territoryPrefix()))
            errors.add(new FieldError("residence_kato", "child.import.kato-outside-snapshot", kato));
        return kato;
    }
}
