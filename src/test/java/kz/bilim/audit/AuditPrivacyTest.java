package kz.bilim.audit;

import kz.bilim.BilimTest;
import kz.bilim.access.AccessFixture;
import kz.bilim.kernel.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The trail holds no personal data: after the access module's flows have written to it — each flow checked to have
 * succeeded and to have written its own row — no row carries a person's or a user's full name, an IIN or a password,
 * whatever other tests of the same database wrote too.
 */
@BilimTest
class AuditPrivacyTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccessFixture fixture;

    /** One row of the trail as this test reads it. */
    record Row(String actor, String action, String subjectType, String subjectId, String purpose, String details) {
    }

    @Test
    @DisplayName("SC-3 audit rows never contain names, IINs or passwords")
    void noPersonalDataInTheTrail() throws Exception {
        fixture.territory("623200000", "620000000", 2, "Құпия ауданы");
        fixture.ministry("priv.ministry");
        long id = fixture.user("priv.subject", Role.DISTRICT_OFFICER, "623200000", null, "623200000");

        long mark = lastEvent();
        var session = fixture.login("priv.ministry");
        assertThat(since(mark)).as("sign-in").singleElement()
                .satisfies(r -> assertThat(r).extracting(Row::actor, Row::action, Row::subjectType)
                        .containsExactly("priv.ministry", "LOGIN", "user"));

        mark = lastEvent();
        String created = mvc.perform(post("/admin/users").session(session).with(csrf()).param("username", "priv.created")
                        .param("fullName", "Айгерім Сәрсенбаева").param("role", "DISTRICT_OFFICER")
                        .param("scopeKato", "623200000").param("locale", "kk").param("password", "secret-password-77"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/admin/users/*?saved"))
                .andReturn().getResponse().getRedirectedUrl().replaceAll("\\D", "");
        assertThat(since(mark)).as("user created").singleElement()
                .satisfies(r -> assertThat(r).extracting(Row::actor, Row::action, Row::subjectType, Row::subjectId)
                        .containsExactly("priv.ministry", "CREATE", "user", created));

        mark = lastEvent();
        String token = fixture.token(session, "privacy");
        assertThat(since(mark)).as("token issued").singleElement()
                .satisfies(r -> assertThat(r).extracting(Row::actor, Row::action, Row::subjectType)
                        .containsExactly("priv.ministry", "CREATE", "api_token"));

        mark = lastEvent();
        mvc.perform(put("/api/v1/users/" + id).header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fullName\":\"Бауыржан Ерболұлы\",\"role\":\"DISTRICT_OFFICER\",\"scopeKato\":\"623200000\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fullName").value("Бауыржан Ерболұлы"));
        var afterEdit = since(mark);
        assertThat(afterEdit).as("the token's first use is a sign-in, recorded once an hour")
                .filteredOn(r -> r.action().equals("LOGIN")).singleElement()
                .satisfies(r -> assertThat(r.details()).contains("token"));
        assertThat(afterEdit.stream().filter(r -> !r.action().equals("LOGIN")).toList())
                .as("user changed through the API").singleElement()
                .satisfies(r -> {
                    assertThat(r).extracting(Row::actor, Row::action, Row::subjectType, Row::subjectId)
                            .containsExactly("priv.ministry", "UPDATE", "user", String.valueOf(id));
                    assertThat(r.details()).as("what changed, not to what").contains("fullName");
                });

        mark = lastEvent();
        mvc.perform(post("/admin/users/" + id + "/password").session(session).with(csrf())
                        .param("newPassword", "another-secret-88").param("repeatPassword", "another-secret-88"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/users/" + id));
        assertThat(since(mark)).as("password reset").singleElement()
                .satisfies(r -> {
                    assertThat(r).extracting(Row::actor, Row::action, Row::subjectType, Row::subjectId)
                            .containsExactly("priv.ministry", "UPDATE", "user", String.valueOf(id));
                    assertThat(r.details()).contains("passwordReset");
                });

        mark = lastEvent();
        mvc.perform(formLogin("/login").user("priv.subject").password("not-it-at-all"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        assertThat(since(mark)).as("failed sign-in").singleElement()
                .satisfies(r -> assertThat(r).extracting(Row::actor, Row::action, Row::subjectType)
                        .containsExactly("priv.subject", "LOGIN_FAILED", "user"));

        var owner = fixture.owner();
        assertThat(owner.sql("""
                        select count(*) from audit_event a
                         where exists (select 1 from app_user u
                                        where position(u.full_name in concat_ws(' ', a.purpose, a.details::text, a.subject_id)) > 0)
                        """).query(Long.class).single()).as("user names in the trail").isZero();
        assertThat(owner.sql("""
                        select count(*) from audit_event a
                         where exists (select 1 from person p
                                        where position(p.iin in concat_ws(' ', a.actor, a.purpose, a.details::text)) > 0
                                           or position(p.last_name || ' ' || p.first_name in concat_ws(' ', a.purpose, a.details::text)) > 0)
                        """).query(Long.class).single()).as("person IINs or names in the trail").isZero();
        assertThat(owner.sql("""
                        select count(*) from audit_event
                         where concat_ws(' ', actor, purpose, details::text) ~ '(^|[^0-9])[0-9]{12}([^0-9]|$)'
                            or concat_ws(' ', actor, purpose, details::text) ~ '(secret-password|another-secret|not-it-at-all|blm_)'
                        """).query(Long.class).single()).as("IIN-like numbers, passwords or token secrets").isZero();
    }

    private long lastEvent() {
        return db().sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
    }

    /** The rows written after the mark by this test's users (other tests never sign in as priv.*). */
    private List<Row> since(long mark) {
        return db().sql("""
                        select actor, action, subject_type, subject_id, purpose, details::text as details
                          from audit_event where id > :mark and actor like 'priv.%' order by id
                        """)
                .param("mark", mark)
                .query((rs, n) -> new Row(rs.getString("actor"), rs.getString("action"), rs.getString("subject_type"),
                        rs.getString("subject_id"), rs.getString("purpose"), rs.getString("details")))
                .list();
    }

    private JdbcClient db() {
        return fixture.owner();
    }
}
