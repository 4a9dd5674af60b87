package kz.bilim.staff;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.identity.Iin;
import kz.bilim.identity.Sex;
import kz.bilim.kernel.Almaty;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** HB-1: the verdict register — imports (per-row rejections, idempotent, atomic) and the check of existing staff. */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerdictRegisterTest {

    static final String DISTRICT = "799200000";
    static final String OTHER_DISTRICT = "799300000";
    static final LocalDate TODAY = LocalDate.now(Almaty.ZONE);

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;

    StaffFixture fixture;
    String settlement;
    String otherSettlement;
    long school;
    long otherSchool;

    @BeforeAll
    void fixtures() {
        fixture = new StaffFixture(ownerDataSource, YearMonth.of(2006, 7), 6500);
        settlement = fixture.registry.districtWithSettlement(DISTRICT, false);
        otherSettlement = fixture.registry.districtWithSettlement(OTHER_DISTRICT, false);
        school = fixture.registry.organisation(settlement, "Бәйтерек", "GENERAL_SECONDARY_SCHOOL", 1, "kk");
        otherSchool = fixture.registry.organisation(otherSettlement, "Ақбота", "PRESCHOOL", 1, "kk");
    }

    RequestPostProcessor head() {
        return TestUsers.organisationAdmin(school, settlement);
    }

    ResultActions upload(RequestPostProcessor who, String csv) throws Exception {
        return mvc.perform(post("/api/v1/court-bans/imports").with(who).header("Accept-Language", "en")
                .contentType("text/csv").content(csv.getBytes(StandardCharsets.UTF_8)));
    }

    long hire(long organisation, String kato, Iin iin, String position) throws Exception {
        String location = mvc.perform(post("/api/v1/organisations/" + organisation + "/staff")
                        .with(TestUsers.organisationAdmin(organisation, kato)).contentType(MediaType.APPLICATION_JSON)
                        .content(StaffFixture.hire(iin, position, TODAY.minusDays(30), TODAY.minusDays(30), null)
                                .replace("\"contractDate\": \"" + TODAY.minusDays(30) + "\"", "\"contractDate\": \"" + TODAY.minusDays(31) + "\"")))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    @DisplayName("HB-1 existing staff flagged: a new verdict is checked against current contracts at once; the head and the district see the task until the contract is ended by order")
    void existingStaffFlagged() throws Exception {
        var teacher = fixture.adult(1978, Sex.MALE);
        var accountant = fixture.adult(1979, Sex.FEMALE);
        long teacherId = hire(school, settlement, teacher, "TEACHER");
        hire(school, settlement, accountant, "ACCOUNTANT");
        upload(TestUsers.region("790000000"), StaffFixture.file(
                StaffFixture.verdict(teacher, "Shymkent city court", "1-222/2026", TODAY.minusDays(2), "WORK_WITH_MINORS", "LIFE"),
                StaffFixture.verdict(accountant, "Shymkent city court", "1-223/2026", TODAY.minusDays(2), "WORK_WITH_MINORS", "LIFE")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.flagged").value(1));

        mvc.perform(get("/api/v1/staff/flagged").with(head()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].iin").value(teacher.value()))
                .andExpect(jsonPath("$.items[0].verdict.court").value("Shymkent city court"))
                .andExpect(jsonPath("$.items[0].verdict.caseNumber").value("1-222/2026"));
        mvc.perform(get("/api/v1/staff/flagged").with(TestUsers.district(DISTRICT)))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/v1/staff/flagged").with(TestUsers.district(OTHER_DISTRICT)))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/").with(head()).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Contracts flagged by a court ban: 1")));
        var member = mvc.perform(get("/api/v1/staff/" + teacherId).with(head()))
                .andExpect(jsonPath("$.contracts[0].flagged").value(true))
                .andExpect(jsonPath("$.contracts[0].flaggedBy.caseNumber").value("1-222/2026"))
                .andReturn().getResponse().getContentAsString();
        long contract = Long.parseLong(member.replaceAll("(?s).*\"contracts\":\\[\\{\"id\":(\\d+).*", "$1"));

        mvc.perform(post("/api/v1/staff/contracts/" + contract + "/dismissal").with(head())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\": \"%s\", \"order\": \"№ 41-ж\", \"reason\": \"Labour Code art. 26 p.1 sub.3\"}".formatted(TODAY)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dismissedOn").value(TODAY.toString()))
                .andExpect(jsonPath("$.dismissalOrder").value("№ 41-ж"))
                .andExpect(jsonPath("$.flagged").value(false));
        mvc.perform(get("/api/v1/staff/flagged").with(head())).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/").with(head()).header("Accept-Language", "en"))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Contracts flagged by a court ban"))));
    }

    @Test
    @DisplayName("HB-1 a verdict file: bad rows rejected with row and reason (invalid IIN, unknown ban kind, end before start), good rows accepted; the same file again changes nothing")
    void rejectionsAndIdempotence() throws Exception {
        var a = fixture.adult(1970, Sex.MALE);
        var b = fixture.adult(1971, Sex.FEMALE);
        var c = fixture.adult(1972, Sex.MALE);
        String badIin = a.value().substring(0, 11) + ((a.value().charAt(11) - '0' + 1) % 10);
        String csv = StaffFixture.file(
                StaffFixture.verdict(a, "Court A", "1-1/2020", LocalDate.of(2020, 1, 15), "PEDAGOGICAL", "LIFE"),
                StaffFixture.verdict(b, "Court B", "1-2/2020", LocalDate.of(2020, 1, 15), "POSITION:COOK", "2030-01-14"),
                StaffFixture.verdict(a, "Court A", "1-3/2020", LocalDate.of(2020, 1, 15), "PEDAGOGICAL", "LIFE").replace(a.value(), badIin),
                StaffFixture.verdict(c, "Court C", "1-4/2020", LocalDate.of(2020, 1, 15), "SPORTS", "LIFE"),
                StaffFixture.verdict(c, "Court C", "1-5/2020", LocalDate.of(2020, 1, 15), "PEDAGOGICAL", "2019-12-31"));
        upload(TestUsers.ministry(), csv)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(5))
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.rejected").value(3))
                .andExpect(jsonPath("$.inserted").value(2))
                .andExpect(jsonPath("$.written").value(true))
                .andExpect(jsonPath("$.rejections[0].row").value(4))
                .andExpect(jsonPath("$.rejections[0].field").value("iin"))
                .andExpect(jsonPath("$.rejections[1].row").value(5))
                .andExpect(jsonPath("$.rejections[1].field").value("banned"))
                .andExpect(jsonPath("$.rejections[1].reason").value(containsString("is not a ban kind")))
                .andExpect(jsonPath("$.rejections[2].row").value(6))
                .andExpect(jsonPath("$.rejections[2].field").value("until"))
                .andExpect(jsonPath("$.rejections[2].reason").value("ends before the ban came into force"));
        upload(TestUsers.ministry(), csv)
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.inserted").value(0))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.unchanged").value(2));
        assertThat(fixture.count("select count(*) from court_ban where iin in (?, ?, ?)", a.value(), b.value(), c.value()))
                .isEqualTo(2);
        // a changed verdict (the term shortened on appeal) is an update of the same ban, not a second one
        upload(TestUsers.ministry(), StaffFixture.file(
                StaffFixture.verdict(b, "Court B", "1-2/2020", LocalDate.of(2020, 1, 15), "POSITION:COOK", "2028-01-14")))
                .andExpect(jsonPath("$.updated").value(1));
        assertThat(fixture.count("select count(*) from court_ban where iin = ? and until = date '2028-01-14'", b.value()))
                .isEqualTo(1);
        assertThat(fixture.count("select count(*) from audit_event where action = 'IMPORT' and subject_type = 'court-ban-import'"))
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    @DisplayName("HB-1 an import is atomic: with allOrNothing one bad row writes nothing; an unreadable file is refused as a whole")
    void atomic() throws Exception {
        var a = fixture.adult(1966, Sex.MALE);
        String csv = StaffFixture.file(
                StaffFixture.verdict(a, "Court", "1-9/2021", LocalDate.of(2021, 3, 3), "PEDAGOGICAL", "LIFE"),
                StaffFixture.verdict(a, "Court", "1-10/2021", TODAY.plusDays(5), "PEDAGOGICAL", "LIFE"));
        mvc.perform(post("/api/v1/court-bans/imports?allOrNothing=true").with(TestUsers.ministry())
                        .contentType("text/csv").content(csv))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.written").value(false))
                .andExpect(jsonPath("$.rejections[0].field").value("in_force_on"));
        assertThat(fixture.count("select count(*) from court_ban where iin = ?", a.value())).isZero();
        upload(TestUsers.ministry(), "iin;last_name;court\n" + a.value() + ";X;Y\n")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("INVALID_INPUT"))
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("first_name, birth_date")));
        upload(TestUsers.ministry(), StaffFixture.HEADER + "\n\"" + a.value() + ",Unclosed\n")
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    @DisplayName("HB-1 the register is read by the ministry, region and district offices only: a school, the police and statistics get 403")
    void registerReaders() throws Exception {
        mvc.perform(get("/api/v1/court-bans").with(TestUsers.ministry())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/court-bans").with(TestUsers.district(DISTRICT))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/court-bans").with(TestUsers.region("790000000"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/court-bans").with(head()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        mvc.perform(get("/api/v1/court-bans").with(TestUsers.statistics())).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/court-bans").with(TestUsers.as(police()))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/court-bans/imports").with(head()).contentType("text/csv")
                .content(StaffFixture.file())).andExpect(status().isForbidden());
        mvc.perform(get("/court-bans").with(head())).andExpect(status().isForbidden());
        mvc.perform(get("/court-bans").with(TestUsers.district(DISTRICT)).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Court bans")));
    }

    @Test
    @DisplayName("HB-1 the verdict page imports a file and shows the counts; the register's rows are shown to the district")
    void page() throws Exception {
        var a = fixture.adult(1967, Sex.FEMALE);
        var file = new org.springframework.mock.web.MockMultipartFile("file", "bans.csv", "text/csv",
                StaffFixture.file(StaffFixture.verdict(a, "Kentau court", "1-77/2023", LocalDate.of(2023, 4, 4),
                        "WORK_WITH_MINORS", "LIFE")).getBytes(StandardCharsets.UTF_8));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/court-bans/import")
                        .file(file).with(TestUsers.district(DISTRICT)).with(csrf()).header("Accept-Language", "ru"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Файл загружен.")))
                .andExpect(content().string(containsString("id=\"import-accepted\">1<")));
        mvc.perform(get("/court-bans").param("iin", a.value()).with(TestUsers.district(DISTRICT)).header("Accept-Language", "ru"))
                .andExpect(content().string(containsString("1-77/2023")))
                .andExpect(content().string(containsString("пожизненно")));
    }

    static kz.bilim.access.BilimUser police() {
        return new kz.bilim.access.BilimUser(900009, "test.police", "", "Test Police", kz.bilim.kernel.Role.POLICE_LIAISON,
                kz.bilim.kernel.Scope.territory("7992"), DISTRICT, null, "en", true, 0);
    }
}
