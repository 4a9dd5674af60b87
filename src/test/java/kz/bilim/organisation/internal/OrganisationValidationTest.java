package kz.bilim.organisation.internal;

import kz.bilim.identity.Bin;
import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.RefusedException;
import kz.bilim.kernel.Scope;
import kz.bilim.organisation.ClassDraft;
import kz.bilim.organisation.Contacts;
import kz.bilim.organisation.Organisation;
import kz.bilim.organisation.OrganisationDraft;
import kz.bilim.organisation.OrganisationKind;
import kz.bilim.organisation.Ownership;
import kz.bilim.organisation.SchoolClass;
import kz.bilim.territory.Territories;
import kz.bilim.territory.Territory;
import kz.bilim.territory.TerritoryPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The rules of form for organisations and classes, as plain tables: no Spring, no database — the KATO tree is a
 * handful of territories in memory. A refused draft names each bad field with its reason; an accepted one comes back
 * normalised, with the defaults filled in (the occupancy norm of MS-9 among them).
 */
class OrganisationValidationTest {

    /** 31 region; 3110 an urban district; 311033000 a rural district of it with the village 311033101; 71 elsewhere. */
    static final Map<String, Territory> TREE = Map.of(
            "310000000", new Territory("310000000", null, 1, "Облыс", "Область", false, "31"),
            "311000000", new Territory("311000000", "310000000", 2, "Қала", "Город", true, "3110"),
            "311033000", new Territory("311033000", "311000000", 3, "Округ", "Округ", false, "311033"),
            "311033101", new Territory("311033101", "311033000", 4, "Ауыл", "Село", false, "311033101"),
            "711000000", new Territory("711000000", "710000000", 2, "Аудан", "Район", true, "7110"));

    static final Scope REGION_31 = Scope.territory("31");
    static final String BIN = validBin();
    static final String BIN_BAD_CHECK = BIN.substring(0, 11) + (char) ('0' + (BIN.charAt(11) - '0' + 1) % 10);

    final OrganisationValidation validation = new OrganisationValidation(new InMemoryTerritories());

