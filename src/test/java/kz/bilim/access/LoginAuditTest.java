package kz.bilim.access;

import kz.bilim.BilimTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** Sign-ins and failed sign-ins land in the audit trail, in the user's territory, never with the password. */
@BilimTest
class LoginAuditTest {

    static final String DISTRICT = "433200000";

    @Autowired
    MockMvc mvc;
    @Autowired
    AccessFixture fixture;

    @Test
    @DisplayName("SC-3 a sign-in through the form is audited as LOGIN in the user's district")
    void loginIsAudited() throws Exception {
        fixture.territory(DISTRICT, "430000000", 2, "Кіру ауданы");
        long id = fixture.district("login.audited", DISTRICT);
        fixture.login("login.audited");
        assertThat(fixture.owner().sql("""
                        select count(*) from audit_event
                         where action = 'LOGIN' and actor = 'login.audited' and actor_role = 'DISTRICT_OFFICER'
                           and subject_type = 'user' and subject_id = :id and kato = :kato
                        """).param("id", String.valueOf(id)).param("kato", DISTRICT).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    @DisplayName("SC-3 a failed sign-in is audited as LOGIN_FAILED, without the password and without an IIN typed as a name")
    void failedLoginIsAudited() throws Exception {
        fixture.territory(DISTRICT, "430000000", 2, "Кіру ауданы");
        fixture.district("login.failing", DISTRICT);
        mvc.perform(formLogin("/login").user("login.failing").password("wrong-password-123"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/login").user("900101300015").password("wrong-password-456"))
                .andExpect(unauthenticated());
        var owner = fixture.owner();
        assertThat(owner.sql("select count(*) from audit_event where action = 'LOGIN_FAILED' and actor = 'login.failing'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(owner.sql("""
                        select count(*) from audit_event
                         where concat_ws(' ', actor, purpose, details::text) like '%wrong-password%'
                            or concat_ws(' ', actor, purpose, details::text) like '%900101300015%'
                        """).query(Long.class).single()).isZero();
        assertThat(owner.sql("select count(*) from audit_event where action = 'LOGIN_FAILED' and actor = '(not a username)'")
                .query(Long.class).single()).isPositive();
    }
}
