package kz.bilim.dashboard;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.identity.Sex;
import kz.bilim.organisation.AcademicYear;
import kz.bilim.organisation.RegistryFixture;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The home page counts what the viewer is responsible for, per child territory: schools, preschools, colleges,
 * classes of this school year and pupils enrolled today. Region 33 (Жетісу облысы) is this test's own — no other
 * test writes into it — so every count on its pages is known:
 * <pre>
 * 331000000 district A
 *   331033000 rural district A1 — settlement 331033101: school S1 (3 classes this year, 1 last year; 3 pupils and
 *                                 1 who left), preschool P1 (1 child), college C1
 *   331044000 rural district A2 — settlement 331044101: school S2 (1 class, 1 pupil)
 * 332000000 district B
 *   332033000 rural district B1 — settlement 332033101: school S3 (2 classes, 2 pupils)
 * </pre>
 * Each count is written as [schools, preschools, colleges, classes, pupils].
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HomeDashboardTest {

    static final String REGION = "330000000";
    static final String DISTRICT_A = "331000000";
    static final String RURAL_A1 = "331033000";
    static final String RURAL_A2 = "331044000";
    static final String DISTRICT_B = "332000000";
    static final String RURAL_B1 = "332033000";

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource owner;
    @Autowired
    Clock clock;

    long schoolS1;

    @BeforeAll
    void seed() {
        var fixture = new RegistryFixture(owner, YearMonth.of(2008, 1), 9100);
        int year = AcademicYear.current(clock).startYear();
        LocalDate firstDay = LocalDate.of(year, 9, 1);

        fixture.territory(DISTRICT_A, REGION, 2, false);
        fixture.territory(DISTRICT_B, REGION, 2, false);
        String a1 = settlement(fixture, RURAL_A1);
        String a2 = settlement(fixture, RURAL_A2);
        String b1 = settlement(fixture, RURAL_B1);

        schoolS1 = fixture.organisation(a1, "S1", "GENERAL_SECONDARY_SCHOOL", 1, "kk");
        long preschool = fixture.organisation(a1, "P1", "PRESCHOOL", 1, "kk");
        fixture.organisation(a1, "C1", "TVET_COLLEGE", 1, "kk");
        long schoolS2 = fixture.organisation(a2, "S2", "PRIMARY_SCHOOL", 1, "ru");
        long schoolS3 = fixture.organisation(b1, "S3", "BASIC_SCHOOL", 1, "kk");

        long s1class = fixture.schoolClass(schoolS1, a1, year, 5, "А", "kk", 25);
        fixture.schoolClass(schoolS1, a1, year, 6, "А", "kk", 25);
        fixture.schoolClass(schoolS1, a1, year, 7, "А", "kk", 25);
        fixture.schoolClass(schoolS1, a1, year - 1, 4, "А", "kk", 25); // last year's: not counted
        long s2class = fixture.schoolClass(schoolS2, a2, year, 1, "Б", "ru", 25);
        long s3class = fixture.schoolClass(schoolS3, b1, year, 8, "А", "kk", 25);
        fixture.schoolClass(schoolS3, b1, year, 9, "А", "kk", 25);

        int day = 1;
        for (int i = 0; i < 3; i++) pupil(fixture, day++, a1, schoolS1, s1class, 5, firstDay);
        long left = pupil(fixture, day++, a1, schoolS1, s1class, 5, firstDay);
        fixture.owner().sql("update enrolment set enrolled_to = :to, expulsion_order = 'F-2' where id = :id")
                .param("to", firstDay).param("id", left).update(); // left: not counted
        pupil(fixture, day++, a1, preschool, null, null, firstDay);
        pupil(fixture, day++, a2, schoolS2, s2class, 1, firstDay);
        for (int i = 0; i < 2; i++) pupil(fixture, day++, b1, schoolS3, s3class, 8, firstDay);
    }

    @Test
    @DisplayName("CA-2 a region officer's home page counts each district of the region, and the region in total")
    void regionOfficerSeesDistricts() throws Exception {
        var page = home(TestUsers.region(REGION), "ru");
        assertThat(page.rows()).isEqualTo(Map.of(
                DISTRICT_A, List.of(2L, 1L, 1L, 4L, 5L),
                DISTRICT_B, List.of(1L, 0L, 0L, 2L, 2L)));
        assertThat(page.totals()).isEqualTo(List.of(3L, 1L, 1L, 6L, 7L));
        assertThat(page.html()).contains("Территория 331000000", "dashboard-chart");
    }

    @Test
    @DisplayName("CA-2 a district officer sees the district's rural districts, and not another district's counts by changing the address")
    void districtOfficerStaysInDistrict() throws Exception {
        var page = home(get("/").with(TestUsers.district(DISTRICT_A)).param("kato", DISTRICT_B).param("lang", "kk"));
        assertThat(page.rows()).isEqualTo(Map.of(
                RURAL_A1, List.of(1L, 1L, 1L, 3L, 4L),
                RURAL_A2, List.of(1L, 0L, 0L, 1L, 1L)));
        assertThat(page.totals()).isEqualTo(List.of(2L, 1L, 1L, 4L, 5L));
        assertThat(page.html()).contains("Аумақ 331000000");
    }

    @Test
    @DisplayName("CA-2 an organisation's head sees the district of the school with only the school's own counts")
    void organisationAdminSeesOwnOrganisation() throws Exception {
        var page = home(TestUsers.organisationAdmin(schoolS1, "331033101"), "ru");
        assertThat(page.rows()).isEqualTo(Map.of(
                RURAL_A1, List.of(1L, 0L, 0L, 3L, 3L),
                RURAL_A2, List.of(0L, 0L, 0L, 0L, 0L)));
        assertThat(page.totals()).isEqualTo(List.of(1L, 0L, 0L, 3L, 3L));
    }

    @Test
    @DisplayName("the ministry's home page lists the 20 top-level territories in Kazakh by default, each with its counts")
    void ministrySeesRegions() throws Exception {
        var page = home(get("/").with(TestUsers.ministry()));
        assertThat(page.rows()).hasSize(20);
        assertThat(page.rows().get(REGION)).isEqualTo(List.of(3L, 1L, 1L, 6L, 7L));
        assertThat(page.html()).contains("Қазақстан Республикасы", "Павлодар облысы", "Шымкент қаласы", "Жетісу облысы");
    }

    @Test
    @DisplayName("SC-3 a statistics analyst, who may not read personal data, still sees the counts of pupils")
    void statisticsSeesCountsWithoutPersonalData() throws Exception {
        var page = home(get("/").with(TestUsers.statistics()).param("kato", REGION));
        assertThat(page.rows()).isEqualTo(Map.of(
                DISTRICT_A, List.of(2L, 1L, 1L, 4L, 5L),
                DISTRICT_B, List.of(1L, 0L, 0L, 2L, 2L)));
        assertThat(page.totals()).isEqualTo(List.of(3L, 1L, 1L, 6L, 7L));
    }

    /** The table of the page, by territory, and the totals above it. */
    record Page(Map<String, List<Long>> rows, List<Long> totals, String html) {
    }

    private static final Pattern ROW = Pattern.compile("(?s)<tr data-kato=\"(\\d{9})\">(.*?)</tr>");
    private static final Pattern CELL = Pattern.compile("<td class=\"num\">([^<]*)</td>");
    private static final Pattern TOTALS = Pattern.compile("(?s)id=\"dashboard-totals\">(.*?)<table");
    private static final Pattern TOTAL = Pattern.compile("<b[^>]*>([^<]*)</b>");

    private Page home(RequestPostProcessor user, String lang) throws Exception {
        return home(get("/").with(user).param("lang", lang));
    }

    private Page home(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        String html = mvc.perform(request)
                .andExpect(status().isOk())
                .andExpect(view().name("dashboard/home"))
                .andReturn().getResponse().getContentAsString();
        Map<String, List<Long>> rows = new TreeMap<>();
        for (var row = ROW.matcher(html); row.find(); )
            rows.put(row.group(1), CELL.matcher(row.group(2)).results().map(c -> number(c.group(1))).toList());
        var totals = TOTALS.matcher(html);
        assertThat(totals.find()).as("totals on the page").isTrue();
        return new Page(rows, TOTAL.matcher(totals.group(1)).results().map(t -> number(t.group(1))).toList(), html);
    }

    private static long number(String shown) {
        return Long.parseLong(shown.replaceAll("\\D", ""));
    }

    /** A rural district (level 3) under its district, and one settlement (level 4) in it. */
    private static String settlement(RegistryFixture fixture, String rural) {
        fixture.territory(rural, rural.substring(0, 4) + "00000", 3, false);
        String settlement = rural.substring(0, 6) + "101";
        fixture.territory(settlement, rural, 4, false);
        return settlement;
    }

    private static long pupil(RegistryFixture fixture, int day, String kato, long organisation, Long schoolClass,
                              Integer grade, LocalDate from) {
        var iin = fixture.nextIin(LocalDate.of(2014, 3, day), day % 2 == 0 ? Sex.FEMALE : Sex.MALE);
        long person = fixture.person(iin, "Оқушы", "Бала" + day, kato);
        return fixture.enrolment(person, organisation, schoolClass, kato, grade, from);
    }
}