    // ---- organisations -------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} = \"{1}\" → {2}: {3}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "bin           | ''             | bin           | error.field.required",
            "bin           | 12345          | bin           | identity.reason.length",
            "bin           | 12345678901x   | bin           | identity.reason.non-digit",
            "bin           | BAD_CHECK      | bin           | identity.reason.bad-check-digit",
            "nameKk        | '  '           | nameKk        | error.field.required",
            "nameKk        | x*301          | nameKk        | organisation.field.too-long",
            "nameRu        | null           | nameRu        | error.field.required",
            "nameRu        | x*301          | nameRu        | organisation.field.too-long",
            "kind          | null           | kind          | error.field.required",
            "ownership     | null           | ownership     | error.field.required",
            "kato          | ''             | kato          | error.field.required",
            "kato          | 31103310       | kato          | organisation.kato.format",
            "kato          | 319999999      | kato          | organisation.kato.unknown",
            "kato          | 310000000      | kato          | organisation.kato.too-wide",
            "kato          | 711000000      | kato          | organisation.kato.out-of-scope",
            "languages     | ''             | languages     | organisation.languages.required",
            "languages     | kk,xx          | languages     | organisation.languages.unknown",
            "shifts        | 0              | shifts        | organisation.field.range",
            "shifts        | 4              | shifts        | organisation.field.range",
            "occupancyNorm | 0              | occupancyNorm | organisation.field.range",
            "occupancyNorm | 61             | occupancyNorm | organisation.field.range",
            "phone         | 12345          | phone         | organisation.phone.format",
            "phone         | +8 701 1234567 | phone         | organisation.phone.format",
            "postalAddress | x*501          | postalAddress | organisation.field.too-long",
            "email         | someone@school | email         | organisation.email.format",
            "email         | a b@school.kz  | email         | organisation.email.format",
            "website       | localhost      | website       | organisation.website.format",
            "website       | http://        | website       | organisation.website.format"})
    @DisplayName("a bad field of an organisation is refused as invalid input naming the field and the reason")
    void badOrganisationFieldRefused(String field, String value, String errorField, String reason) {
        var refusal = refused(() -> validation.organisation(null, new Draft().set(field, value).build(), REGION_31));
        assertThat(refusal.code()).isEqualTo(Refusal.Code.INVALID_INPUT);
        assertThat(fields(refusal)).isEqualTo(Map.of(errorField, reason));
    }

    @ParameterizedTest(name = "MS-9 occupancy norm {0} → {1}")
    @CsvSource(nullValues = "null", value = {"null, 25", "1, 1", "25, 25", "60, 60"})
    @DisplayName("MS-9 an organisation's class occupancy norm is 25 unless given, and 1 to 60 when given")
    void occupancyNorm(Integer given, int norm) {
        var draft = new Draft().set("occupancyNorm", given == null ? null : given.toString()).build();
        assertThat(validation.organisation(null, draft, REGION_31).occupancyNorm()).isEqualTo(norm);
    }

    @ParameterizedTest(name = "{0} = \"{1}\" is kept as \"{2}\"")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "phone     | 8 (701) 123-45-67      | +77011234567",
            "phone     | +7 701 123 45 67       | +77011234567",
            "phone     | 87011234567            | +77011234567",
            "phone     | null                   | null",
            "website   | school.kz              | https://school.kz",
            "website   | http://school.kz/about | http://school.kz/about",
            "website   | '   '                  | null",
            "email     | head@school.kz         | head@school.kz",
            "nameKk    | '  №1 мектеп  '        | №1 мектеп",
            "bin       | ' BIN '                | BIN",
            "languages | KK, kk ,ru             | kk,ru",
            "shifts    | null                   | 1",
            "shifts    | 3                      | 3",
            "kato      | 311033101              | 311033101"})
    @DisplayName("an accepted organisation comes back normalised: phones as +7 and ten digits, web sites with a scheme, names trimmed, languages once each")
    void acceptedOrganisationIsNormalised(String field, String value, String kept) {
        Organisation o = validation.organisation(null, new Draft().set(field, value).build(), REGION_31);
        Object actual = switch (field) {
            case "phone" -> o.contacts().phone();
            case "website" -> o.contacts().website();
            case "email" -> o.contacts().email();
            case "nameKk" -> o.nameKk();
            case "bin" -> String.valueOf(o.bin());
            case "languages" -> String.join(",", o.languages());
            case "shifts" -> String.valueOf(o.shifts());
            case "kato" -> String.valueOf(o.kato());
            default -> throw new IllegalArgumentException(field);
        };
        assertThat(actual).isEqualTo(kept == null ? null : kept.replace("BIN", BIN));
    }

    @ParameterizedTest(name = "at {0}, urban given as {1} → {2}")
    @CsvSource(nullValues = "null", value = {
            "311033101, null,  false",
            "311000000, null,  true",
            "311033101, true,  true",
            "311000000, false, false"})
    @DisplayName("an organisation is urban or rural as its settlement is, unless said otherwise")
    void urbanFromTheSettlement(String kato, Boolean urban, boolean expected) {
        var draft = new Draft().set("kato", kato).set("urban", urban == null ? null : urban.toString()).build();
        assertThat(validation.organisation(null, draft, REGION_31).urban()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "scope {0}, settlement {1} → accepted: {2}")
    @CsvSource({"ALL, 711000000, true", "31, 311033101, true", "3110, 311033101, true", "71, 311033101, false",
            "311033, 311000000, false"})
    @DisplayName("an organisation is placed only inside the caller's own territory")
    void placedInsideTheScope(String scope, String kato, boolean accepted) {
        Scope caller = scope.equals("ALL") ? Scope.all(true) : Scope.territory(scope);
        Supplier<Organisation> placing = () -> validation.organisation(null, new Draft().set("kato", kato).build(), caller);
        if (accepted) assertThat(placing.get().kato()).hasToString(kato);
        else assertThat(fields(refused(placing::get))).isEqualTo(Map.of("kato", "organisation.kato.out-of-scope"));
    }

    @Test
    @DisplayName("every bad field of an organisation is named at once, with the limits in the reason's arguments")
    void everyBadFieldAtOnce() {
        var draft = new Draft().set("bin", "").set("nameKk", "x*301").set("kato", "319999999").set("languages", "")
                .set("shifts", "9").set("email", "nobody").build();
        var refusal = refused(() -> validation.organisation(null, draft, REGION_31));
        assertThat(fields(refusal)).isEqualTo(Map.of(
                "bin", "error.field.required",
                "nameKk", "organisation.field.too-long",
                "kato", "organisation.kato.unknown",
                "languages", "organisation.languages.required",
                "shifts", "organisation.field.range",
                "email", "organisation.email.format"));
        assertThat(args(refusal, "nameKk")).containsExactly(300);
        assertThat(args(refusal, "shifts")).containsExactly(1, 3);
    }

    // ---- classes -------------------------------------------------------------------------------------------------

    /** A school teaching in Kazakh and Russian, in two shifts, with an occupancy norm of 20. */
    Organisation school() {
        return validation.organisation(null, new Draft().set("languages", "kk,ru").set("shifts", "2")
                .set("occupancyNorm", "20").build(), REGION_31);
    }

    @ParameterizedTest(name = "{0} = \"{1}\" → {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "academicYear | 1999  | organisation.field.range",
            "academicYear | 2101  | organisation.field.range",
            "grade        | null  | error.field.required",
            "grade        | -1    | organisation.field.range",
            "grade        | 13    | organisation.field.range",
            "letter       | ' '   | error.field.required",
            "letter       | АБВГД | organisation.class.letter.format",
            "letter       | А-1   | organisation.class.letter.format",
            "language     | en    | organisation.class.language.not-taught",
            "shift        | 0     | organisation.field.range",
            "shift        | 3     | organisation.class.shift.beyond",
            "capacity     | 0     | organisation.field.range",
            "capacity     | 61    | organisation.field.range"})
    @DisplayName("a bad field of a class is refused as invalid input naming the field and the reason")
    void badClassFieldRefused(String field, String value, String reason) {
        var refusal = refused(() -> validation.schoolClass(null, school(), classDraft(field, value), 2025));
        assertThat(refusal.code()).isEqualTo(Refusal.Code.INVALID_INPUT);
        assertThat(fields(refusal)).isEqualTo(Map.of(field, reason));
    }

    @Test
    @DisplayName("a class in a shift the school does not run, or a language it does not teach, names what the school has")
    void classRefusalsNameWhatTheSchoolHas() {
        assertThat(args(refused(() -> validation.schoolClass(null, school(), classDraft("shift", "3"), 2025)), "shift"))
                .containsExactly(2);
        assertThat(args(refused(() -> validation.schoolClass(null, school(), classDraft("language", "en"), 2025)), "language"))
                .containsExactly("kk, ru");
    }

    @ParameterizedTest(name = "{0} = \"{1}\" is kept as {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "academicYear | null | 2025",
            "academicYear | 2000 | 2000",
            "grade        | 0    | 0",
            "grade        | 12   | 12",
            "letter       | а    | А",
            "letter       | 10   | 10",
            "language     | null | kk",
            "language     | ru   | ru",
            "shift        | null | 1",
            "shift        | 2    | 2",
            "capacity     | 60   | 60"})
    @DisplayName("an accepted class comes back with the current year, the school's first language, shift 1 and an upper-case letter unless given")
    void acceptedClassDefaults(String field, String value, String kept) {
        SchoolClass c = validation.schoolClass(null, school(), classDraft(field, value), 2025);
        Object actual = switch (field) {
            case "academicYear" -> c.academicYear();
            case "grade" -> c.grade();
            case "letter" -> c.letter();
            case "language" -> c.language();
            case "shift" -> c.shift();
            case "capacity" -> c.capacity();
            default -> throw new IllegalArgumentException(field);
        };
        assertThat(String.valueOf(actual)).isEqualTo(kept);
    }

    @Test
    @DisplayName("MS-9 a class's capacity is the organisation's occupancy norm unless given")
    void capacityDefaultsToTheNorm() {
        assertThat(validation.schoolClass(null, school(), classDraft("capacity", null), 2025).capacity()).isEqualTo(20);
        assertThat(validation.schoolClass(null, school(), classDraft("capacity", "30"), 2025).capacity()).isEqualTo(30);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** A valid draft of a school, one field at a time changed; "x*301" stands for 301 x's, BAD_CHECK for a BIN with a wrong check digit. */
    static final class Draft {
        String bin = BIN;
        String nameKk = "№1 мектеп";
        String nameRu = "Школа №1";
        OrganisationKind kind = OrganisationKind.GENERAL_SECONDARY_SCHOOL;
        Ownership ownership = Ownership.STATE;
        String kato = "311033101";
        Boolean urban;
        List<String> languages = List.of("kk");
        Integer shifts;
        Integer occupancyNorm;
        String phone;
        String postalAddress;
        String email;
        String website;

        Draft set(String field, String text) {
            String value = expand(text);
            switch (field) {
                case "bin" -> bin = value;
                case "nameKk" -> nameKk = value;
                case "nameRu" -> nameRu = value;
                case "kind" -> kind = value == null ? null : OrganisationKind.valueOf(value);
                case "ownership" -> ownership = value == null ? null : Ownership.valueOf(value);
                case "kato" -> kato = value;
                case "urban" -> urban = value == null ? null : Boolean.valueOf(value);
                case "languages" -> languages = value == null ? null
                        : value.isEmpty() ? List.of() : Arrays.asList(value.split(","));
                case "shifts" -> shifts = value == null ? null : Integer.valueOf(value);
                case "occupancyNorm" -> occupancyNorm = value == null ? null : Integer.valueOf(value);
                case "phone" -> phone = value;
                case "postalAddress" -> postalAddress = value;
                case "email" -> email = value;
                case "website" -> website = value;
                default -> throw new IllegalArgumentException(field);
            }
            return this;
        }

        OrganisationDraft build() {
            return new OrganisationDraft(bin, nameKk, nameRu, kind, ownership, kato, urban, languages, shifts,
                    new Contacts(phone, postalAddress, email, website), occupancyNorm);
        }
    }

    static ClassDraft classDraft(String field, String text) {
        Integer year = null;
        Integer grade = 5;
        String letter = "А";
        String language = null;
        Integer shift = null;
        Integer capacity = null;
        String value = expand(text);
        switch (field) {
            case "academicYear" -> year = value == null ? null : Integer.valueOf(value);
            case "grade" -> grade = value == null ? null : Integer.valueOf(value);
            case "letter" -> letter = value;
            case "language" -> language = value;
            case "shift" -> shift = value == null ? null : Integer.valueOf(value);
            case "capacity" -> capacity = value == null ? null : Integer.valueOf(value);
            default -> throw new IllegalArgumentException(field);
        }
        return new ClassDraft(year, grade, letter, language, shift, capacity);
    }

    private static String expand(String text) {
        if (text == null) return null;
        if (text.equals("BAD_CHECK")) return BIN_BAD_CHECK;
        if (text.contains("BIN")) return text.replace("BIN", BIN);
        var repeat = java.util.regex.Pattern.compile("(.)\\*(\\d+)").matcher(text);
        return repeat.matches() ? repeat.group(1).repeat(Integer.parseInt(repeat.group(2))) : text;
    }

    private static Refusal refused(Runnable attempt) {
        try {
            attempt.run();
        } catch (RefusedException e) {
            return e.refusal();
        }
        return fail("accepted, but should have been refused");
    }

    /** The refused fields and their reasons. */
    private static Map<String, String> fields(Refusal refusal) {
        return refusal.errors().stream().collect(Collectors.toMap(FieldError::field, FieldError::reasonKey));
    }

    private static List<Object> args(Refusal refusal, String field) {
        return refusal.errors().stream().filter(e -> e.field().equals(field)).findFirst()
                .map(e -> Arrays.asList(e.args())).orElseThrow();
    }

    private static String validBin() {
        for (int serial = 100; ; serial++) {
            var bin = Bin.compose(YearMonth.of(2004, 2), Bin.EntityType.RESIDENT, Bin.Attribute.HEAD_OFFICE, serial);
            if (bin != null) return bin.value();
        }
    }

    /** The KATO tree of {@link #TREE}; only what validation reads. */
    static final class InMemoryTerritories implements Territories {
        @Override
        public Optional<Territory> find(String kato) {
            return Optional.ofNullable(TREE.get(kato));
        }

        @Override
        public Map<String, Territory> findAll(Collection<String> katos) {
            return katos.stream().filter(TREE::containsKey).collect(Collectors.toMap(k -> k, TREE::get));
        }

        @Override
        public List<Territory> regions() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Territory> children(String parentKato) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TerritoryPage children(String parentKato, int page, int size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Territory> path(String kato) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Territory> search(String text, int limit) {
            throw new UnsupportedOperationException();
        }
    }
}
