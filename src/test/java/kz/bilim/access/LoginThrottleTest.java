package kz.bilim.access;

import kz.bilim.BilimTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** SC-3: guessing a password costs time; nobody can lock a user out for good. */
@BilimTest
class LoginThrottleTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccessFixture fixture;

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder signIn(String user, String password, String address) {
        return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
                .param("username", user).param("password", password)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .with(from(address));
    }

    @Test
    @DisplayName("SC-3 after five wrong passwords from one address even the right one is refused there, for a while; elsewhere it works")
    void formLoginLocked() throws Exception {
        fixture.ministry("throttle.form");
        for (int i = 0; i < 5; i++)
            mvc.perform(signIn("throttle.form", "guess-" + i, "10.9.0.1"))
                    .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        mvc.perform(signIn("throttle.form", AccessFixture.PASSWORD, "10.9.0.1"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?locked"));
        mvc.perform(signIn("throttle.form", AccessFixture.PASSWORD, "10.9.0.2"))
                .andExpect(authenticated());
        assertThat(fixture.owner().sql("""
                        select count(*) from audit_event where action = 'LOGIN_FAILED' and actor = 'throttle.form'
                           and details ->> 'address' = '10.9.0.1'
                        """).query(Long.class).single()).as("every failure and the locked try, with the address").isEqualTo(6);
        assertThat(fixture.owner().sql("""
                        select count(*) from audit_event where action = 'LOGIN_FAILED' and actor = 'throttle.form'
                           and details ->> 'lockedUntil' is not null
                        """).query(Long.class).single()).as("the failure that started the lock says until when").isEqualTo(1);
    }

    @Test
    @DisplayName("SC-3 HTTP Basic is throttled alike: 429 problem+json with Retry-After")
    void basicLocked() throws Exception {
        fixture.ministry("throttle.basic");
        for (int i = 0; i < 5; i++)
            mvc.perform(get("/api/v1/users").with(httpBasic("throttle.basic", "guess-" + i)).with(from("10.9.1.1")))
                    .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/users").with(httpBasic("throttle.basic", AccessFixture.PASSWORD)).with(from("10.9.1.1")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.code").value("TOO_MANY_REQUESTS"));
        mvc.perform(get("/api/v1/users").with(httpBasic("throttle.basic", AccessFixture.PASSWORD)).with(from("10.9.1.2")))
                .andExpect(status().isOk());
    }
}
