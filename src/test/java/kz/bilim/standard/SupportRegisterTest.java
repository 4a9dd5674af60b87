package kz.bilim.standard;

import kz.bilim.BilimTestOnFixedDay;
import kz.bilim.TestUsers;
import kz.bilim.enrolment.EnrolmentId;
import kz.bilim.enrolment.PupilRecords;
import kz.bilim.identity.Sex;
import kz.bilim.organisation.RegistryFixture;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** MS-3, MS-7, MS-8 on 3 December 2026 (school year 2026): the support register of a school's pupils. */
@BilimTestOnFixedDay
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupportRegisterTest {

    static final String DISTRICT = "597700000";

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;
    @Autowired
    PupilRecords records;

    RegistryFixture fixture;
    String settlement;
    long school;
    long kindergarten;
    long[] pupils = new long[6];
    long toddler;
    long[] farPupils = new long[3];
    long townPupil;

    @BeforeAll
    void school() {
        fixture = new RegistryFixture(ownerDataSource, YearMonth.of(2013, 5), 7800);
        settlement = fixture.districtWithSettlement(DISTRICT, false);
        school = fixture.organisation(settlement, "Қолдау", "GENERAL_SECONDARY_SCHOOL", 1, "kk");
        kindergarten = fixture.organisation(settlement, "Қолдау бала", "PRESCHOOL", 1, "kk");
        for (int i = 0; i < pupils.length; i++) {
            var iin = fixture.nextIin(LocalDate.of(2014, 3, 1 + i), Sex.FEMALE);
            long person = fixture.person(iin, "Қолдауова", "Оқушы" + i, settlement);
            pupils[i] = fixture.enrolment(person, school, null, settlement, 6, LocalDate.of(2025, 9, 1));
        }
        long person = fixture.person(fixture.nextIin(LocalDate.of(2022, 5, 5), Sex.MALE), "Кішкене", "Бала", settlement);
        toddler = fixture.enrolment(person, kindergarten, null, settlement, null, LocalDate.of(2025, 9, 1));
        // MS-4: pupils of the school living in a village without a school, and one living in a town
        String village = DISTRICT.substring(0, 4) + "33102";
        fixture.territory(village, DISTRICT.substring(0, 4) + "33000", 4, false);
        String town = DISTRICT.substring(0, 4) + "33103";
        fixture.territory(town, DISTRICT.substring(0, 4) + "33000", 4, true);
        for (int i = 0; i < farPupils.length; i++) {
            long far = fixture.person(fixture.nextIin(LocalDate.of(2013, 4, 1 + i), Sex.MALE), "Алысов", "Оқушы" + i, village);
            farPupils[i] = fixture.enrolment(far, school, null, settlement, 7, LocalDate.of(2025, 9, 1));
        }
        long inTown = fixture.person(fixture.nextIin(LocalDate.of(2013, 6, 1), Sex.MALE), "Қалалық", "Оқушы", town);
        townPupil = fixture.enrolment(inTown, school, null, settlement, 7, LocalDate.of(2025, 9, 1));
    }

    private ResultActions support(long enrolment, String json, org.springframework.test.web.servlet.request.RequestPostProcessor who)
            throws Exception {
        return mvc.perform(post("/api/v1/enrolments/" + enrolment + "/support").with(who)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private int entries(long enrolment) {
        return fixture.owner().sql("select count(*) from standard_support where enrolment_id = :e").param("e", enrolment)
                .query(Integer.class).single();
    }

    @Test
    @DisplayName("MS-3 free meals for a category of MS-3 with its document, once a school year; audited")
    void freeMeals() throws Exception {
        var admin = TestUsers.organisationAdmin(school, settlement);
        support(pupils[0], "{\"kind\":\"FREE_MEALS\",\"category\":\"TARGETED_SOCIAL_ASSISTANCE\","
                + "\"basis\":\"Әкімдік шешімі № 14\",\"basisDate\":\"2026-09-01\"}", admin)
                .andExpect(status().isCreated()).andExpect(jsonPath("$.schoolYear").value(2026))
                .andExpect(jsonPath("$.category").value("TARGETED_SOCIAL_ASSISTANCE"));
        support(pupils[0], "{\"kind\":\"FREE_MEALS\",\"category\":\"EMERGENCY\",\"basis\":\"x\",\"basisDate\":\"2026-09-01\"}",
                admin).andExpect(status().isConflict());
        support(pupils[1], "{\"kind\":\"FREE_MEALS\",\"category\":\"EMERGENCY\"}", admin)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("basis", "basisDate")));
        support(pupils[1], "{\"kind\":\"FREE_MEALS\",\"category\":\"RICH\",\"basis\":\"x\",\"basisDate\":\"2026-12-31\"}", admin)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("category", "basisDate")));
        assertThat(entries(pupils[1])).isZero();
        assertThat(fixture.owner().sql("select count(*) from audit_event where subject_type = 'standard-support' "
                + "and details ->> 'enrolment' = :e and action = 'CREATE'").param("e", String.valueOf(pupils[0]))
                .query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    @DisplayName("MS-3 an orphan is one by the registry's mark: no document typed, refused while the registry has no mark")
    void orphanByTheRegistry() throws Exception {
        var admin = TestUsers.organisationAdmin(school, settlement);
        support(pupils[2], "{\"kind\":\"FREE_MEALS\",\"category\":\"ORPHAN\"}", admin)
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("category"));
        var user = TestUsers.organisationAdminUser(school, settlement);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            records.mark(new EnrolmentId(pupils[2]), PupilRecords.Mark.ORPHAN, "Қамқоршылық органының шешімі № 3",
                    LocalDate.of(2026, 1, 10)).orElseThrow();
        } finally {
            SecurityContextHolder.clearContext();
        }
        support(pupils[2], "{\"kind\":\"FREE_MEALS\",\"category\":\"ORPHAN\"}", admin)
                .andExpect(status().isCreated()).andExpect(jsonPath("$.basis").value("pupil mark ORPHAN"));
        // MS-7: the camp voucher goes to the same categories
        support(pupils[2], "{\"kind\":\"CAMP_VOUCHER\"}", admin)
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("category"));
        support(pupils[2], "{\"kind\":\"CAMP_VOUCHER\",\"category\":\"ORPHAN\"}", admin).andExpect(status().isCreated());
    }

    @Test
    @DisplayName("MS-8 study at home or in hospital needs the medical consultative commission's conclusion")
    void homeSchooling() throws Exception {
        var admin = TestUsers.organisationAdmin(school, settlement);
        support(pupils[3], "{\"kind\":\"HOME_SCHOOLING\"}", admin).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("place", "basis", "basisDate")));
        support(pupils[3], "{\"kind\":\"HOME_SCHOOLING\",\"place\":\"HOME\",\"basis\":\"ДКК қорытындысы № 77\","
                + "\"basisDate\":\"2026-08-20\"}", admin).andExpect(status().isCreated())
                .andExpect(jsonPath("$.place").value("HOME")).andExpect(jsonPath("$.category").doesNotExist());
        mvc.perform(get("/api/v1/organisations/" + school + "/support").with(admin)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.kind == 'HOME_SCHOOLING')]", hasSize(1)));
    }

    @Test
    @DisplayName("MS-3 the register is scoped and for school pupils: another district 404, a kindergarten child refused")
    void scope() throws Exception {
        support(pupils[4], "{\"kind\":\"FREE_MEALS\",\"category\":\"OTHER\",\"basis\":\"x\",\"basisDate\":\"2026-09-01\"}",
                TestUsers.district("591100000")).andExpect(status().isNotFound());
        support(toddler, "{\"kind\":\"FREE_MEALS\",\"category\":\"OTHER\",\"basis\":\"x\",\"basisDate\":\"2026-09-01\"}",
                TestUsers.district(DISTRICT)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("enrolment"));
        support(pupils[4], "{\"kind\":\"FREE_MEALS\",\"category\":\"OTHER\",\"basis\":\"x\",\"basisDate\":\"2026-09-01\"}",
                TestUsers.statistics()).andExpect(status().isForbidden());
        assertThat(entries(pupils[4])).isZero();
    }

    @Test
    @DisplayName("OD-3, MS-3 open dataset 49 counts the pupils given free meals per region from the register")
    void openDataset49() throws Exception {
        support(pupils[5], "{\"kind\":\"FREE_MEALS\",\"category\":\"BELOW_SUBSISTENCE_MINIMUM\",\"basis\":\"АӘК № 9\","
                + "\"basisDate\":\"2026-09-15\"}", TestUsers.district(DISTRICT)).andExpect(status().isCreated());
        var location = mvc.perform(post("/api/v1/open-data/datasets/49/releases/generate").with(TestUsers.ministry()))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        String csv = mvc.perform(get(location)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long expected = fixture.owner().sql("select count(distinct enrolment_id) from standard_support "
                + "where kind = 'FREE_MEALS' and school_year = 2026 and kato like '59%'").query(Long.class).single();
        var row = csv.lines().filter(l -> l.startsWith("2026-2027,590000000,")).findFirst().orElseThrow();
        assertThat(Long.parseLong(row.substring(row.lastIndexOf(',') + 1))).isEqualTo(expected).isPositive();
        assertThat(csv).doesNotContain("Қолдауова");
    }

    private static String transport(String distance, String barrier) {
        return "{\"kind\":\"TRANSPORT\",\"distanceKm\":\"" + distance + "\"" + (barrier == null ? "" : ",\"barrier\":\"" + barrier + "\"")
                + ",\"basis\":\"Аудан әкімдігінің шешімі № 21\",\"basisDate\":\"2026-08-25\"}";
    }

    @Test
    @DisplayName("MS-4 transport for a rural pupil with no school of their level at home, the school over 3 km away or across a river")
    void transportToSchool() throws Exception {
        var office = TestUsers.district(DISTRICT);
        // the school stands in the pupil's own settlement
        support(pupils[4], transport("5", null), office).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.clause").value("MS-4"));
        // a town's pupil: not the rural standard
        support(townPupil, transport("12", null), office).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.clause").value("MS-4"));
        // within 3 km and no barrier
        support(farPupils[0], transport("2.5", null), office).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.clause").value("MS-4"));
        support(farPupils[0], transport("2.5", "SEA"), office).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("barrier"));
        assertThat(entries(farPupils[0])).isZero();
        // across a river, or far
        support(farPupils[0], transport("2.5", "RIVER"), office).andExpect(status().isCreated())
                .andExpect(jsonPath("$.barrier").value("RIVER"));
        support(farPupils[1], transport("7,5", null), office).andExpect(status().isCreated())
                .andExpect(jsonPath("$.distanceKm").value(7.5));
        // the district office organises it, not the school
        support(farPupils[2], transport("9", null), TestUsers.organisationAdmin(school, settlement))
                .andExpect(status().isForbidden());
        // OD-3: open dataset 61 counts them per region
        var location = mvc.perform(post("/api/v1/open-data/datasets/61/releases/generate").with(TestUsers.ministry()))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        String csv = mvc.perform(get(location)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long expected = fixture.owner().sql("select count(distinct enrolment_id) from standard_support "
                + "where kind = 'TRANSPORT' and school_year = 2026 and kato like '59%'").query(Long.class).single();
        var row = csv.lines().filter(l -> l.startsWith("2026-2027,590000000,")).findFirst().orElseThrow();
        assertThat(Long.parseLong(row.substring(row.lastIndexOf(',') + 1))).isEqualTo(expected).isGreaterThanOrEqualTo(2);
    }
}
