package kz.bilim.audit;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.kernel.CurrentScope;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Searching the trail: criteria, Almaty dates, keyset pages, bad input — and its query API for other modules. */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditSearchTest {

    static final String TYPE = "audit-search-test";
    static final String DISTRICT = "271500000";

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;
    @Autowired
    AuditTrail trail;
    @Autowired
    JsonMapper json;

    JdbcClient owner;

    @BeforeAll
    void data() {
        owner = JdbcClient.create(ownerDataSource);
        // 120 events of one second, so that keyset paging must break ties by id
        owner.sql("""
                        insert into audit_event (occurred_at, actor, actor_role, action, subject_type, subject_id, kato, purpose, details)
                        select timestamptz '2025-06-01 12:00:00+05', 'search.paging', 'DISTRICT_OFFICER', 'READ', :type,
                               'p' || g, :kato, 'paging', jsonb_build_object('n', g)
                          from generate_series(1, 120) g
                        """).param("type", TYPE).param("kato", DISTRICT).update();
        // either side of midnight in Almaty: 9 March 23:30 and 10 March 00:30 (which is still 9 March in UTC)
        owner.sql("""
                        insert into audit_event (occurred_at, actor, actor_role, action, subject_type, subject_id, kato, purpose)
                        values (timestamptz '2025-03-09 23:30:00+05', 'search.dates', 'REGION_OFFICER', 'UPDATE', :type, 'late', :kato, 'dates'),
                               (timestamptz '2025-03-10 00:30:00+05', 'search.dates', 'REGION_OFFICER', 'EXPORT', :type, 'early', :kato, 'dates')
                        """).param("type", TYPE).param("kato", DISTRICT).update();
    }

    @Test
    @DisplayName("keyset pages walk every event once, newest first, ties broken by id")
    void keysetPaging() throws Exception {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = get("/api/v1/audit").with(TestUsers.ministry()).param("actor", "search.paging")
                    .param("size", "50");
            if (cursor != null) request.param("cursor", cursor);
            JsonNode page = json.readTree(mvc.perform(request).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString());
            page.get("items").forEach(item -> seen.add(item.get("subjectId").asString()));
            cursor = page.hasNonNull("next") ? page.get("next").asString() : null;
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(120);
        assertThat(new LinkedHashSet<>(seen)).hasSize(120);
        assertThat(seen.get(0)).isEqualTo("p120");
        assertThat(seen.get(119)).isEqualTo("p1");
    }

    @Test
    @DisplayName("a date range is of Almaty days: 10 March holds 00:30 Almaty (9 March in UTC), not 23:30 of the 9th")
    void almatyDates() throws Exception {
        mvc.perform(get("/api/v1/audit").with(TestUsers.ministry()).param("subjectType", TYPE)
                        .param("from", "2025-03-10").param("to", "2025-03-10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].subjectId").value("early"));
        mvc.perform(get("/api/v1/audit").with(TestUsers.ministry()).param("subjectType", TYPE).param("to", "2025-03-09"))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].subjectId").value("late"));
    }

    @Test
    @DisplayName("criteria combine: action, subject id, territory; details come back as JSON")
    void criteria() throws Exception {
        mvc.perform(get("/api/v1/audit").with(TestUsers.region("270000000")).param("action", "EXPORT")
                        .param("subjectType", TYPE).param("territory", "270000000"))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].action").value("EXPORT"));
        mvc.perform(get("/api/v1/audit").with(TestUsers.ministry()).param("subjectType", TYPE).param("subjectId", "p7"))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].details.n").value(7))
                .andExpect(jsonPath("$.items[0].purpose").value("paging"));
        mvc.perform(get("/api/v1/audit").with(TestUsers.ministry()).param("subjectType", TYPE).param("territory", "150000000"))
                .andExpect(jsonPath("$.items.length()").value(0));
    }

    @Test
    @DisplayName("bad criteria are 422 problem+json naming each field")
    void badCriteria() throws Exception {
        mvc.perform(get("/api/v1/audit").with(TestUsers.ministry()).header("Accept-Language", "en")
                        .param("action", "STEAL").param("from", "2025-13-01").param("territory", "27")
                        .param("size", "5000").param("cursor", "yesterday"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItems("action", "from", "territory", "size", "cursor")))
                .andExpect(jsonPath("$.errors[?(@.field == 'from')].reason").value("must be a date, yyyy-mm-dd"));
        mvc.perform(get("/api/v1/audit").with(TestUsers.ministry()).param("from", "2025-03-10").param("to", "2025-03-01"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
    }

    @Test
    @DisplayName("the audit page shows field errors in place, and rows with purpose and details")
    void page() throws Exception {
        mvc.perform(get("/audit").with(TestUsers.district(DISTRICT)).param("lang", "ru").param("from", "вчера"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("field-error")))
                .andExpect(content().string(containsString("должна быть датой")));
        mvc.perform(get("/audit").with(TestUsers.district(DISTRICT)).param("actor", "search.paging"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("paging")))
                .andExpect(content().string(containsString("<span>120</span>")))
                .andExpect(content().string(containsString("id=\"audit-next\"")));
        mvc.perform(get("/audit").with(TestUsers.district("271700000")).param("actor", "search.paging"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<span>120</span>"))));
    }

    @Test
    @DisplayName("the query API: other modules (and tests) read the trail of a subject, scoped twice — explicitly and by RLS")
    void queryApi() {
        var query = AuditQuery.newest(5).bySubject(TYPE, "late");
        var page = CurrentScope.asSystem(() -> trail.search(query, AuditScope.territory("27")));
        assertThat(page.items()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.UPDATE);
            assertThat(e.actor()).isEqualTo("search.dates");
        });
        assertThat(CurrentScope.asSystem(() -> trail.search(query, AuditScope.territory("15"))).items()).isEmpty();
        assertThat(CurrentScope.asSystem(() -> trail.search(query, AuditScope.nothing())).items()).isEmpty();
        // no one signed in on this thread: row-level security shows nothing, whatever the explicit filter says
        assertThat(trail.search(query, AuditScope.everything()).items()).isEmpty();
        long id = page.items().get(0).id();
        assertThat(CurrentScope.asSystem(() -> trail.find(id, AuditScope.everything()))).isPresent();
        assertThat(CurrentScope.asSystem(() -> trail.find(id, AuditScope.organisation(1)))).isEmpty();
    }
}
