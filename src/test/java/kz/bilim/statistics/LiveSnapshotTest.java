package kz.bilim.statistics;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * SC-5 live reads: the live snapshot is never taken on a request. With no wait for a first one (production's setting):
 * a read before any live snapshot exists is refused and starts the take in the background; afterwards reads answer
 * from the kept live snapshot with the time it was taken, also when it is stale (the retake runs in the background).
 */
@BilimTest
@TestPropertySource(properties = "bilim.statistics.live-first-wait=PT0S")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveSnapshotTest {

    private static final String URL = "/api/v1/statistics/indicators/8?snapshot=live";

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

    private JsonNode live() throws Exception {
        return json.readTree(mvc.perform(get(URL).with(TestUsers.ministry())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    private Instant takenAtInDatabase() {
        return fixture.owner.sql("select taken_at from stat_snapshot where live and digest is not null")
                .query(java.sql.Timestamp.class).single().toInstant();
    }

    @Test
    @DisplayName("SC-5 no live snapshot yet: the read is refused naming 'snapshot' and the first one is taken in the background; "
            + "then reads answer from the kept one with its time, a stale one too")
    void neverTakenOnTheRequest() throws Exception {
        // as after a first start: no live snapshot at all
        for (String table : java.util.List.of("stat_pupil_cell", "stat_staff_cell", "stat_graduate_cell", "stat_pupil",
                "stat_staff", "stat_graduate", "stat_child", "stat_queue", "stat_organisation"))
            fixture.owner.sql("delete from " + table + " where snapshot_id in (select id from stat_snapshot where live)")
                    .update();
        fixture.owner.sql("delete from stat_snapshot where live").update();

        mvc.perform(get(URL).with(TestUsers.ministry()).header("Accept-Language", "kk"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("snapshot"))
                .andExpect(jsonPath("$.errors[0].reason").value(org.hamcrest.Matchers.containsString("5 қазандағы")));

        await().atMost(Duration.ofMinutes(1)).until(() -> fixture.owner.sql(
                "select count(*) from stat_snapshot where live and digest is not null").query(Long.class).single() == 1);
        var first = live();
        Instant taken = takenAtInDatabase();
        assertThat(Instant.parse(first.get("takenAt").asText())).as("the figures' time is the kept snapshot's")
                .isEqualTo(taken);
        long before = first.get("rows").get(0).get("value").asLong();

        // the kept snapshot grows stale: the read still answers it at once, whole (not the facts a retake is replacing)
        fixture.owner.sql("update stat_snapshot set taken_at = taken_at - interval '1 day' where live").update();
        Instant stale = takenAtInDatabase();
        var answered = live();
        assertThat(answered.get("rows").get(0).get("value").asLong()).isEqualTo(before).isPositive();
        assertThat(Instant.parse(answered.get("takenAt").asText())).as("answered from the kept snapshot, stale or just "
                + "retaken in the background, never taken on the request").isIn(stale, takenAtInDatabase());

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            var retaken = live();
            assertThat(Instant.parse(retaken.get("takenAt").asText())).as("retaken in the background").isAfter(stale);
            assertThat(retaken.get("rows").get(0).get("value").asLong()).isEqualTo(before);
        });
    }
}
