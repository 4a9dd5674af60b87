package kz.bilim.statistics;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.kernel.CurrentScope;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * SC-5: every indicator computed from the registries — its total equals the sum over each of its breakdowns, and
 * equals a count made here straight from the registries' tables (not through the snapshot); a cell of the fixture's
 * own district is what the fixture holds; bad parameters are refused naming the parameter; indicators whose inputs
 * are not held yet answer "not yet available", never a number.
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsIndicatorsTest {

    private static final String GENERAL = "('PRIMARY_SCHOOL', 'BASIC_SCHOOL', 'GENERAL_SECONDARY_SCHOOL', 'SPECIAL_SCHOOL', "
            + "'BOARDING_SCHOOL', 'EVENING_SCHOOL')";
    private static final String OPEN = " and e.enrolled_from <= date '2026-10-05' and (e.enrolled_to is null or "
            + "e.enrolled_to >= date '2026-10-05')";
    private static final String CURRENT = " and c.starts_on <= date '2026-10-05' and (c.dismissed_on is null or "
            + "c.dismissed_on >= date '2026-10-05') and (c.ends_on is null or c.ends_on >= date '2026-10-05')";

    /** The accepted values of the latest period of the 2026 school passport, per organisation (EIS-4). */
    private static final String PASSPORT = " from collection_form cf join lateral (select p.id from collection_period p "
            + "where p.form_id = cf.id order by p.ends_on desc, p.id desc limit 1) cp on true join collection_submission cs "
            + "on cs.period_id = cp.id and cs.level = 'ORGANISATION' and cs.status = 'ACCEPTED' join collection_value v "
            + "on v.submission_id = cs.id join organisation o on o.id = cs.organisation_id "
            + "where cf.code = 'SCHOOL-PASSPORT' and cf.year = 2026 and o.kind in " + GENERAL;
    /** The accepted values of the latest period of the 2026 preschool passport, per preschool (EIS-4). */
    private static final String PRESCHOOL_PASSPORT = " from collection_form cf join lateral (select p.id from "
            + "collection_period p where p.form_id = cf.id order by p.ends_on desc, p.id desc limit 1) cp on true join "
            + "collection_submission cs on cs.period_id = cp.id and cs.level = 'ORGANISATION' and cs.status = 'ACCEPTED' "
            + "join collection_value v on v.submission_id = cs.id join organisation o on o.id = cs.organisation_id "
            + "where cf.code = 'PRESCHOOL-PASSPORT' and cf.year = 2026 and o.kind = 'PRESCHOOL'";
    private static final String SPECIAL_PRESCHOOLS = "select cs.organisation_id" + PRESCHOOL_PASSPORT
            + " and v.field_code = 'preschool_type' and v.text_value = 'SPECIAL'";
    private static final String PRESCHOOL_CHILDREN = "select count(*) from enrolment e join organisation o on "
            + "o.id = e.organisation_id where o.kind = 'PRESCHOOL'";
    private static final String DEEP_STUDY_SCHOOLS = "select cs.organisation_id" + PASSPORT
            + " and v.field_code = 'deep_study' group by 1 having sum(v.number_value) > 0";

    private static final String PUPILS = "select count(*) from enrolment e join organisation o on o.id = e.organisation_id "
            + "where o.kind in " + GENERAL + OPEN;
    private static final String MARKED = " and exists (select 1 from pupil_mark m where m.person_id = e.person_id and "
            + "m.valid_from <= date '2026-10-05' and (m.valid_to is null or m.valid_to >= date '2026-10-05') and m.mark in ";
    private static final String GRADUATES = "select count(*) from pupil_graduation g join enrolment e on e.id = g.enrolment_id "
            + "join organisation o on o.id = g.organisation_id where g.graduated_on between date '2025-09-01' and "
            + "date '2026-08-31' and o.kind in " + GENERAL;

    /** The independent counts: straight from the registries' tables, as of the snapshot day. */
    private static final Map<Integer, String> REGISTRY_COUNT = Map.ofEntries(
            Map.entry(1, "select count(*) from organisation o where o.kind in " + GENERAL),
            Map.entry(2, "select count(*) from organisation o where o.kind = 'PRIMARY_SCHOOL'"),
            Map.entry(3, "select count(*) from organisation o where o.kind = 'BASIC_SCHOOL'"),
            Map.entry(4, "select count(*) from organisation o where o.kind = 'GENERAL_SECONDARY_SCHOOL'"),
            Map.entry(5, "select count(*) from (" + DEEP_STUDY_SCHOOLS + ") d"),
            Map.entry(6, "select count(*)" + PASSPORT + " and v.field_code = 'deep_study_profile' and v.text_value = 'yes'"),
            Map.entry(7, "select count(*) from organisation o where o.kind = 'SPECIAL_SCHOOL'"),
            Map.entry(11, "select count(*) from enrolment e where e.organisation_id in (" + DEEP_STUDY_SCHOOLS + ")" + OPEN),
            Map.entry(12, "select count(*)" + PASSPORT + " and v.field_code = 'camp' and v.text_value = 'yes'"),
            Map.entry(10, PUPILS + " and o.kind <> 'SPECIAL_SCHOOL'" + MARKED + "('SPECIAL_NEEDS'))"),
            Map.entry(21, PUPILS + MARKED + "('SPECIAL_NEEDS'))"),
            Map.entry(22, PUPILS + MARKED + "('ORPHAN', 'WITHOUT_PARENTAL_CARE', 'DISABILITY'))"),
            Map.entry(18, PUPILS + " and o.kind <> 'EVENING_SCHOOL' and e.study_form = 'EVENING'"),
            Map.entry(13, GRADUATES + " and g.distinction = 'ALTYN_BELGI'"),
            Map.entry(14, GRADUATES + " and g.distinction = 'HONOURS'"),
            Map.entry(15, GRADUATES + " and g.next_step in ('CONTINUES_SCHOOL', 'TVET', 'HIGHER_EDUCATION', 'EMPLOYED')"),
            Map.entry(19, "select count(*) from pupil_year_end y join organisation o on o.id = y.organisation_id "
                    + "where o.kind = 'EVENING_SCHOOL' and y.outcome in ('PROMOTED', 'COMPLETED') and y.decided_on "
                    + "between date '2025-09-01' and date '2026-08-31'"),
            Map.entry(20, GRADUATES + " and o.kind = 'EVENING_SCHOOL' and g.certificate_kind = 'BASIC'"),
            Map.entry(23, GRADUATES),
            Map.entry(24, GRADUATES + " and g.certificate_kind = 'BASIC'"),
            Map.entry(25, GRADUATES + " and g.certificate_kind = 'GENERAL'"),
            Map.entry(26, GRADUATES + " and (o.kind = 'EVENING_SCHOOL' or e.study_form = 'EVENING')"),
            Map.entry(27, GRADUATES + " and g.certificate_kind = 'BASIC' and g.next_step in ('CONTINUES_SCHOOL', 'TVET', "
                    + "'HIGHER_EDUCATION')"),
            Map.entry(28, GRADUATES + " and g.certificate_kind = 'GENERAL' and g.next_step in ('CONTINUES_SCHOOL', 'TVET', "
                    + "'HIGHER_EDUCATION')"),
            Map.entry(29, "select coalesce(sum(v.number_value), 0)::bigint" + PASSPORT
                    + " and v.field_code = 'computers' and o.kind <> 'EVENING_SCHOOL'"),
            Map.entry(30, "select coalesce(sum(v.number_value), 0)::bigint" + PASSPORT
                    + " and v.field_code = 'computers_internet'"),
            Map.entry(8, "select count(*) from enrolment e join organisation o on o.id = e.organisation_id where o.kind in "
                    + GENERAL + OPEN),
            Map.entry(9, "select count(*) from enrolment e join organisation o on o.id = e.organisation_id where o.kind in "
                    + GENERAL + OPEN),
            Map.entry(16, "select count(*) from employment_contract c join organisation o on o.id = c.organisation_id "
                    + "where c.position = 'TEACHER' and o.kind in " + GENERAL + CURRENT),
            Map.entry(17, "select count(*) from employment_contract c join organisation o on o.id = c.organisation_id "
                    + "join staff_member m on m.id = c.staff_member_id where c.position = 'TEACHER' and o.kind in "
                    + GENERAL + " and m.education_level in ('HIGHER', 'POSTGRADUATE')" + CURRENT),
            Map.entry(33, "select count(*) from enrolment e join organisation o on o.id = e.organisation_id where o.kind in "
                    + GENERAL + " and e.grade = 0" + OPEN),
            Map.entry(34, "select count(*) from organisation o where o.kind = 'PRESCHOOL'"),
            Map.entry(37, "select count(*) from enrolment e join organisation o on o.id = e.organisation_id "
                    + "where o.kind = 'PRESCHOOL'" + OPEN),
            Map.entry(39, "select count(*) from enrolment e join organisation o on o.id = e.organisation_id "
                    + "join person p on p.id = e.person_id where o.kind = 'PRESCHOOL' and "
                    + "extract(year from age(date '2026-10-05', p.birth_date)) between 1 and 6" + OPEN),
            Map.entry(31, "select count(*) from enrolment e join organisation o on o.id = e.organisation_id where "
                    + "((o.kind = 'PRESCHOOL' and e.preschool_group = 'PREPARATION') or (o.kind in " + GENERAL
                    + " and e.grade = 0))" + OPEN),
            Map.entry(32, PRESCHOOL_CHILDREN + " and e.preschool_group = 'PREPARATION'" + OPEN),
            Map.entry(35, "select coalesce(sum(v.number_value), 0)::bigint" + PRESCHOOL_PASSPORT
                    + " and v.field_code = 'places'"),
            Map.entry(36, "select count(*)" + PRESCHOOL_PASSPORT + " and v.field_code = 'buildings_emergency' "
                    + "and v.number_value > 0"),
            Map.entry(38, PRESCHOOL_CHILDREN + " and (e.preschool_group = 'SPECIAL' or e.organisation_id in ("
                    + SPECIAL_PRESCHOOLS + "))" + OPEN),
            Map.entry(40, "select count(*) from child c where c.held <> 0 and c.birth_date <= date '2026-09-01' and "
                    + "extract(year from age(date '2026-09-01', c.birth_date)) between 0 and 7"),
            Map.entry(41, "select count(*) from preschool_queue_entry q where q.registered_on <= date '2026-10-05' "
                    + "and (q.closed_on is null or q.closed_on > date '2026-10-05')"),
            Map.entry(44, "select count(*) from employment_contract c join organisation o on o.id = c.organisation_id "
                    + "join staff_position s on s.code = c.position where s.pedagogical and o.kind = 'PRESCHOOL' and "
                    + "o.id in (" + SPECIAL_PRESCHOOLS + ")" + CURRENT),
            Map.entry(42, "select count(*) from employment_contract c join organisation o on o.id = c.organisation_id "
                    + "join staff_position s on s.code = c.position where s.pedagogical and o.kind = 'PRESCHOOL'" + CURRENT),
            Map.entry(43, "select count(*) from employment_contract c join organisation o on o.id = c.organisation_id "
                    + "where c.position = 'EDUCATOR' and o.kind = 'PRESCHOOL'" + CURRENT));

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;
    @Autowired
    Indicators indicators;
    @Autowired
    JsonMapper json;

    StatisticsFixture fixture;

    @BeforeAll
    void registries() throws Exception {
        fixture = new StatisticsFixture(ownerDataSource).make();
        mvc.perform(post("/api/v1/statistics/snapshots").with(TestUsers.ministry()).with(csrf())
                        .contentType("application/json").content("{\"asOf\": \"2026-10-05\"}"))
                .andExpect(status().isCreated());
    }

    static org.springframework.test.web.servlet.request.RequestPostProcessor csrf() {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
    }

    @ParameterizedTest(name = "SC-5 indicator {0}: total = sum over each breakdown = the registry''s own count")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
            30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44})
    @DisplayName("SC-5 an indicator's total equals the sum over each of its breakdowns and an independent count")
    void totalsAgree(int number) {
        var all = CurrentScope.asSystem(() -> indicators.all("2026-10-05").orElseThrow());
        var tables = all.get(number);
        assertThat(tables).as("indicator %d is computed", number).isNotNull();
        long total = tables.get(null).total();
        long registry = fixture.owner.sql(REGISTRY_COUNT.get(number)).query(Long.class).single();
        assertThat(total).as("indicator %d: total against the registry", number).isEqualTo(registry).isPositive();
        for (var breakdown : tables.entrySet()) {
            if (breakdown.getKey() == null) continue;
            assertThat(breakdown.getValue().total()).as("indicator %d by %s", number, breakdown.getKey().apiName())
                    .isEqualTo(total);
            assertThat(breakdown.getValue().rows()).allSatisfy(r -> assertThat(r.key()).containsOnlyKeys(
                    breakdown.getKey().apiName()));
        }
        if (number == 37) assertThat(tables).as("37 by group").containsKey(Dim.GROUP);
        assertThat(tables.keySet()).as("every indicator breaks down by region and district")
                .contains(Dim.REGION, Dim.DISTRICT);
    }

    @Test
    @DisplayName("SC-5 the fixture's district: pupils by sex, grade, shift, language, nationality as the fixture holds them")
    void cellsOfTheFixture() throws Exception {
        var body = read("/api/v1/statistics/indicators/8?snapshot=2026-10-05&by=sex,grade,shift,language"
                + "&filter=district:594300000");
        assertThat(body.get("indicator").asInt()).isEqualTo(8);
        assertThat(body.get("snapshot").asText()).isEqualTo("2026-10-05");
        // school A: two girls/boys of grade 0 (kk, shift 1), two of grade 5 (ru, shift 2); the special school: one
        // girl of grade 7 without a class (shift 0, the school's language ru). Expelled before and admitted after: out.
        assertThat(rows(body)).containsExactlyInAnyOrder(
                "sex=FEMALE,grade=0,shift=1,language=kk:1", "sex=FEMALE,grade=5,shift=2,language=ru:1",
                "sex=FEMALE,grade=7,shift=0,language=ru:1", "sex=MALE,grade=0,shift=1,language=kk:1",
                "sex=MALE,grade=5,shift=2,language=ru:1");
        assertThat(rows(read("/api/v1/statistics/indicators/8?snapshot=2026-10-05&by=nationality,ownership"
                + "&filter=district:594300000")))
                .containsExactlyInAnyOrder("nationality=KAZAKH,ownership=STATE:3", "nationality=RUSSIAN,ownership=STATE:1",
                        "nationality=UNKNOWN,ownership=STATE:1");
        assertThat(rows(read("/api/v1/statistics/indicators/1?snapshot=2026-10-05&by=schoolType,studyForm,locality,ownership"
                + "&filter=district:594500000"))).containsExactly(
                "schoolType=PRIMARY_SCHOOL,studyForm=DAY,locality=RURAL,ownership=PRIVATE:1");
        assertThat(rows(read("/api/v1/statistics/indicators/8?snapshot=2026-10-05&by=studyForm,age"
                + "&filter=district:114300000"))).containsExactly("studyForm=EVENING,age=21:1");
        assertThat(rows(read("/api/v1/statistics/indicators/42?snapshot=2026-10-05&by=educationLevel"
                + "&filter=district:594300000"))).containsExactly("educationLevel=HIGHER:2");
        assertThat(rows(read("/api/v1/statistics/indicators/17?snapshot=2026-10-05&by=sex&filter=region:590000000"
                + "&filter=district:594300000"))).containsExactly("sex=FEMALE:1");
        assertThat(rows(read("/api/v1/statistics/indicators/16?snapshot=2026-10-05&by=age&filter=district:594500000")))
                .containsExactly("age=50_59:1");
        assertThat(rows(read("/api/v1/statistics/indicators/34?snapshot=2026-10-05&by=language,ownership"
                + "&filter=region:590000000&filter=district:594500000"))).containsExactly("language=ru,ownership=PRIVATE:1");
        assertThat(rows(read("/api/v1/statistics/indicators/39?snapshot=2026-10-05&by=district&filter=region:590000000"
                + "&filter=district:594500000"))).as("the baby of eight months is not 1–6").isEmpty();
        // the school passports: A has a camp, 30 computers (25 with internet) and deep-study classes; the special
        // school's passport was returned, so it counts nowhere; the evening school's computers are not day schools'
        assertThat(rows(read("/api/v1/statistics/indicators/29?snapshot=2026-10-05&by=locality"
                + "&filter=region:590000000"))).containsExactly("locality=RURAL:5", "locality=URBAN:30");
        assertThat(rows(read("/api/v1/statistics/indicators/30?snapshot=2026-10-05&by=district"
                + "&filter=district:114300000"))).containsExactly("district=114300000:4");
        assertThat(rows(read("/api/v1/statistics/indicators/12?snapshot=2026-10-05&by=ownership"
                + "&filter=district:594300000"))).containsExactly("ownership=STATE:1");
        assertThat(rows(read("/api/v1/statistics/indicators/5?snapshot=2026-10-05&by=district"
                + "&filter=region:590000000"))).containsExactly("district=594300000:1");
        // 6: A says it is specialised in deep study, B says no, the evening school left it blank, the special
        // school's "yes" was returned
        assertThat(rows(read("/api/v1/statistics/indicators/6?snapshot=2026-10-05&by=district,ownership")))
                .containsExactly("district=594300000,ownership=STATE:1");
        assertThat(rows(read("/api/v1/statistics/indicators/11?snapshot=2026-10-05&by=grade"
                + "&filter=region:590000000"))).containsExactly("grade=0:2", "grade=5:2");
        // the pupils' registry: SEN (PMPK) in school A and the special school — only A's in "general schools" (10);
        // the orphan mark ended before the day; A's evening department
        assertThat(rows(read("/api/v1/statistics/indicators/10?snapshot=2026-10-05&by=grade&filter=region:590000000")))
                .containsExactly("grade=5:1");
        assertThat(rows(read("/api/v1/statistics/indicators/21?snapshot=2026-10-05&by=schoolType"
                + "&filter=region:590000000"))).containsExactly("schoolType=GENERAL_SECONDARY_SCHOOL:1",
                "schoolType=SPECIAL_SCHOOL:1");
        assertThat(rows(read("/api/v1/statistics/indicators/22?snapshot=2026-10-05&by=schoolType"
                + "&filter=region:590000000"))).containsExactly("schoolType=SPECIAL_SCHOOL:1");
        assertThat(rows(read("/api/v1/statistics/indicators/18?snapshot=2026-10-05&by=studyForm,sex"
                + "&filter=region:590000000"))).containsExactly("studyForm=EVENING,sex=MALE:1");
        assertThat(rows(read("/api/v1/statistics/indicators/8?snapshot=2026-10-05&by=studyForm"
                + "&filter=district:594300000"))).containsExactly("studyForm=DAY:4", "studyForm=EVENING:1");
        // graduations of 2025/26 (the one of 2024/25 is not counted)
        assertThat(rows(read("/api/v1/statistics/indicators/23?snapshot=2026-10-05&by=grade,sex"
                + "&filter=district:594300000"))).containsExactly("grade=9,sex=MALE:1", "grade=11,sex=FEMALE:1");
        assertThat(rows(read("/api/v1/statistics/indicators/13?snapshot=2026-10-05&by=grade&filter=region:590000000")))
                .containsExactly("grade=11:1");
        assertThat(rows(read("/api/v1/statistics/indicators/27?snapshot=2026-10-05&by=sex&filter=region:590000000")))
                .containsExactly("sex=MALE:1");
        assertThat(rows(read("/api/v1/statistics/indicators/20?snapshot=2026-10-05&by=age")))
                .contains("age=22:1");
    }

    @Test
    @DisplayName("SC-5 indicator 19: the evening school's pupils promoted or who completed the grade in 2025/26, by sex and age")
    void yearEndOfTheFixture() throws Exception {
        assertThat(rows(read("/api/v1/statistics/indicators/19?snapshot=2026-10-05&by=sex&filter=district:114300000")))
                .containsExactly("sex=FEMALE:1", "sex=MALE:1");
        assertThat(rows(read("/api/v1/statistics/indicators/19?snapshot=2026-10-05&by=age&filter=district:114300000")))
                .containsExactly("age=20:1", "age=23:1");
    }

    @Test
    @DisplayName("SC-5 indicators 31, 32, 35-38, 40, 41, 44: the fixture's preschool groups, passports, children 0-7 and queue")
    void preschoolCellsOfTheFixture() throws Exception {
        // the groups: P holds a senior, a preparation and a special group child and one without group; Q a nursery baby
        assertThat(rows(read("/api/v1/statistics/indicators/37?snapshot=2026-10-05&by=group&filter=district:594300000")))
                .containsExactly("group=NONE:1", "group=PREPARATION:1", "group=SENIOR:1", "group=SPECIAL:1");
        assertThat(rows(read("/api/v1/statistics/indicators/37?snapshot=2026-10-05&by=group&filter=district:594500000")))
                .containsExactly("group=NURSERY:1");
        assertThat(rows(read("/api/v1/statistics/indicators/32?snapshot=2026-10-05&by=sex&filter=region:590000000")))
                .containsExactly("sex=FEMALE:1");
        assertThat(rows(read("/api/v1/statistics/indicators/31?snapshot=2026-10-05&by=district&filter=region:590000000")))
                .as("school A's two pupils of grade 0 and P's preparation group").containsExactly("district=594300000:3");
        // special groups of a kindergarten and the children of a special preschool (by its passport)
        assertThat(rows(read("/api/v1/statistics/indicators/38?snapshot=2026-10-05&by=organisationType"
                + "&filter=region:590000000"))).containsExactly("organisationType=KINDERGARTEN:1",
                "organisationType=SPECIAL:1");
        assertThat(rows(read("/api/v1/statistics/indicators/44?snapshot=2026-10-05&by=ownership&filter=region:590000000")))
                .containsExactly("ownership=PRIVATE:1");
        // the preschool passports: places, one building in emergency state at P
        assertThat(rows(read("/api/v1/statistics/indicators/35?snapshot=2026-10-05&by=district&filter=region:590000000")))
                .containsExactly("district=594300000:120", "district=594500000:40");
        assertThat(rows(read("/api/v1/statistics/indicators/36?snapshot=2026-10-05&by=locality&filter=region:590000000")))
                .containsExactly("locality=URBAN:1");
        // every child 0-7 by age on 1 September: the one at P, two at home (one of them on the queue); not the one
        // born after 1 September
        assertThat(rows(read("/api/v1/statistics/indicators/40?snapshot=2026-10-05&by=age&filter=district:594300000")))
                .containsExactly("age=2:2", "age=5:1");
        assertThat(rows(read("/api/v1/statistics/indicators/40?snapshot=2026-10-05&by=organisationType"
                + "&filter=district:594300000"))).containsExactly("organisationType=KINDERGARTEN:1",
                "organisationType=NONE:2");
        assertThat(rows(read("/api/v1/statistics/indicators/40?snapshot=2026-10-05&by=sex&filter=district:594500000")))
                .as("not the child who turned 8 before 1 September").containsExactly("sex=FEMALE:1", "sex=MALE:2",
                        "sex=UNKNOWN:1");
        // the queue on the day: not the entry closed before it, nor the one registered after it
        assertThat(rows(read("/api/v1/statistics/indicators/41?snapshot=2026-10-05&by=age&filter=region:590000000")))
                .containsExactly("age=2:1", "age=4:1");
        assertThat(rows(read("/api/v1/statistics/indicators/41?snapshot=2026-10-05&by=locality&filter=region:590000000")))
                .containsExactly("locality=RURAL:1", "locality=URBAN:1");
    }

    @Test
    @DisplayName("SC-5 every live indicator with every breakdown in one answer, the same totals as one by one")
    void allAtOnce() throws Exception {
        var body = read("/api/v1/statistics/indicators/all?snapshot=2026-10-05");
        var total8 = read("/api/v1/statistics/indicators/8?snapshot=2026-10-05").get("rows").get(0).get("value").asLong();
        assertThat(body.get("indicators").get("8").get("total").get(0).get("value").asLong()).isEqualTo(total8);
        long byRegion = 0;
        for (var row : body.get("indicators").get("8").get("region")) byRegion += row.get("value").asLong();
        assertThat(byRegion).isEqualTo(total8);
        assertThat(body.get("indicators").has("19")).as("19 is live").isTrue();
    }

    @Test
    @DisplayName("SC-5 indicator 45 compares the key indicators' national totals across the 5-October snapshots")
    void comparativeTable() throws Exception {
        var body = read("/api/v1/statistics/indicators/45?snapshot=2026-10-05");
        var total8 = read("/api/v1/statistics/indicators/8?snapshot=2026-10-05").get("rows").get(0).get("value").asLong();
        assertThat(rows(body)).contains("indicator=8,snapshot=2026-10-05:" + total8);
    }

    @Test
    @DisplayName("SC-5 bad input names the parameter: unknown indicator, a breakdown it lacks, a missing snapshot, a bad filter")
    void badInput() throws Exception {
        problem("/api/v1/statistics/indicators/46", 422, "number");
        problem("/api/v1/statistics/indicators/abc", 422, "number");
        problem("/api/v1/statistics/indicators/2?by=sex", 422, "by");
        problem("/api/v1/statistics/indicators/1?by=region,galaxy", 422, "by");
        problem("/api/v1/statistics/indicators/1?snapshot=2019-10-05", 422, "snapshot");
        problem("/api/v1/statistics/indicators/1?snapshot=yesterday", 422, "snapshot");
        problem("/api/v1/statistics/indicators/1?filter=sex:MALE", 422, "filter");
        problem("/api/v1/statistics/indicators/1?filter=region", 422, "filter");
        mvc.perform(get("/api/v1/statistics/indicators/2?by=sex").with(TestUsers.ministry()).header("Accept-Language", "ru"))
                .andExpect(jsonPath("$.errors[0].reason").value(org.hamcrest.Matchers.containsString("разреза")));
    }

    /** The teachers of general schools current on the day, per value of a registry column (the independent count). */
    private static final String TEACHERS_BY = "select coalesce(%s, 'UNKNOWN') as v, count(*) from employment_contract c "
            + "join organisation o on o.id = c.organisation_id join staff_member m on m.id = c.staff_member_id "
            + "where c.position = 'TEACHER' and o.kind in " + GENERAL + CURRENT + "%s group by 1";

    @Test
    @DisplayName("SC-5 indicators 16 by nationality and grade, 17 by grade: every row is the staff registry's own count")
    void teachersByNationalityAndGrade() throws Exception {
        assertThat(rows(read("/api/v1/statistics/indicators/16?snapshot=2026-10-05&by=nationality")))
                .containsExactlyInAnyOrderElementsOf(registryRows("nationality", "m.nationality", ""));
        assertThat(rows(read("/api/v1/statistics/indicators/16?snapshot=2026-10-05&by=grade")))
                .containsExactlyInAnyOrderElementsOf(registryRows("grade", "c.grades_taught", ""));
        assertThat(rows(read("/api/v1/statistics/indicators/17?snapshot=2026-10-05&by=grade")))
                .containsExactlyInAnyOrderElementsOf(registryRows("grade", "c.grades_taught",
                        " and m.education_level in ('HIGHER', 'POSTGRADUATE')"));
        // the fixture's own teachers: school A's two (the one dismissed before the day out), school B's unrecorded one
        assertThat(rows(read("/api/v1/statistics/indicators/16?snapshot=2026-10-05&by=nationality,grade"
                + "&filter=district:594300000"))).containsExactly("nationality=KAZAKH,grade=PRIMARY:1",
                "nationality=RUSSIAN,grade=SENIOR:1");
        assertThat(rows(read("/api/v1/statistics/indicators/17?snapshot=2026-10-05&by=grade"
                + "&filter=district:594500000"))).containsExactly("grade=UNKNOWN:1");
    }

    private java.util.List<String> registryRows(String dim, String column, String condition) {
        return fixture.owner.sql(TEACHERS_BY.formatted(column, condition))
                .query((rs, n) -> dim + "=" + rs.getString(1) + ":" + rs.getLong(2)).list();
    }

    @Test
    @DisplayName("SC-5 the catalogue lists all 45 with their breakdowns and what each pending one waits for")
    void catalogue() throws Exception {
        var body = json.readTree(mvc.perform(get("/api/v1/statistics/indicators").with(TestUsers.ministry()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(body.size()).isEqualTo(45);
        assertThat(body.get(7).get("breakdowns").toString()).isEqualTo("[\"region\",\"district\",\"schoolType\","
                + "\"studyForm\",\"locality\",\"ownership\",\"sex\",\"grade\",\"shift\",\"age\",\"nationality\",\"language\"]");
        assertThat(body.get(11).get("status").asText()).isEqualTo("LIVE");
        assertThat(body.get(34).get("status").asText()).isEqualTo("LIVE");
        assertThat(body.get(5).get("status").asText()).isEqualTo("LIVE");
        assertThat(body.get(18).get("status").asText()).isEqualTo("LIVE");
    }

    @Test
    @DisplayName("SC-5 a district officer reads the indicators of their own district only")
    void scoped() throws Exception {
        var body = json.readTree(mvc.perform(get("/api/v1/statistics/indicators/8?snapshot=2026-10-05&by=district")
                        .with(TestUsers.district("594500000"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(rows(body)).containsExactly("district=594500000:1");
    }

    private JsonNode read(String url) throws Exception {
        return json.readTree(mvc.perform(get(url).with(TestUsers.ministry())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private JsonNode problem(String url, int status, String field) throws Exception {
        var response = mvc.perform(get(url).with(TestUsers.ministry())).andExpect(status().is(status))
                .andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("application/problem+json");
        var body = json.readTree(response.getContentAsString());
        assertThat(body.get("errors").get(0).get("field").asText()).as(url).isEqualTo(field);
        return body;
    }

    static java.util.List<String> rows(JsonNode body) {
        var out = new java.util.ArrayList<String>();
        for (JsonNode row : body.get("rows")) {
            var parts = new java.util.ArrayList<String>();
            row.properties().forEach(e -> {
                if (!e.getKey().equals("value")) parts.add(e.getKey() + "=" + e.getValue().asText());
            });
            out.add(String.join(",", parts) + ":" + row.get("value").asLong());
        }
        return out;
    }
}
