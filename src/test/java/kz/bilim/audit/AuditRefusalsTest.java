package kz.bilim.audit;

import kz.bilim.BilimTest;
import kz.bilim.access.AccessFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The trail tells the whole story: refused reads leave a trace, robots do not bury people's sign-ins. */
@BilimTest
class AuditRefusalsTest {

    static final String REGION = "390000000";
    static final String DISTRICT_A = "393200000";
    static final String DISTRICT_B = "393400000";

    @Autowired
    MockMvc mvc;
    @Autowired
    AccessFixture fixture;

    long count(String sql, Object... params) {
        var spec = fixture.owner().sql(sql);
        for (int i = 0; i < params.length; i++) spec = spec.param(i + 1, params[i]);
        return spec.query(Long.class).single();
    }

    @Test
    @DisplayName("CA-2 a district officer asking for another district's organisation gets 404, and the refusal is in the officer's trail")
    void refusedReadAudited() throws Exception {
        fixture.territory(REGION, null, 1, "Аудит облысы");
        fixture.territory(DISTRICT_A, REGION, 2, "А");
        fixture.territory(DISTRICT_B, REGION, 2, "Б");
        long foreign = fixture.organisation(3901, DISTRICT_B);
        fixture.district("refused.officer", DISTRICT_A);
        mvc.perform(get("/api/v1/organisations/" + foreign + "?q=Серікова").with(httpBasic("refused.officer", AccessFixture.PASSWORD)))
                .andExpect(status().isNotFound());
        assertThat(count("""
                select count(*) from audit_event where actor = 'refused.officer' and action = 'READ' and purpose = 'refused'
                   and kato = ? and details ->> 'path' = ? and details ->> 'status' = '404'
                """, DISTRICT_A, "/api/v1/organisations/" + foreign)).isEqualTo(1);
        assertThat(count("select count(*) from audit_event where actor = 'refused.officer' and details::text like '%Серікова%'"))
                .as("never the query string").isZero();
    }

    @Test
    @DisplayName("HTTP Basic authenticates every request, but the trail records it once an hour, not per request")
    void basicSignInOncePerHour() throws Exception {
        fixture.ministry("robot.basic");
        for (int i = 0; i < 3; i++)
            mvc.perform(get("/api/v1/users").with(httpBasic("robot.basic", AccessFixture.PASSWORD))).andExpect(status().isOk());
        assertThat(count("select count(*) from audit_event where actor = 'robot.basic' and action = 'LOGIN'"))
                .isEqualTo(1);
    }
}
