package kz.bilim.access;

import kz.bilim.kernel.Role;

import kz.bilim.BilimTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Creating and changing users: the rules of form, the role's territory, audit without the password. */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserAdministrationTest {

    static final String REGION = "350000000";
    static final String DISTRICT = "353200000";
    static final String RURAL = "353230000";

    @Autowired
    MockMvc mvc;
    @Autowired
    AccessFixture fixture;

    MockHttpSession ministry;
    String ministryToken;
    long school;

    @BeforeAll
    void data() throws Exception {
        fixture.territory(DISTRICT, REGION, 2, "Әкімшілік ауданы");
        fixture.territory(RURAL, DISTRICT, 3, "Ауылдық округ");
        school = fixture.organisation(3501, RURAL);
        fixture.ministry("adm.ministry");
        ministry = fixture.login("adm.ministry");
        ministryToken = fixture.token(ministry, "admin test");
        fixture.user("adm.taken", Role.DISTRICT_OFFICER, DISTRICT, null, DISTRICT);
    }

    @Test
    @DisplayName("the ministry creates a district officer on the page; the row lies in the district; audited without the password")
    void createOnPage() throws Exception {
        mvc.perform(post("/admin/users").session(ministry).with(csrf()).param("username", "Adm.Created ")
                        .param("fullName", "Серік  Болатов").param("role", "DISTRICT_OFFICER").param("scopeKato", DISTRICT)
                        .param("locale", "ru").param("enabled", "true").param("password", "long-enough-pw"))
                .andExpect(redirectedUrlPattern("/admin/users/*?saved"));
        var owner = fixture.owner();
        var row = owner.sql("select id, kato, scope_kato, full_name, password_hash from app_user where username = 'adm.created'")
                .query((rs, i) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)}).single();
        assertThat(row[1]).isEqualTo(DISTRICT);
        assertThat(row[2]).isEqualTo(DISTRICT);
        assertThat(row[3]).isEqualTo("Серік Болатов");
        assertThat(row[4]).startsWith("{bcrypt}");
        assertThat(owner.sql("""
                        select count(*) from audit_event where subject_type = 'user' and subject_id = :id
                           and action = 'CREATE' and actor = 'adm.ministry' and kato = :kato
                           and details::text not like '%long-enough%' and details::text not like '%Серік%'
                        """).param("id", row[0]).param("kato", DISTRICT).query(Long.class).single()).isEqualTo(1);
        mvc.perform(formLogin("/login").user("adm.created").password("long-enough-pw")).andExpect(authenticated());
        mvc.perform(get("/admin/users/" + row[0]).session(ministry)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Серік Болатов")))
                .andExpect(content().string(containsString("user-history")));
    }

    @Test
    @DisplayName("the form shows each wrong field in place: username format and uniqueness, territory level, short password")
    void fieldErrorsOnPage() throws Exception {
        mvc.perform(post("/admin/users").session(ministry).with(csrf()).param("lang", "en")
                        .param("username", "a b").param("fullName", "").param("role", "REGION_OFFICER")
                        .param("scopeKato", DISTRICT).param("password", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("must be 3–64 Latin small letters")))
                .andExpect(content().string(containsString("must be a region (KATO level 1)")))
                .andExpect(content().string(containsString("must be at least 10 characters")))
                .andExpect(content().string(containsString("is required")));
        mvc.perform(post("/admin/users").session(ministry).with(csrf()).param("lang", "en")
                        .param("username", "adm.taken").param("fullName", "Қайталау").param("role", "DISTRICT_OFFICER")
                        .param("scopeKato", REGION).param("password", "long-enough-pw"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is already taken")))
                .andExpect(content().string(containsString("must be a district or town")));
    }

    @Test
    @DisplayName("bad input through the API is 422 problem+json naming each field, with reasons in the caller's language")
    void fieldErrorsInApi() throws Exception {
        mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + ministryToken)
                        .header("Accept-Language", "ru").contentType(MediaType.APPLICATION_JSON).content("""
                                {"username":"900101300015","fullName":"X","role":"POLICE_LIAISON","scopeKato":"99",
                                 "organisationId":1,"locale":"de","password":"123"}
                                """))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INVALID_INPUT"))
                .andExpect(jsonPath("$.errors[*].field", hasItems("username", "password", "locale", "scopeKato",
                        "organisationId")))
                .andExpect(jsonPath("$.errors[?(@.field == 'username')].reason", hasItem("не должно быть ИИН")))
                .andExpect(jsonPath("$.errors[?(@.field == 'password')].reason",
                        hasItem("должен содержать не менее 10 символов")));
        mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + ministryToken)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"username":"adm.school","fullName":"X","role":"ORGANISATION_ADMIN","password":"long-enough-pw"}
                                """))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("organisationId"));
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + ministryToken)
                        .param("role", "KING").param("kato", "12").param("size", "1000"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItems("role", "kato", "size")));
    }

    @Test
    @DisplayName("an organisation administrator lies in the organisation's settlement; the API answers 201 with its location")
    void organisationAdministrator() throws Exception {
        mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + ministryToken)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"username":"adm.head","fullName":"Мектеп директоры","role":"ORGANISATION_ADMIN",
                                 "organisationId":%d,"locale":"kk","password":"long-enough-pw"}
                                """.formatted(school)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/users/")))
                .andExpect(jsonPath("$.kato").value(RURAL))
                .andExpect(jsonPath("$.organisationId").value(school))
                .andExpect(jsonPath("$.password").doesNotExist());
    }

    @Test
    @DisplayName("changing and disabling a user through the API is audited; a disabled user cannot sign in")
    void updateAndDisable() throws Exception {
        long id = fixture.user("adm.changing", Role.DISTRICT_OFFICER, DISTRICT, null, DISTRICT);
        mvc.perform(put("/api/v1/users/" + id).header("Authorization", "Bearer " + ministryToken)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"fullName":"Жаңа Аты","role":"POLICE_LIAISON","scopeKato":"%s","locale":"ru","enabled":false}
                                """.formatted(RURAL)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("POLICE_LIAISON"))
                .andExpect(jsonPath("$.kato").value(RURAL))
                .andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(formLogin("/login").user("adm.changing").password(AccessFixture.PASSWORD)).andExpect(unauthenticated());
        String details = fixture.owner().sql("""
                        select details::text from audit_event where subject_type = 'user' and subject_id = :id
                           and action = 'UPDATE' order by id desc limit 1
                        """).param("id", String.valueOf(id)).query(String.class).single();
        assertThat(details).contains("\"enabled\"", "\"role\"", "\"scopeKato\"", "\"previousKato\"")
                .doesNotContain("Жаңа");
        mvc.perform(put("/api/v1/users/" + id).header("Authorization", "Bearer " + ministryToken)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"username":"adm.renamed","fullName":"Жаңа Аты","role":"POLICE_LIAISON","scopeKato":"%s"}
                                """.formatted(RURAL)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("username"));
        // a PUT that leaves out "enabled" and "locale" keeps them as they were
        mvc.perform(put("/api/v1/users/" + id).header("Authorization", "Bearer " + ministryToken)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"fullName":"Жаңа Аты","role":"POLICE_LIAISON","scopeKato":"%s"}
                                """.formatted(RURAL)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false))
                .andExpect(jsonPath("$.locale").value("ru"));
        mvc.perform(put("/api/v1/users/999999999").header("Authorization", "Bearer " + ministryToken)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"fullName\":\"X\",\"role\":\"MINISTRY_ADMIN\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    @DisplayName("a password reset on the page lets the user sign in with the new password and is audited")
    void resetPassword() throws Exception {
        long id = fixture.user("adm.forgetful", Role.DISTRICT_OFFICER, DISTRICT, null, DISTRICT);
        mvc.perform(post("/admin/users/" + id + "/password").session(ministry).with(csrf()).param("lang", "en")
                        .param("newPassword", "fresh-password-1").param("repeatPassword", "fresh-password-2"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("the two passwords differ")));
        mvc.perform(post("/admin/users/" + id + "/password").session(ministry).with(csrf())
                        .param("newPassword", "fresh-password-1").param("repeatPassword", "fresh-password-1"))
                .andExpect(redirectedUrlPattern("/admin/users/*"));
        mvc.perform(formLogin("/login").user("adm.forgetful").password("fresh-password-1")).andExpect(authenticated());
        assertThat(fixture.owner().sql("""
                        select count(*) from audit_event where subject_type = 'user' and subject_id = :id
                           and details ->> 'passwordReset' = 'true' and details::text not like '%fresh%'
                        """).param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
    }

    /** As stored (the test thread has no signed-in scope, so it reads as the owner). */
    String position(long id) {
        return fixture.owner().sql("select position from app_user where id = :id").param("id", id)
                .query(String.class).list().get(0);
    }

    @Test
    @DisplayName("TR-18 the position a receipt names the representative by is set on the page (kk, ru), cleared when blank, audited; bad input in place")
    void positionOnPage() throws Exception {
        long id = fixture.user("adm.position1", Role.ORGANISATION_ADMIN, null, school, RURAL);
        for (String[] lang : new String[][]{{"kk", "Лауазымы", "бір жол мәтін болуы керек"},
                {"ru", "Должность", "должна быть одной строкой текста"}}) {
            mvc.perform(get("/admin/users/" + id + "/position").session(ministry).param("lang", lang[0]))
                    .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"position-form\"")))
                    .andExpect(content().string(containsString(lang[1])));
            mvc.perform(post("/admin/users/" + id + "/position").session(ministry).with(csrf()).param("lang", lang[0])
                            .param("position", "Директор\nорынбасары"))
                    .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"position-error\"")))
                    .andExpect(content().string(containsString(lang[2])));
        }
        assertThat(position(id)).isNull();
        mvc.perform(post("/admin/users/" + id + "/position").session(ministry).with(csrf())
                        .param("position", "  Директор  "))
                .andExpect(redirectedUrlPattern("/admin/users/*?saved"));
        assertThat(position(id)).isEqualTo("Директор");
        mvc.perform(get("/admin/users/" + id).session(ministry)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Директор")));
        assertThat(fixture.owner().sql("""
                        select count(*) from audit_event where subject_type = 'user' and subject_id = :id
                           and action = 'UPDATE' and actor = 'adm.ministry' and details -> 'changed' @> '["position"]'::jsonb
                        """).param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
        mvc.perform(post("/admin/users/" + id + "/position").session(ministry).with(csrf()).param("position", " "))
                .andExpect(redirectedUrlPattern("/admin/users/*?saved"));
        assertThat(position(id)).isNull();
    }

    @Test
    @DisplayName("TR-18 the position through the API: 422 problem+json naming the field in the caller's language, 404 for an unknown user")
    void positionInApi() throws Exception {
        long id = fixture.user("adm.position2", Role.ORGANISATION_ADMIN, null, school, RURAL);
        mvc.perform(put("/api/v1/users/" + id + "/position").header("Authorization", "Bearer " + ministryToken)
                        .header("Accept-Language", "ru").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"position\":\"" + "Д".repeat(201) + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("position"))
                .andExpect(jsonPath("$.errors[0].reason").value("должна быть не длиннее 200 символов"));
        mvc.perform(put("/api/v1/users/" + id + "/position").header("Authorization", "Bearer " + ministryToken)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"position\":\"Меңгеруші / Заведующая\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.position").value("Меңгеруші / Заведующая"));
        mvc.perform(get("/api/v1/users/" + id + "/position").header("Authorization", "Bearer " + ministryToken))
                .andExpect(status().isOk()).andExpect(jsonPath("$.position").value("Меңгеруші / Заведующая"));
        mvc.perform(put("/api/v1/users/99999999/position").header("Authorization", "Bearer " + ministryToken)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"position\":\"Директор\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    @DisplayName("the users list filters by role, territory, text and enabled, and pages")
    void listFilters() throws Exception {
        for (int i = 0; i < 30; i++) fixture.user("adm.many." + (100 + i), Role.POLICE_LIAISON, DISTRICT, null, DISTRICT);
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + ministryToken)
                        .param("q", "adm.many.").param("role", "POLICE_LIAISON").param("kato", REGION)
                        .param("enabled", "true").param("size", "20").param("page", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(30))
                .andExpect(jsonPath("$.items.length()").value(10))
                .andExpect(jsonPath("$.items[0].username").value("adm.many.120"));
        mvc.perform(get("/admin/users").session(ministry).param("q", "adm.many.").param("role", "POLICE_LIAISON"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("adm.many.100")))
                .andExpect(content().string(containsString("rel=\"next\"")));
        mvc.perform(get("/admin/users").session(ministry).param("territory", "12345"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("field-error")));
        mvc.perform(get("/territories/options").session(ministry).param("q", "35320"))
                .andExpect(status().isOk()).andExpect(content().string(containsString(DISTRICT)));
    }

    @Test
    @DisplayName("nobody disables or demotes their own account")
    void notOneself() throws Exception {
        long self = fixture.owner().sql("select id from app_user where username = 'adm.ministry'").query(Long.class).single();
        mvc.perform(put("/api/v1/users/" + self).header("Authorization", "Bearer " + ministryToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fullName\":\"X\",\"role\":\"STATISTICS_ANALYST\",\"enabled\":false}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItems("role", "enabled")));
    }
}
