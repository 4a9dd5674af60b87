package kz.bilim.audit;

import kz.bilim.BilimTest;
import kz.bilim.access.AccessFixture;
import kz.bilim.kernel.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The trail holds no personal data: after the access module's flows have written to it, no row carries a person's
 * or a user's full name, an IIN or a password — whatever other tests of the same database wrote too.
 */
@BilimTest
class AuditPrivacyTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccessFixture fixture;

    @Test
    @DisplayName("SC-3 audit rows never contain names, IINs or passwords")
    void noPersonalDataInTheTrail() throws Exception {
        fixture.territory("623200000", "620000000", 2, "Құпия ауданы");
        fixture.ministry("priv.ministry");
        long id = fixture.user("priv.subject", Role.DISTRICT_OFFICER, "623200000", null, "623200000");
        var session = fixture.login("priv.ministry");
        mvc.perform(post("/admin/users").session(session).with(csrf()).param("username", "priv.created")
                .param("fullName", "Айгерім Сәрсенбаева").param("role", "DISTRICT_OFFICER")
                .param("scopeKato", "623200000").param("locale", "kk").param("password", "secret-password-77"));
        String token = fixture.token(session, "privacy");
        mvc.perform(put("/api/v1/users/" + id).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"fullName\":\"Бауыржан Ерболұлы\",\"role\":\"DISTRICT_OFFICER\",\"scopeKato\":\"623200000\"}"));
        mvc.perform(post("/admin/users/" + id + "/password").session(session).with(csrf())
                .param("newPassword", "another-secret-88").param("repeatPassword", "another-secret-88"));
        mvc.perform(formLogin("/login").user("priv.subject").password("not-it-at-all"));

        var owner = fixture.owner();
        assertThat(owner.sql("select count(*) from audit_event where actor like 'priv.%'").query(Long.class).single())
                .isGreaterThanOrEqualTo(5);
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
}
