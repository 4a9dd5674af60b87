package kz.bilim.access;

import kz.bilim.BilimTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** API tokens: issued on the tokens page, shown once, acting with their user's scope until revoked or expired. */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTokenTest {

    static final String REGION = "310000000";
    static final String DISTRICT = "313200000";
    static final String OTHER_DISTRICT = "313400000";

    @Autowired
    MockMvc mvc;
    @Autowired
    AccessFixture fixture;

    long neighbour;
    long colleague;

    @BeforeAll
    void data() {
        fixture.territory(DISTRICT, REGION, 2, "Токен ауданы");
        fixture.territory(OTHER_DISTRICT, REGION, 2, "Көрші аудан");
        fixture.district("tok.officer", DISTRICT);
        colleague = fixture.district("tok.colleague", DISTRICT);
        neighbour = fixture.district("tok.neighbour", OTHER_DISTRICT);
    }

    @Test
    @DisplayName("SC-3 a token authenticates its real user through the API, with that user's district scope")
    void tokenActsAsItsUser() throws Exception {
        String token = fixture.token(fixture.login("tok.officer"), "reporting script");
        assertThat(token).startsWith("blm_");
        mvc.perform(get("/api/v1/users/" + colleague).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value("tok.colleague"));
        mvc.perform(get("/api/v1/users/" + neighbour).header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound());
        String stored = fixture.owner().sql("""
                        select t.token_hash || '|' || t.kato || '|' || (t.last_used_at is not null)
                          from api_token t join app_user u on u.id = t.user_id
                         where u.username = 'tok.officer' and t.name = 'reporting script'
                        """).query(String.class).single();
        assertThat(stored).doesNotContain(token).endsWith("|" + DISTRICT + "|true");
    }

    @Test
    @DisplayName("the secret is shown once: the token list shows name and dates, never the secret")
    void secretShownOnce() throws Exception {
        var session = fixture.login("tok.officer");
        String token = fixture.token(session, "shown once");
        mvc.perform(get("/account/tokens").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("shown once")))
                .andExpect(content().string(not(containsString(token))))
                .andExpect(content().string(not(containsString("token-secret"))));
    }

    @Test
    @DisplayName("a revoked token is 401 problem+json, and the revocation is audited")
    void revokedTokenIsRefused() throws Exception {
        var session = fixture.login("tok.officer");
        String token = fixture.token(session, "to revoke");
        long id = fixture.owner().sql("select id from api_token where name = 'to revoke' order by id desc limit 1")
                .query(Long.class).single();
        mvc.perform(post("/account/tokens/" + id + "/revoke").session(session).with(csrf()))
                .andExpect(redirectedUrl("/account/tokens"));
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + token).header("Accept-Language", "en"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        assertThat(fixture.owner().sql("""
                        select count(*) from audit_event
                         where subject_type = 'api_token' and subject_id = :id and action = 'UPDATE'
                           and actor = 'tok.officer' and details ->> 'revoked' = 'true'
                        """).param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
        assertThat(fixture.owner().sql("""
                        select count(*) from audit_event where subject_type = 'api_token' and subject_id = :id
                           and action = 'CREATE' and kato = :kato
                        """).param("id", String.valueOf(id)).param("kato", DISTRICT).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    @DisplayName("an expired token is 401 problem+json")
    void expiredTokenIsRefused() throws Exception {
        String token = fixture.token(fixture.login("tok.officer"), "to expire");
        fixture.owner().sql("update api_token set expires_at = now() - interval '1 second' where name = 'to expire'")
                .update();
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    @DisplayName("no token, or a made-up one, is 401 problem+json")
    void noTokenIsRefused() throws Exception {
        mvc.perform(get("/api/v1/users")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        mvc.perform(get("/api/v1/audit").header("Authorization", "Bearer blm_madeup"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    @DisplayName("a token lives at most a year and needs a name: field errors in place")
    void issueValidation() throws Exception {
        var session = fixture.login("tok.officer");
        String tooLate = LocalDate.now(ZoneId.of("Asia/Almaty")).plusYears(1).plusDays(1).toString();
        mvc.perform(post("/account/tokens").session(session).with(csrf()).param("name", "").param("expiresOn", tooLate)
                        .param("lang", "ru"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("не дальше одного года")))
                .andExpect(content().string(not(containsString("token-secret"))));
        assertThat(fixture.owner().sql("select count(*) from api_token where name = ''").query(Long.class).single())
                .isZero();
    }
}
