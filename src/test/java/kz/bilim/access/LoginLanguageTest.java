package kz.bilim.access;

import jakarta.servlet.http.Cookie;
import kz.bilim.BilimTest;
import kz.bilim.kernel.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;

/** The language a person picks on the login page wins over the profile's, and is remembered in the profile. */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginLanguageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccessFixture fixture;

    @BeforeAll
    void users() {
        fixture.user("lang.picked", Role.STATISTICS_ANALYST, null, null, "");
        fixture.user("lang.profile", Role.STATISTICS_ANALYST, null, null, "");
        fixture.owner().sql("update app_user set locale = 'ru' where username in ('lang.picked', 'lang.profile')").update();
    }

    @Test
    @DisplayName("a language chosen on the login page stays after signing in and becomes the profile's language")
    void chosenLanguageWins() throws Exception {
        var result = mvc.perform(post("/login").with(csrf()).param("username", "lang.picked")
                        .param("password", AccessFixture.PASSWORD).cookie(new Cookie("bilim-lang", "en")))
                .andExpect(authenticated()).andReturn();
        var set = result.getResponse().getCookie("bilim-lang");
        assertThat(set == null ? "en" : set.getValue()).isEqualTo("en");
        assertThat(locale("lang.picked")).isEqualTo("en");
    }

    @Test
    @DisplayName("without a choice on the login page, the pages speak the profile's language")
    void profileLanguageOtherwise() throws Exception {
        var result = mvc.perform(formLogin("/login").user("lang.profile").password(AccessFixture.PASSWORD))
                .andExpect(authenticated()).andReturn();
        assertThat(result.getResponse().getCookie("bilim-lang")).isNotNull();
        assertThat(result.getResponse().getCookie("bilim-lang").getValue()).isEqualTo("ru");
        assertThat(locale("lang.profile")).isEqualTo("ru");
    }

    private String locale(String username) {
        return fixture.owner().sql("select locale from app_user where username = :u").param("u", username)
                .query(String.class).single();
    }
}
