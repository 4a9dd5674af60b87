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

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** HB-1 over HTTP: the hiring check against the verdict register, and the bad input of a hire. */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HiringBanTest {

    static final String DISTRICT = "799100000";
    static final LocalDate TODAY = LocalDate.now(Almaty.ZONE);

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;

    StaffFixture fixture;
    String settlement;
    long school;

    @BeforeAll
    void fixtures() {
        fixture = new StaffFixture(ownerDataSource, YearMonth.of(2006, 6), 6000);
        settlement = fixture.registry.districtWithSettlement(DISTRICT, false);
        school = fixture.registry.organisation(settlement, "Шаңырақ", "GENERAL_SECONDARY_SCHOOL", 1, "kk");
    }

    RequestPostProcessor head() {
        return TestUsers.organisationAdmin(school, settlement);
    }

    void register(String... lines) throws Exception {
        mvc.perform(post("/api/v1/court-bans/imports").with(TestUsers.ministry())
                        .contentType("text/csv").content(StaffFixture.file(lines)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rejected").value(0));
    }

    ResultActions hire(Iin iin, String position, LocalDate startsOn, LocalDate endsOn) throws Exception {
        return mvc.perform(post("/api/v1/organisations/" + school + "/staff").with(head())
                .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                .content(StaffFixture.hire(iin, position, TODAY, startsOn, endsOn)));
    }

    long staffRows(Iin iin) {
        return fixture.count("select count(*) from staff_member where iin = ?", iin.value());
    }

    ResultActions hireWith(Iin iin, String position, String extra, String language) throws Exception {
        String body = StaffFixture.hire(iin, position, TODAY, TODAY, null).strip();
        return mvc.perform(post("/api/v1/organisations/" + school + "/staff").with(head())
                .header("Accept-Language", language).contentType(MediaType.APPLICATION_JSON)
                .content(body.substring(0, body.length() - 1) + ", " + extra + "}"));
    }

    @Test
    @DisplayName("SC-5 a hire records the nationality and a teacher's band of grades; the band on another position is refused by field")
    void nationalityAndGradesTaught() throws Exception {
        var teacher = fixture.adult(1988, Sex.FEMALE);
        hireWith(teacher, "TEACHER", "\"nationality\": \"KAZAKH\", \"gradesTaught\": \"senior\"", "en")
                .andExpect(status().isCreated());
        assertThat(fixture.count("select count(*) from staff_member m join employment_contract c on c.staff_member_id = m.id "
                + "where m.iin = ? and m.nationality = 'KAZAKH' and c.grades_taught = 'SENIOR'", teacher.value())).isOne();
        var cook = fixture.adult(1979, Sex.MALE);
        hireWith(cook, "COOK", "\"gradesTaught\": \"PRIMARY\"", "ru")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("gradesTaught"))
                .andExpect(jsonPath("$.errors[0].reason").value(org.hamcrest.Matchers.containsString("только в договоре учителя")));
        hireWith(cook, "TEACHER", "\"gradesTaught\": \"ALL\"", "kk")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("gradesTaught"));
        assertThat(staffRows(cook)).isZero();
    }

    @Test
    @DisplayName("HB-1 a teacher with a lifetime ban on pedagogical positions is not hired: HIRING_BANNED names the verdict, nothing is written, the attempt is audited")
    void refusedHire() throws Exception {
        var iin = fixture.adult(1985, Sex.MALE);
        register(StaffFixture.verdict(iin, "Taraz city court No. 2", "2-1744/2019", LocalDate.of(2019, 6, 3),
                "PEDAGOGICAL", "LIFE"));
        hire(iin, "TEACHER", TODAY, null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("HIRING_BANNED"))
                .andExpect(jsonPath("$.clause").value("HB-1"))
                .andExpect(jsonPath("$.title").value("Hiring banned by a court verdict"))
                .andExpect(jsonPath("$.detail").value("hiring refused: the verdict of Taraz city court No. 2, in force "
                        + "since Jun 3, 2019, case 2-1744/2019, bans this person from this position"))
                .andExpect(jsonPath("$.errors[0].field").value("iin"));
        assertThat(staffRows(iin)).as("no employee, no contract").isZero();
        assertThat(fixture.count("""
                select count(*) from audit_event where purpose = 'hiring-refused' and organisation_id = ?
                   and details->>'refused' = 'HIRING_BANNED' and details->>'clause' = 'HB-1'
                """, school)).as("the refused attempt is on record").isEqualTo(1);
        assertThat(fixture.count("select count(*) from audit_event where purpose = 'hiring-refused' and details::text like ?",
                "%" + iin.value() + "%")).as("the audit record holds no IIN").isZero();
    }

    @Test
    @DisplayName("HB-1 a lifetime ban never expires: an open-ended contract decades after the verdict is refused, in Russian too, its date as Russian writes it")
    void lifetimeBan() throws Exception {
        var iin = fixture.adult(1961, Sex.FEMALE);
        register(StaffFixture.verdict(iin, "Shymkent court", "1-15/2001", LocalDate.of(2001, 2, 1),
                "WORK_WITH_MINORS", "LIFE"));
        mvc.perform(post("/api/v1/organisations/" + school + "/staff").with(head())
                        .header("Accept-Language", "ru").contentType(MediaType.APPLICATION_JSON)
                        .content(StaffFixture.hire(iin, "EDUCATOR", TODAY, TODAY.plusDays(10), null)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("HIRING_BANNED"))
                .andExpect(jsonPath("$.detail").value(containsString("дело 1-15/2001")))
                .andExpect(jsonPath("$.detail").value(containsString("вступивший в силу 01.02.2001")));
    }

    @Test
    @DisplayName("HB-1 a ban for years counts on its last day and expires the day after its end")
    void expiredBan() throws Exception {
        var lastDayToday = fixture.adult(1979, Sex.MALE);
        var endedYesterday = fixture.adult(1980, Sex.MALE);
        register(StaffFixture.verdict(lastDayToday, "Almaty district court", "1-7/2021", LocalDate.of(2021, 1, 11),
                        "PEDAGOGICAL", TODAY.toString()),
                StaffFixture.verdict(endedYesterday, "Almaty district court", "1-8/2021", LocalDate.of(2021, 1, 11),
                        "PEDAGOGICAL", TODAY.minusDays(1).toString()));
        hire(lastDayToday, "TEACHER", TODAY, null).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("HIRING_BANNED"));
        hire(endedYesterday, "TEACHER", TODAY, null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.iin").value(endedYesterday.value()))
                .andExpect(jsonPath("$.contracts[0].position").value("TEACHER"))
                .andExpect(jsonPath("$.contracts[0].flagged").value(false));
    }

    @Test
    @DisplayName("HB-1 a ban on a named position does not cover another: banned as DRIVER, hired as WATCHMAN, refused as DRIVER")
    void namedPosition() throws Exception {
        var iin = fixture.adult(1975, Sex.MALE);
        register(StaffFixture.verdict(iin, "Kordai district court", "1-3/2024", LocalDate.of(2024, 5, 20),
                "POSITION:DRIVER", TODAY.plusYears(3).toString()));
        hire(iin, "DRIVER", TODAY, null).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("HIRING_BANNED"));
        hire(iin, "WATCHMAN", TODAY, null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.contracts[0].position").value("WATCHMAN"));
    }

    @Test
    @DisplayName("HB-1 a ban on work with minors covers a cook (not a pedagogue) and not an accountant; a pedagogical ban does not cover a cook")
    void kindsOfBan() throws Exception {
        var minors = fixture.adult(1983, Sex.FEMALE);
        var pedagogical = fixture.adult(1984, Sex.FEMALE);
        register(StaffFixture.verdict(minors, "Taraz court", "1-90/2022", LocalDate.of(2022, 9, 1), "WORK_WITH_MINORS", "LIFE"),
                StaffFixture.verdict(pedagogical, "Taraz court", "1-91/2022", LocalDate.of(2022, 9, 1), "PEDAGOGICAL", "LIFE"));
        hire(minors, "COOK", TODAY, null).andExpect(jsonPath("$.code").value("HIRING_BANNED"));
        hire(minors, "ACCOUNTANT", TODAY, null).andExpect(status().isCreated());
        hire(pedagogical, "COOK", TODAY, null).andExpect(status().isCreated());
        hire(pedagogical, "PSYCHOLOGIST", TODAY, null).andExpect(jsonPath("$.code").value("HIRING_BANNED"));
    }

    @Test
    @DisplayName("HB-1 a fixed-term contract that would run into a ban's period, or be signed during it, is refused")
    void periodOfTheContract() throws Exception {
        var iin = fixture.adult(1990, Sex.MALE);
        // the verdict came into force yesterday; a contract signed today starting next month is still inside the ban
        register(StaffFixture.verdict(iin, "Turkistan court", "1-1/2026", TODAY.minusDays(1), "PEDAGOGICAL",
                TODAY.plusYears(5).toString()));
        hire(iin, "TEACHER", TODAY.plusMonths(1), TODAY.plusMonths(6)).andExpect(jsonPath("$.code").value("HIRING_BANNED"));
    }

    @Test
    @DisplayName("HB-1 a person without an IIN cannot be hired until identified; bad input names each field and writes nothing")
    void badInput() throws Exception {
        var iin = fixture.adult(1988, Sex.FEMALE);
        String body = StaffFixture.hire(iin, "TEACHER", TODAY, TODAY, TODAY.minusDays(1));
        mvc.perform(post("/api/v1/organisations/" + school + "/staff").with(head()).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content(body.replace("\"iin\": \"" + iin.value() + "\"", "\"iin\": \"\"")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("INVALID_INPUT"))
                .andExpect(jsonPath("$.errors[?(@.field == 'iin')].reason")
                        .value("is required: a person without an IIN cannot be hired until identified"))
                .andExpect(jsonPath("$.errors[?(@.field == 'endsOn')].reason").value("ends before the contract starts"));
        String wrongCheck = iin.value().substring(0, 11) + ((iin.value().charAt(11) - '0' + 1) % 10);
        mvc.perform(post("/api/v1/organisations/" + school + "/staff").with(head())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(StaffFixture.hire(iin, "NOT_A_POSITION", TODAY, TODAY, null).replace(iin.value(), wrongCheck)
                                .replace("\"sex\": \"FEMALE\"", "\"sex\": \"MALE\"")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[?(@.field == 'iin')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'position')]").exists());
        mvc.perform(post("/api/v1/organisations/" + school + "/staff").with(head())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(StaffFixture.hire(iin, "TEACHER", TODAY, TODAY, null).replace("\"sex\": \"FEMALE\"", "\"sex\": \"MALE\"")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("sex"));
        assertThat(staffRows(iin)).isZero();
    }

    @Test
    @DisplayName("a second open contract for the same position in the same organisation is refused with the field; another position is a second contract")
    void secondContract() throws Exception {
        var iin = fixture.adult(1982, Sex.MALE);
        hire(iin, "TEACHER", TODAY, null).andExpect(status().isCreated());
        hire(iin, "TEACHER", TODAY, null).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("INVALID_INPUT"))
                .andExpect(jsonPath("$.errors[0].field").value("position"));
        var second = hire(iin, "LIBRARIAN", TODAY, null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.contracts.length()").value(2));
        assertThat(staffRows(iin)).as("one employee with two contracts").isEqualTo(1);
        assertThat(second.andReturn().getResponse().getHeader("Location")).startsWith("/api/v1/staff/");
    }

    @Test
    @DisplayName("HB-1 the positions classifier marks pedagogical positions and work with minors")
    void classifier() throws Exception {
        mvc.perform(get("/api/v1/staff/positions").with(head()).header("Accept-Language", "ru"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == 'TEACHER')].pedagogical").value(true))
                .andExpect(jsonPath("$[?(@.code == 'TEACHER')].name").value("Учитель"))
                .andExpect(jsonPath("$[?(@.code == 'COOK')].pedagogical").value(false))
                .andExpect(jsonPath("$[?(@.code == 'COOK')].worksWithMinors").value(true))
                .andExpect(jsonPath("$[?(@.code == 'ACCOUNTANT')].worksWithMinors").value(false));
        for (String code : new String[]{"DIRECTOR", "TEACHER", "EDUCATOR", "PSYCHOLOGIST", "LIBRARIAN", "COOK", "DRIVER", "WATCHMAN"})
            mvc.perform(get("/api/v1/staff/positions").with(head()))
                    .andExpect(jsonPath("$[?(@.code == '" + code + "')]").exists());
    }
}
