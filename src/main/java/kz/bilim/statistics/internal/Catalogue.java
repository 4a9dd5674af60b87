package kz.bilim.statistics.internal;

import kz.bilim.statistics.Dim;
import kz.bilim.statistics.internal.Indicator.Feed;
import kz.bilim.statistics.internal.Indicator.Pending;
import kz.bilim.statistics.internal.Indicator.Source;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static kz.bilim.statistics.Dim.*;

/**
 * The 45 indicators of the appendix (docs/indicators.md is the same list in prose). The conditions are fixed SQL
 * fragments; nothing of a request ever becomes SQL text.
 */
final class Catalogue {

    static final String GENERAL = "o.kind in ('PRIMARY_SCHOOL', 'BASIC_SCHOOL', 'GENERAL_SECONDARY_SCHOOL', "
            + "'SPECIAL_SCHOOL', 'BOARDING_SCHOOL', 'EVENING_SCHOOL')";
    static final String PRESCHOOL = "o.kind = 'PRESCHOOL'";
    /** Children of preschool organisations in the pre-school preparation group (32). */
    static final String PREPARATION_GROUP = PRESCHOOL + " and f.preschool_group = 'PREPARATION'";
    /** Pupils of the pre-school classes (grade 0) of schools (33). */
    static final String PRESCHOOL_CLASS = GENERAL + " and f.grade = 0";
    /** A graduate's next step that continues education (school's grade 10, college, university). */
    static final String CONTINUED = "('CONTINUES_SCHOOL', 'TVET', 'HIGHER_EDUCATION')";
    /** A graduate placed: continuing education or employed. */
    static final String PLACED = "('CONTINUES_SCHOOL', 'TVET', 'HIGHER_EDUCATION', 'EMPLOYED')";

    private static final List<Dim> SCHOOLS_6 = List.of(REGION, DISTRICT, SCHOOL_TYPE, STUDY_FORM, LOCALITY, OWNERSHIP);
    private static final List<Dim> TERRITORY_4 = List.of(REGION, DISTRICT, LOCALITY, OWNERSHIP);
    private static final List<Dim> PUPILS_12 = List.of(REGION, DISTRICT, SCHOOL_TYPE, STUDY_FORM, LOCALITY, OWNERSHIP,
            SEX, GRADE, SHIFT, AGE, NATIONALITY, LANGUAGE);
    private static final List<Dim> TERRITORY_SEX_GRADE = List.of(REGION, DISTRICT, LOCALITY, OWNERSHIP, SEX, GRADE);
    private static final List<Dim> REGION_AGE_SEX = List.of(REGION, DISTRICT, AGE, SEX);
    private static final List<Dim> PRESCHOOL_STAFF = List.of(REGION, DISTRICT, ORGANISATION_TYPE, LOCALITY, OWNERSHIP,
            SEX, EDUCATION_LEVEL);
    private static final List<Dim> PRESCHOOL_CHILDREN = List.of(REGION, DISTRICT, ORGANISATION_TYPE, LANGUAGE, LOCALITY,
            OWNERSHIP, SEX, AGE, GROUP, NATIONALITY);
    private static final List<Dim> PREPARATION = List.of(REGION, DISTRICT, LOCALITY, OWNERSHIP, SEX, AGE);

    private static final Map<Integer, Indicator> ALL = new TreeMap<>();

