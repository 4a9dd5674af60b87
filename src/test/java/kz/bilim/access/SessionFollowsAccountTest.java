package kz.bilim.access;

import kz.bilim.BilimTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * SC-3 (access only for the responsible persons, within their territory) holds for sessions already open: a session
 * lives no longer than the password, the enabled flag, the role and the territory it signed in with.
 */
@BilimTest
class SessionFollowsAccountTest {

    static final String REGION = "630000000";
    static final String DISTRICT_A = "633200000";
    static final String DISTRICT_B = "633400000";

    @Autowired
    MockMvc mvc;
    @Autowired
    AccessFixture fixture;

    void districts() {
        fixture.territory(REGION, null, 1, "Сессия облысы");
        fixture.territory(DISTRICT_A, REGION, 2, "А ауданы");
        fixture.territory(DISTRICT_B, REGION, 2, "Б ауданы");
    }

    void stillSignedIn(MockHttpSession session) throws Exception {
        mvc.perform(get("/account").session(session)).andExpect(status().isOk());
    }

    void signedOut(MockHttpSession session) throws Exception {
        mvc.perform(get("/account").session(session)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    String change(String username, String scopeKato, boolean enabled) {
        return """
                {"fullName": "Session Officer", "role": "DISTRICT_OFFICER", "scopeKato": "%s", "locale": "kk",
                 "enabled": %s}
                """.formatted(scopeKato, enabled);
    }

    @Test
    @DisplayName("SC-3 a password reset by the ministry ends the account's open sessions")
    void passwordResetEndsSessions() throws Exception {
        districts();
        fixture.ministry("sess.minister1");
        long id = fixture.district("sess.officer1", DISTRICT_A);
        var session = fixture.login("sess.officer1");
        stillSignedIn(session);
        mvc.perform(post("/admin/users/" + id + "/password").session(fixture.login("sess.minister1")).with(csrf())
                        .param("newPassword", "another-password-1").param("repeatPassword", "another-password-1"))
                .andExpect(status().is3xxRedirection());
        signedOut(session);
    }

    @Test
    @DisplayName("SC-3 a disabled account's session ends, and a token issued before no longer reads anything")
    void disablingEndsSessions() throws Exception {
        districts();
        fixture.ministry("sess.minister2");
        long id = fixture.district("sess.officer2", DISTRICT_A);
        var session = fixture.login("sess.officer2");
        String token = fixture.token(session, "before");
        mvc.perform(put("/api/v1/users/" + id).with(httpBasic("sess.minister2", AccessFixture.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(change("sess.officer2", DISTRICT_A, false)))
                .andExpect(status().isOk());
        signedOut(session);
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
    }

    @Test
    @DisplayName("SC-3 a session moved to another district ends; the old district's records are out of reach at once")
    void territoryChangeEndsSessions() throws Exception {
        districts();
        fixture.ministry("sess.minister3");
        long id = fixture.district("sess.officer3", DISTRICT_A);
        var session = fixture.login("sess.officer3");
        stillSignedIn(session);
        mvc.perform(put("/api/v1/users/" + id).with(httpBasic("sess.minister3", AccessFixture.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(change("sess.officer3", DISTRICT_B, true)))
                .andExpect(status().isOk());
        signedOut(session);
        mvc.perform(post("/account/tokens").session(session).with(csrf()).param("name", "after")
                        .param("expiresOn", "2099-01-01"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    @DisplayName("SC-3 changing one's own password keeps this session and ends the account's other sessions; a new name ends none")
    void ownPasswordKeepsThisSession() throws Exception {
        districts();
        fixture.district("sess.officer4", DISTRICT_A);
        var here = fixture.login("sess.officer4");
        var elsewhere = fixture.login("sess.officer4");
        mvc.perform(post("/account").session(here).with(csrf()).param("fullName", "Жаңа есім").param("locale", "kk"))
                .andExpect(status().is3xxRedirection());
        stillSignedIn(elsewhere);
        mvc.perform(post("/account/password").session(here).with(csrf())
                        .param("currentPassword", AccessFixture.PASSWORD).param("newPassword", "fresh-password-9")
                        .param("repeatPassword", "fresh-password-9"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/account").session(here)).andExpect(status().isOk())
                .andExpect(content().string(containsString("sess.officer4")));
        signedOut(elsewhere);
    }

    @Test
    @DisplayName("SC-3 a school moved to another district takes its admin account along: the old district's officer no longer reaches it")
    void accountsFollowTheirOrganisation() throws Exception {
        districts();
        fixture.territory("633233101", DISTRICT_A, 4, "А ауылы");
        fixture.territory("633433101", DISTRICT_B, 4, "Б ауылы");
        fixture.ministry("sess.minister5");
        fixture.district("sess.officer.a", DISTRICT_A);
        fixture.district("sess.officer.b", DISTRICT_B);
        long school = fixture.organisation(6301, "633233101");
        long head = fixture.organisationAdmin("sess.head", school, "633233101");
        var ministry = httpBasic("sess.minister5", AccessFixture.PASSWORD);
        String json = mvc.perform(get("/api/v1/organisations/" + school).with(ministry))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        mvc.perform(put("/api/v1/organisations/" + school).with(ministry).contentType(MediaType.APPLICATION_JSON)
                        .content(json.replace("\"633233101\"", "\"633433101\"")))
                .andExpect(status().isOk());
        org.assertj.core.api.Assertions.assertThat(fixture.owner().sql("select kato from app_user where id = :id")
                .param("id", head).query(String.class).single()).isEqualTo("633433101");
        mvc.perform(get("/api/v1/users/" + head).with(httpBasic("sess.officer.a", AccessFixture.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/users/" + head).with(httpBasic("sess.officer.b", AccessFixture.PASSWORD)))
                .andExpect(status().isOk());
    }
}
