package kz.bilim.statistics;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.identity.Sex;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * SC-4, SC-5: the 5-October snapshot is reproducible (taking it again gives a new version with the same digest, even
 * after the registries changed later), frozen (its facts cannot be changed), holds no personal data, and is taken only
 * by the ministry, never for a day still to come; live reads see today's registries.
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnapshotTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;
    @Autowired
    JsonMapper json;

    StatisticsFixture fixture;

    @BeforeAll
    void registries() {
        fixture = new StatisticsFixture(ownerDataSource).make();
    }

    private JsonNode take(String day) throws Exception {
        return json.readTree(mvc.perform(post("/api/v1/statistics/snapshots").with(TestUsers.ministry()).with(csrf())
                        .contentType("application/json").content("{\"asOf\": \"" + day + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    private long total(String indicator, String snapshot) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/statistics/indicators/" + indicator + "?snapshot=" + snapshot)
                        .with(TestUsers.ministry())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).get("rows").get(0).get("value").asLong();
    }

    @Test
    @DisplayName("SC-4 taking the 5-October snapshot again gives a new version with the same digest, also after later admissions")
    void reproducibleAndVersioned() throws Exception {
        var first = take("2026-10-05");
        var second = take("2026-10-05");
        assertThat(second.get("version").asInt()).isEqualTo(first.get("version").asInt() + 1);
        assertThat(second.get("digest").asText()).isEqualTo(first.get("digest").asText()).hasSize(32);
        assertThat(first.get("pupils").asLong()).isPositive();
        long before = total("8", "2026-10-05");
        // a pupil admitted after the day changes today's registries, not the registries as of the day
        var registry = fixture.registry;
        long person = registry.person(registry.nextIin(LocalDate.of(2016, 1, 20), Sex.MALE), StatisticsFixture.SECRET_SURNAME,
                StatisticsFixture.SECRET_FIRST_NAME, "594333101");
        registry.enrolment(person, fixture.schoolA, null, "594333101", 4, LocalDate.of(2026, 11, 10));
        fixture.owner.sql("update stat_snapshot set taken_at = taken_at - interval '1 day' where live").update();
        var third = take("2026-10-05");
        assertThat(third.get("digest").asText()).isEqualTo(first.get("digest").asText());
        assertThat(total("8", "2026-10-05")).isEqualTo(before);
        total("8", "live"); // a stale live snapshot: answered, and retaken in the background
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(1)).untilAsserted(() ->
                assertThat(total("8", "live")).as("live counts today's pupils: the fixture's admitted on 2 November "
                        + "and this one").isEqualTo(before + 2));
        mvc.perform(get("/api/v1/statistics/snapshots").with(TestUsers.ministry())).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].asOf").value("2026-10-05"))
                .andExpect(jsonPath("$[0].version").value(third.get("version").asInt()));
        // the versions asked for by day: the latest
        mvc.perform(get("/api/v1/statistics/indicators/8?snapshot=2026-10-05").with(TestUsers.ministry()))
                .andExpect(jsonPath("$.version").value(third.get("version").asInt()));
    }

    @Test
    @DisplayName("SC-5 a live read never waits for a retake: a stale live snapshot is answered at once and retaken in the background")
    void liveRetakenInBackground() throws Exception {
        total("8", "live");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(1)).until(() -> fixture.owner.sql("""
                select count(*) from stat_snapshot where live and digest is not null
                   and taken_at > now() - interval '30 seconds'""").query(Long.class).single() == 1);
        long before = total("8", "live");
        var registry = fixture.registry;
        long person = registry.person(registry.nextIin(LocalDate.of(2016, 3, 2), Sex.FEMALE), StatisticsFixture.SECRET_SURNAME,
                StatisticsFixture.SECRET_FIRST_NAME, "594333101");
        registry.enrolment(person, fixture.schoolA, null, "594333101", 4, LocalDate.of(2026, 11, 12));
        fixture.owner.sql("update stat_snapshot set taken_at = taken_at - interval '1 day' where live").update();
        assertThat(total("8", "live")).as("the stale live snapshot is answered, not retaken on the request")
                .isEqualTo(before);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(1)).untilAsserted(() ->
                assertThat(total("8", "live")).as("the retaken live snapshot").isEqualTo(before + 1));
    }

    @Test
    @DisplayName("SC-4 a 5-October snapshot is frozen: its facts can be neither changed nor removed")
    void frozen() throws Exception {
        take("2026-10-05");
        assertThatThrownBy(() -> fixture.owner.sql("""
                update stat_pupil set pupils = pupils + 1
                 where snapshot_id = (select max(id) from stat_snapshot where not live)""").update())
                .hasMessageContaining("frozen");
        assertThatThrownBy(() -> fixture.owner.sql("delete from stat_snapshot where not live").update())
                .hasMessageContaining("frozen");
    }

    @Test
    @DisplayName("SC-3 a snapshot holds no personal data: no IIN, name, birth date or address among its columns")
    void noPersonalData() {
        var columns = fixture.owner.sql("""
                        select column_name from information_schema.columns
                         where table_name in ('stat_snapshot', 'stat_organisation', 'stat_pupil', 'stat_staff')""")
                .query(String.class).list();
        assertThat(columns).isNotEmpty().doesNotContain("iin", "last_name", "first_name", "patronymic", "birth_date",
                "residence_kato", "person_id", "staff_member_id", "postal_address", "phone");
    }

    @Test
    @DisplayName("SC-4 only the ministry takes a snapshot, and never of a day still to come")
    void whoAndWhen() throws Exception {
        mvc.perform(post("/api/v1/statistics/snapshots").with(TestUsers.region("590000000")).with(csrf())
                .contentType("application/json").content("{\"asOf\": \"2026-10-05\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/statistics/snapshots").with(TestUsers.ministry()).with(csrf())
                        .contentType("application/json").content("{\"asOf\": \"2099-10-05\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("asOf"));
        mvc.perform(post("/api/v1/statistics/snapshots").with(TestUsers.ministry()).with(csrf())
                        .contentType("application/json").content("{\"asOf\": \"5 October\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("asOf"));
    }
}
