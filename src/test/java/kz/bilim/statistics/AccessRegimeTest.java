package kz.bilim.statistics;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.access.BilimUser;
import kz.bilim.kernel.Role;
import kz.bilim.kernel.Scope;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * SC-1…SC-3: only the Committee's responsible persons of the register, granted access by the ministry and having
 * accepted the purpose of use, read statistics; grants are due by 5 October of the reporting year (overdue shown);
 * changes of responsible persons are reported within 3 calendar days (due dates tracked); notices of planned changes
 * and suspensions are given no less than 5 calendar days ahead (a shorter one refused with the earliest day allowed)
 * and show to the analysts.
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRegimeTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    Clock clock;
    @Autowired
    OwnerDataSource ownerDataSource;

    @BeforeAll
    void registries() {
        new StatisticsFixture(ownerDataSource).make();
    }

    static RequestPostProcessor analyst(String username) {
        return TestUsers.as(new BilimUser(900050, username, "", "Test Analyst", Role.STATISTICS_ANALYST,
                Scope.all(false), "", null, "en", true, 0));
    }

    private JsonNode body(org.springframework.test.web.servlet.ResultActions actions) throws Exception {
        return json.readTree(actions.andReturn().getResponse().getContentAsString());
    }

    @Test
    @DisplayName("SC-3 an analyst outside the register, not yet granted, or not having accepted the purpose reads nothing")
    void onlyRegisteredGrantedAndAccepted() throws Exception {
        mvc.perform(get("/api/v1/statistics/indicators/1").with(analyst("stat.nobody")))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.clause").value("SC-3"));
        var person = body(mvc.perform(post("/api/v1/statistics/responsible-persons").with(TestUsers.ministry()).with(csrf())
                        .contentType("application/json").content("""
                                {"username": "stat.aigerim", "fullName": "Test Aigerim", "position": "chief specialist",
                                 "reportingYear": 2026, "changedOn": "2026-10-01"}"""))
                .andExpect(status().isCreated()));
        long id = person.get("id").asLong();
        assertThat(person.get("accessDueOn").asText()).isEqualTo("2026-10-05");
        mvc.perform(get("/api/v1/statistics/indicators/1").with(analyst("stat.aigerim")))
                .andExpect(status().isForbidden());
        var granted = body(mvc.perform(post("/api/v1/statistics/responsible-persons/" + id + "/grant")
                .with(TestUsers.ministry()).with(csrf())).andExpect(status().isOk()));
        assertThat(granted.get("accessGrantedOn").asText()).isEqualTo(LocalDate.now(clock).toString());
        mvc.perform(get("/api/v1/statistics/indicators/1").with(analyst("stat.aigerim")).header("Accept-Language", "en"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("purpose")));
        mvc.perform(post("/api/v1/statistics/purpose-acceptance").with(analyst("stat.aigerim")).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.purposeAccepted").value(true));
        mvc.perform(get("/api/v1/statistics/indicators/1?by=region").with(analyst("stat.aigerim")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.indicator").value(1));
        // removed from the register: no more access
        mvc.perform(post("/api/v1/statistics/responsible-persons/" + id + "/removal").with(TestUsers.ministry())
                .with(csrf()).contentType("application/json").content("{\"date\": \"2026-11-20\"}")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/statistics/indicators/1").with(analyst("stat.aigerim"))).andExpect(status().isForbidden());
        // the register is the ministry's, not the analysts'
        mvc.perform(get("/api/v1/statistics/responsible-persons").with(analyst("stat.aigerim")))
                .andExpect(status().isForbidden());
    }

    @Test
    @DisplayName("SC-2 a grant is due by 5 October of the reporting year: a later or a missing one shows as overdue")
    void grantsDue() throws Exception {
        LocalDate today = LocalDate.now(clock);
        int pastYear = today.getYear() - 1;
        int nextYear = today.getYear() + 1;
        var late = body(mvc.perform(post("/api/v1/statistics/responsible-persons").with(TestUsers.ministry()).with(csrf())
                .contentType("application/json").content("{\"username\": \"stat.late\", \"fullName\": \"Late\", "
                        + "\"reportingYear\": " + pastYear + "}")));
        var early = body(mvc.perform(post("/api/v1/statistics/responsible-persons").with(TestUsers.ministry()).with(csrf())
                .contentType("application/json").content("{\"username\": \"stat.early\", \"fullName\": \"Early\", "
                        + "\"reportingYear\": " + nextYear + "}")));
        assertThat(late.get("grantOverdue").asBoolean()).as("not granted by 5 October " + pastYear).isTrue();
        assertThat(early.get("grantOverdue").asBoolean()).isFalse();
        var grantedEarly = body(mvc.perform(post("/api/v1/statistics/responsible-persons/" + early.get("id").asLong()
                + "/grant").with(TestUsers.ministry()).with(csrf())));
        assertThat(grantedEarly.get("grantOverdue").asBoolean()).isFalse();
        var grantedLate = body(mvc.perform(post("/api/v1/statistics/responsible-persons/" + late.get("id").asLong()
                + "/grant").with(TestUsers.ministry()).with(csrf())));
        assertThat(grantedLate.get("grantOverdue").asBoolean()).as("granted after the due day").isTrue();
        mvc.perform(post("/api/v1/statistics/responsible-persons").with(TestUsers.ministry()).with(csrf())
                        .contentType("application/json").content("{\"username\": \"\", \"reportingYear\": 1900}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "username", "fullName", "reportingYear")));
    }

    @Test
    @DisplayName("SC-3 a change of responsible persons is to be reported within 3 calendar days: due date tracked, a late report marked")
    void changeReports() throws Exception {
        var person = body(mvc.perform(post("/api/v1/statistics/responsible-persons").with(TestUsers.ministry()).with(csrf())
                .contentType("application/json").content("""
                        {"username": "stat.change", "fullName": "Change", "reportingYear": 2026, "changedOn": "2026-11-02"}""")));
        var reports = body(mvc.perform(get("/api/v1/statistics/change-reports").with(TestUsers.ministry())));
        JsonNode report = null;
        for (JsonNode r : reports) if (r.get("personId").asLong() == person.get("id").asLong()) report = r;
        assertThat(report).isNotNull();
        assertThat(report.get("dueOn").asText()).isEqualTo("2026-11-05");
        assertThat(report.get("overdue").asBoolean()).as("today is after 5 November and nothing reported").isTrue();
        var late = body(mvc.perform(post("/api/v1/statistics/change-reports/" + report.get("id").asLong() + "/reported")
                .with(TestUsers.ministry()).with(csrf()).contentType("application/json").content("{\"date\": \"2026-11-06\"}")));
        assertThat(late.get("overdue").asBoolean()).isTrue();
        var onTime = body(mvc.perform(post("/api/v1/statistics/responsible-persons").with(TestUsers.ministry()).with(csrf())
                .contentType("application/json").content("""
                        {"username": "stat.ontime", "fullName": "On time", "reportingYear": 2026, "changedOn": "2026-11-02"}""")));
        for (JsonNode r : body(mvc.perform(get("/api/v1/statistics/change-reports").with(TestUsers.ministry()))))
            if (r.get("personId").asLong() == onTime.get("id").asLong()) report = r;
        var reported = body(mvc.perform(post("/api/v1/statistics/change-reports/" + report.get("id").asLong() + "/reported")
                .with(TestUsers.ministry()).with(csrf()).contentType("application/json").content("{\"date\": \"2026-11-05\"}")));
        assertThat(reported.get("overdue").asBoolean()).as("reported on the third day").isFalse();
    }

    @Test
    @DisplayName("SC-2 a notice of a change or suspension less than 5 calendar days ahead is refused with the earliest day allowed")
    void fiveDayNotice() throws Exception {
        LocalDate today = LocalDate.now(clock);
        String notice = "{\"kind\": \"SUSPENSION\", \"startsOn\": \"%s\", \"textKk\": \"Жұмыс тоқтатылады\", "
                + "\"textRu\": \"Работа приостанавливается\"}";
        mvc.perform(post("/api/v1/statistics/notices").with(TestUsers.ministry()).with(csrf())
                        .contentType("application/json").content(notice.formatted(today.plusDays(4))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.clause").value("SC-2"))
                .andExpect(jsonPath("$.errors[0].field").value("startsOn"))
                .andExpect(jsonPath("$.errors[0].reason").value(org.hamcrest.Matchers.containsString(
                        today.plusDays(5).toString())));
        mvc.perform(post("/api/v1/statistics/notices").with(TestUsers.ministry()).with(csrf())
                        .contentType("application/json").content(notice.formatted(today.plusDays(5))))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/statistics/notices").with(analyst("stat.nobody")).with(csrf())
                        .contentType("application/json").content(notice.formatted(today.plusDays(9))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/statistics/notices").with(TestUsers.statistics()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].startsOn").value(org.hamcrest.Matchers.hasItem(today.plusDays(5).toString())));
    }

    @Test
    @DisplayName("SC-1 only a person in the Committee's register is given the analyst role (creating or changing an account)")
    void analystRoleOnlyForRegistered() throws Exception {
        String account = """
                {"username": "%s", "fullName": "Test Analyst", "role": "STATISTICS_ANALYST", "locale": "ru",
                 "enabled": true, "password": "Stat-Role-Password-2026"}""";
        mvc.perform(post("/api/v1/users").with(TestUsers.ministry()).with(csrf()).header("Accept-Language", "ru")
                        .contentType("application/json").content(account.formatted("stat.unlisted")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("role"))
                .andExpect(jsonPath("$.errors[0].reason").value(org.hamcrest.Matchers.containsString("реестр")));
        // another role is fine; turning it into the analyst's is refused just the same
        var officer = body(mvc.perform(post("/api/v1/users").with(TestUsers.ministry()).with(csrf())
                        .contentType("application/json").content("""
                                {"username": "stat.unlisted2", "fullName": "Test Contact", "role": "CONTACT_CENTRE",
                                 "locale": "ru", "enabled": true, "password": "Stat-Role-Password-2026"}"""))
                .andExpect(status().isCreated()));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/users/"
                        + officer.get("id").asLong()).with(TestUsers.ministry()).with(csrf())
                        .contentType("application/json").content("""
                                {"fullName": "Test Contact", "role": "STATISTICS_ANALYST", "enabled": true}"""))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("role"));
        mvc.perform(post("/api/v1/statistics/responsible-persons").with(TestUsers.ministry()).with(csrf())
                .contentType("application/json").content("""
                        {"username": "stat.listed", "fullName": "Test Listed", "position": "specialist",
                         "reportingYear": 2026, "changedOn": "2026-10-01"}""")).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/users").with(TestUsers.ministry()).with(csrf())
                        .contentType("application/json").content(account.formatted("stat.listed")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.role").value("STATISTICS_ANALYST"));
    }
}