    static {
        live(1, Source.ORGANISATIONS, GENERAL, SCHOOLS_6);
        live(2, Source.ORGANISATIONS, "o.kind = 'PRIMARY_SCHOOL'", TERRITORY_4);
        live(3, Source.ORGANISATIONS, "o.kind = 'BASIC_SCHOOL'", TERRITORY_4);
        live(4, Source.ORGANISATIONS, "o.kind = 'GENERAL_SECONDARY_SCHOOL'", TERRITORY_4);
        live(5, Source.ORGANISATIONS, GENERAL + " and o.deep_study_classes > 0", TERRITORY_4);
        live(6, Source.ORGANISATIONS, GENERAL + " and o.deep_study_profile", TERRITORY_4);
        live(7, Source.ORGANISATIONS, "o.kind = 'SPECIAL_SCHOOL'", TERRITORY_4);
        live(8, Source.PUPILS, GENERAL, PUPILS_12);
        live(9, Source.PUPILS, GENERAL, List.of(REGION, DISTRICT, AGE, SEX, GRADE, LOCALITY));
        live(10, Source.PUPILS, GENERAL + " and o.kind <> 'SPECIAL_SCHOOL' and f.special_needs", TERRITORY_SEX_GRADE);
        live(11, Source.PUPILS, GENERAL + " and o.deep_study_classes > 0", TERRITORY_SEX_GRADE);
        live(12, Source.ORGANISATIONS, GENERAL + " and o.camp", TERRITORY_4);
        live(13, Source.GRADUATES, GENERAL + " and f.distinction = 'ALTYN_BELGI'", TERRITORY_SEX_GRADE);
        live(14, Source.GRADUATES, GENERAL + " and f.distinction = 'HONOURS'", TERRITORY_SEX_GRADE);
        live(15, Source.GRADUATES, GENERAL + " and f.next_step in " + PLACED, List.of(REGION, DISTRICT, LOCALITY, GRADE,
                SEX));
        // by grade: the band of grades the contract teaches (staff registry, V191), one per contract
        live(16, Source.STAFF, GENERAL + " and f.position = 'TEACHER'",
                List.of(REGION, DISTRICT, SCHOOL_TYPE, STUDY_FORM, LOCALITY, OWNERSHIP, SEX, GRADE, AGE, NATIONALITY));
        live(17, Source.STAFF, GENERAL + " and f.position = 'TEACHER' and f.education_level in ('HIGHER', 'POSTGRADUATE')",
                TERRITORY_SEX_GRADE);
        live(18, Source.PUPILS, GENERAL + " and o.kind <> 'EVENING_SCHOOL' and f.study_form = 'EVENING'", PUPILS_12);
        // the year-end outcomes of the school year before the snapshot (the pedagogical council's decisions)
        live(19, Source.YEAR_ENDS, "o.kind = 'EVENING_SCHOOL' and f.outcome in ('PROMOTED', 'COMPLETED')",
                REGION_AGE_SEX);
        live(20, Source.GRADUATES, "o.kind = 'EVENING_SCHOOL' and f.certificate_kind = 'BASIC'", REGION_AGE_SEX);
        live(21, Source.PUPILS, GENERAL + " and f.special_needs", PUPILS_12);
        live(22, Source.PUPILS, GENERAL + " and (f.orphan or f.disability)", PUPILS_12);
        live(23, Source.GRADUATES, GENERAL, PUPILS_12);
        live(24, Source.GRADUATES, GENERAL + " and f.certificate_kind = 'BASIC'", PUPILS_12);
        live(25, Source.GRADUATES, GENERAL + " and f.certificate_kind = 'GENERAL'", PUPILS_12);
        live(26, Source.GRADUATES, GENERAL + " and (o.kind = 'EVENING_SCHOOL' or f.study_form = 'EVENING')", PUPILS_12);
        live(27, Source.GRADUATES, GENERAL + " and f.certificate_kind = 'BASIC' and f.next_step in " + CONTINUED,
                PUPILS_12);
        live(28, Source.GRADUATES, GENERAL + " and f.certificate_kind = 'GENERAL' and f.next_step in " + CONTINUED,
                PUPILS_12);
        add(new Indicator(29, Source.ORGANISATIONS, GENERAL + " and o.kind <> 'EVENING_SCHOOL' and o.computers is not null",
                TERRITORY_4, null, Map.of(), "coalesce(sum(o.computers), 0)"));
        add(new Indicator(30, Source.ORGANISATIONS, GENERAL + " and o.computers_internet is not null", TERRITORY_4, null,
                Map.of(), "coalesce(sum(o.computers_internet), 0)"));
        live(31, Source.PUPILS, "(" + PREPARATION_GROUP + ") or (" + PRESCHOOL_CLASS + ")", PREPARATION);
        live(32, Source.PUPILS, PREPARATION_GROUP, PREPARATION);
        live(33, Source.PUPILS, PRESCHOOL_CLASS, PREPARATION);
        live(34, Source.ORGANISATIONS, PRESCHOOL, List.of(REGION, DISTRICT, ORGANISATION_TYPE, LOCALITY, OWNERSHIP,
                LANGUAGE));
        add(new Indicator(35, Source.ORGANISATIONS, PRESCHOOL + " and o.places is not null", TERRITORY_4, null, Map.of(),
                "coalesce(sum(o.places), 0)"));
        live(36, Source.ORGANISATIONS, PRESCHOOL + " and o.buildings_emergency > 0", TERRITORY_4);
        live(37, Source.PUPILS, PRESCHOOL, PRESCHOOL_CHILDREN);
        live(39, Source.PUPILS, PRESCHOOL + " and f.age between 1 and 6",
                List.of(REGION, DISTRICT, ORGANISATION_TYPE, LOCALITY, OWNERSHIP, SEX));
        live(38, Source.PUPILS, PRESCHOOL + " and (o.preschool_type = 'SPECIAL' or f.preschool_group = 'SPECIAL')",
                PRESCHOOL_CHILDREN);
        // an age composition: by age (on 1 September) beside the appendix's breakdowns
        live(40, Source.CHILDREN, "f.age between 0 and 7", List.of(REGION, DISTRICT, ORGANISATION_TYPE, LOCALITY,
                OWNERSHIP, SEX, AGE));
        // "of which aged 1–6 and 3–6": by age
        live(41, Source.QUEUE, "true", List.of(REGION, DISTRICT, LOCALITY, AGE));
        live(42, Source.STAFF, PRESCHOOL + " and f.pedagogical", PRESCHOOL_STAFF);
        live(43, Source.STAFF, PRESCHOOL + " and f.position = 'EDUCATOR'", PRESCHOOL_STAFF);
        live(44, Source.STAFF, PRESCHOOL + " and f.pedagogical and o.preschool_type = 'SPECIAL'", PRESCHOOL_STAFF);
        add(new Indicator(45, Source.COMPARATIVE, "true", List.of(), null, Map.of()));
    }

    private Catalogue() {
    }

    private static void live(int number, Source source, String where, List<Dim> dims) {
        add(new Indicator(number, source, where, dims, null, Map.of()));
    }

    private static void pending(int number, Source source, List<Dim> dims, Feed feed, String input) {
        add(new Indicator(number, source, "false", dims, new Pending(feed, input), Map.of()));
    }

    private static void add(Indicator indicator) {
        if (ALL.put(indicator.number(), indicator) != null) throw new IllegalStateException("twice: " + indicator);
    }

    static Optional<Indicator> find(int number) {
        return Optional.ofNullable(ALL.get(number));
    }

    static List<Indicator> all() {
        return List.copyOf(ALL.values());
    }
}
