package kz.bilim.access;

import kz.bilim.BilimTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Self-service: one's own name, language and password. */
@BilimTest
class AccountTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccessFixture fixture;

    @Test
    @DisplayName("an organisation administrator changes own name and language; the header shows the new name; audited without it")
    void ownProfile() throws Exception {
        fixture.territory("473200000", "470000000", 2, "Профиль ауданы");
        long school = fixture.organisation(4701, "473200000");
        long id = fixture.organisationAdmin("acc.head", school, "473200000");
        var session = fixture.login("acc.head");
        mvc.perform(get("/account").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("acc.head")));
        mvc.perform(post("/account").session(session).with(csrf()).param("fullName", "Әсел Нұрланқызы")
                        .param("locale", "ru"))
                .andExpect(redirectedUrl("/account?lang=ru"));
        mvc.perform(get("/account").session(session))
                .andExpect(content().string(containsString("Әсел Нұрланқызы")));
        var owner = fixture.owner();
        assertThat(owner.sql("select full_name || '|' || locale from app_user where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("Әсел Нұрланқызы|ru");
        assertThat(owner.sql("""
                        select count(*) from audit_event where subject_type = 'user' and subject_id = :id
                           and action = 'UPDATE' and organisation_id = :school and details::text not like '%Әсел%'
                        """).param("id", String.valueOf(id)).param("school", school).query(Long.class).single())
                .isEqualTo(1);
        mvc.perform(post("/account").session(session).with(csrf()).param("fullName", " ").param("locale", "de"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("field-error")));
    }

    @Test
    @DisplayName("changing one's own password needs the current one and at least 10 characters")
    void ownPassword() throws Exception {
        fixture.ministry("acc.minister");
        var session = fixture.login("acc.minister");
        mvc.perform(post("/account/password").session(session).with(csrf()).param("lang", "en")
                        .param("currentPassword", "not-the-password").param("newPassword", "new-password-42")
                        .param("repeatPassword", "new-password-42"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is not your current password")));
        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("lang", "en").param("currentPassword", AccessFixture.PASSWORD).param("newPassword", "short")
                        .param("repeatPassword", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("at least 10 characters")));
        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", AccessFixture.PASSWORD).param("newPassword", "new-password-42")
                        .param("repeatPassword", "new-password-42"))
                .andExpect(redirectedUrl("/account"));
        mvc.perform(formLogin("/login").user("acc.minister").password("new-password-42")).andExpect(authenticated());
        assertThat(fixture.owner().sql("""
                        select count(*) from audit_event where actor = 'acc.minister' and action = 'UPDATE'
                           and details ->> 'passwordChanged' = 'true' and details::text not like '%new-password%'
                        """).query(Long.class).single()).isEqualTo(1);
    }
}
