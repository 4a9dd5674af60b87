package kz.bilim.access;

import kz.bilim.BilimTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * CA-2: an education authority works with the records of its own territory only. Real users from the database sign
 * in through the login form or with an API token and try to reach users and audit records of another district
 * through every endpoint of the users and audit screens and APIs.
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TerritoryScopeTest {

    static final String REGION = "550000000";
    static final String DISTRICT_A = "553200000";
    static final String DISTRICT_B = "553400000";
    static final String OTHER_REGION = "150000000";
    static final String DISTRICT_C = "153200000";
    static final String SUBJECT = "ca2-scope-test";

    @Autowired
    MockMvc mvc;
    @Autowired
    AccessFixture fixture;

    long userInA;
    long userInB;
    long userInC;
    long eventA;
    long eventB;
    long eventC;
    long schoolA;

    @BeforeAll
    void data() {
        fixture.territory(DISTRICT_A, REGION, 2, "Аудан А");
        fixture.territory(DISTRICT_B, REGION, 2, "Аудан Б");
        fixture.territory(DISTRICT_C, OTHER_REGION, 2, "Аудан В");
        schoolA = fixture.organisation(5501, DISTRICT_A);
        fixture.ministry("ca2.ministry");
        fixture.region("ca2.region", REGION);
        fixture.district("ca2.officer.a", DISTRICT_A);
        fixture.organisationAdmin("ca2.school.a", schoolA, DISTRICT_A);
        fixture.statistics("ca2.statistics");
        userInA = fixture.district("ca2.member.a", DISTRICT_A);
        userInB = fixture.district("ca2.member.b", DISTRICT_B);
        userInC = fixture.district("ca2.member.c", DISTRICT_C);
        eventA = fixture.auditEvent("ca2.someone", SUBJECT, "a", DISTRICT_A, null);
        eventB = fixture.auditEvent("ca2.someone", SUBJECT, "b", DISTRICT_B, null);
        eventC = fixture.auditEvent("ca2.someone", SUBJECT, "c", DISTRICT_C, null);
    }

    @Test
    @DisplayName("CA-2 a district officer signed in through the form cannot open another district's user on any page")
    void districtOfficerPagesStayInDistrict() throws Exception {
        MockHttpSession session = fixture.login("ca2.officer.a");
        for (String path : new String[]{"/admin/users/%d", "/admin/users/%d/edit", "/admin/users/%d/password"}) {
            page(get(path.formatted(userInB)), session).andExpect(status().isNotFound());
            page(get(path.formatted(userInC)), session).andExpect(status().isNotFound());
            page(get(path.formatted(userInA)), session).andExpect(status().isOk());
        }
        page(post("/admin/users/" + userInB).with(csrf()).param("fullName", "X").param("role", "DISTRICT_OFFICER")
                .param("scopeKato", DISTRICT_A), session).andExpect(status().isNotFound());
        page(post("/admin/users/" + userInB + "/password").with(csrf()).param("newPassword", "0123456789ab")
                .param("repeatPassword", "0123456789ab"), session).andExpect(status().isNotFound());
        page(get("/admin/users").param("q", "ca2.member"), session)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ca2.member.a")))
                .andExpect(content().string(not(containsString("ca2.member.b"))))
                .andExpect(content().string(not(containsString("ca2.member.c"))));
        page(get("/admin/users"), session)
                .andExpect(content().string(not(containsString("ca2.ministry"))))
                .andExpect(content().string(not(containsString("ca2.region"))));
    }

    @Test
    @DisplayName("CA-2 a district officer cannot open another district's audit record on the audit pages")
    void districtOfficerAuditPagesStayInDistrict() throws Exception {
        MockHttpSession session = fixture.login("ca2.officer.a");
        page(get("/audit/" + eventB), session).andExpect(status().isNotFound());
        page(get("/audit/" + eventC), session).andExpect(status().isNotFound());
        page(get("/audit/" + eventA), session).andExpect(status().isOk());
        page(get("/audit").param("subjectType", SUBJECT), session)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/audit/" + eventA + "\"")))
                .andExpect(content().string(not(containsString("/audit/" + eventB + "\""))))
                .andExpect(content().string(not(containsString("/audit/" + eventC + "\""))));
        // asking for the other district explicitly does not widen the scope
        page(get("/audit").param("subjectType", SUBJECT).param("territory", DISTRICT_B), session)
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/audit/" + eventB + "\""))));
    }

    @Test
    @DisplayName("CA-2 with a bearer token a district officer gets 404 for another district's user and audit record in the API")
    void districtOfficerApiStaysInDistrict() throws Exception {
        String token = fixture.token(fixture.login("ca2.officer.a"), "scope test");
        api(get("/api/v1/users/" + userInB), token)
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        api(get("/api/v1/users/" + userInC), token).andExpect(status().isNotFound());
        api(get("/api/v1/users/" + userInA), token).andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("ca2.member.a"));
        api(put("/api/v1/users/" + userInB).contentType(MediaType.APPLICATION_JSON)
                .content("{\"fullName\":\"X\",\"role\":\"DISTRICT_OFFICER\",\"scopeKato\":\"" + DISTRICT_A + "\"}"), token)
                .andExpect(status().isNotFound());
        api(get("/api/v1/users").param("q", "ca2.member").param("size", "100"), token)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].username", hasItem("ca2.member.a")))
                .andExpect(jsonPath("$.items[*].username", not(hasItem("ca2.member.b"))))
                .andExpect(jsonPath("$.items[*].username", not(hasItem("ca2.member.c"))));
        api(get("/api/v1/users").param("kato", DISTRICT_B), token)
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        api(get("/api/v1/audit/" + eventB), token).andExpect(status().isNotFound());
        api(get("/api/v1/audit/" + eventA), token).andExpect(status().isOk())
                .andExpect(jsonPath("$.kato").value(DISTRICT_A));
        api(get("/api/v1/audit").param("subjectType", SUBJECT), token)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", hasItem((int) eventA)))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) eventB))))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) eventC))));
    }

    @Test
    @DisplayName("CA-2 a region officer sees every district of the region but not another region")
    void regionOfficerSeesTheRegion() throws Exception {
        MockHttpSession session = fixture.login("ca2.region");
        page(get("/admin/users/" + userInA), session).andExpect(status().isOk());
        page(get("/admin/users/" + userInB), session).andExpect(status().isOk());
        page(get("/admin/users/" + userInC), session).andExpect(status().isNotFound());
        page(get("/audit/" + eventC), session).andExpect(status().isNotFound());
        String token = fixture.token(session, "region scope test");
        api(get("/api/v1/users").param("q", "ca2.member"), token)
                .andExpect(jsonPath("$.items[*].username", hasItems("ca2.member.a", "ca2.member.b")))
                .andExpect(jsonPath("$.items[*].username", not(hasItem("ca2.member.c"))));
        api(get("/api/v1/users/" + userInC), token).andExpect(status().isNotFound());
        api(get("/api/v1/audit").param("subjectType", SUBJECT), token)
                .andExpect(jsonPath("$.items[*].id", hasItems((int) eventA, (int) eventB)))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) eventC))));
        api(get("/api/v1/audit/" + eventC), token).andExpect(status().isNotFound());
    }

    @Test
    @DisplayName("CA-2 the ministry sees users and audit records of every region")
    void ministrySeesEverything() throws Exception {
        String token = fixture.token(fixture.login("ca2.ministry"), "ministry scope test");
        api(get("/api/v1/users").param("q", "ca2.member"), token)
                .andExpect(jsonPath("$.items[*].username", hasItems("ca2.member.a", "ca2.member.b", "ca2.member.c")));
        api(get("/api/v1/audit").param("subjectType", SUBJECT), token)
                .andExpect(jsonPath("$.items[*].id", hasItems((int) eventA, (int) eventB, (int) eventC)));
    }

    @Test
    @DisplayName("SC-3 an organisation administrator and a statistics analyst are refused the users and audit screens (403)")
    void othersAreForbidden() throws Exception {
        for (String username : new String[]{"ca2.school.a", "ca2.statistics"}) {
            MockHttpSession session = fixture.login(username);
            for (String path : new String[]{"/admin/users", "/admin/users/new", "/admin/users/" + userInA,
                    "/admin/users/" + userInA + "/edit", "/audit", "/audit/" + eventA})
                page(get(path), session).andExpect(status().isForbidden());
            page(post("/admin/users").with(csrf()).param("username", "ca2.sneaky").param("role", "MINISTRY_ADMIN"), session)
                    .andExpect(status().isForbidden());
            String token = fixture.token(session, "forbidden test");
            for (String path : new String[]{"/api/v1/users", "/api/v1/users/" + userInA, "/api/v1/audit",
                    "/api/v1/audit/" + eventA})
                api(get(path), token).andExpect(status().isForbidden())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                        .andExpect(jsonPath("$.code").value("FORBIDDEN"));
            api(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"username\":\"ca2.sneaky\",\"fullName\":\"X\",\"role\":\"MINISTRY_ADMIN\",\"password\":\"0123456789ab\"}"), token)
                    .andExpect(status().isForbidden());
        }
        Long created = fixture.owner().sql("select count(*) from app_user where username = 'ca2.sneaky'")
                .query(Long.class).single();
        org.assertj.core.api.Assertions.assertThat(created).isZero();
    }

    @Test
    @DisplayName("SC-3 a district officer cannot escalate: no region officer, no user in another district — field errors")
    void districtOfficerCannotEscalate() throws Exception {
        MockHttpSession session = fixture.login("ca2.officer.a");
        page(post("/admin/users").with(csrf()).param("username", "ca2.escalated").param("fullName", "Эскалация")
                .param("role", "REGION_OFFICER").param("scopeKato", REGION).param("locale", "kk")
                .param("password", "0123456789ab"), session)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("field-error")))
                .andExpect(content().string(containsString("SC-3")));
        String token = fixture.token(session, "escalation test");
        api(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON).content("""
                {"username":"ca2.escalated","fullName":"Эскалация","role":"REGION_OFFICER","scopeKato":"%s","password":"0123456789ab"}
                """.formatted(REGION)), token)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("role")));
        api(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON).content("""
                {"username":"ca2.escalated","fullName":"Эскалация","role":"MINISTRY_ADMIN","password":"0123456789ab"}
                """), token)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("role")));
        api(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON).content("""
                {"username":"ca2.escalated","fullName":"Эскалация","role":"DISTRICT_OFFICER","scopeKato":"%s","password":"0123456789ab"}
                """.formatted(DISTRICT_B)), token)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("scopeKato"));
        api(put("/api/v1/users/" + userInA).contentType(MediaType.APPLICATION_JSON).content("""
                {"fullName":"Тестов","role":"DISTRICT_OFFICER","scopeKato":"%s"}
                """.formatted(DISTRICT_B)), token)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("scopeKato"));
        long schoolB = fixture.organisation(5502, DISTRICT_B);
        api(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON).content("""
                {"username":"ca2.escalated","fullName":"Эскалация","role":"ORGANISATION_ADMIN","organisationId":%d,"password":"0123456789ab"}
                """.formatted(schoolB)), token)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("organisationId"));
        org.assertj.core.api.Assertions.assertThat(fixture.owner()
                .sql("select count(*) from app_user where username = 'ca2.escalated'").query(Long.class).single()).isZero();
        // what the district may do: an organisation administrator of its own school
        api(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON).content("""
                {"username":"ca2.head.a","fullName":"Директор","role":"ORGANISATION_ADMIN","organisationId":%d,"password":"0123456789ab"}
                """.formatted(schoolA)), token)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kato").value(DISTRICT_A))
                .andExpect(jsonPath("$.organisationId").value(schoolA));
    }

    private org.springframework.test.web.servlet.ResultActions page(MockHttpServletRequestBuilder request,
                                                                   MockHttpSession session) throws Exception {
        return mvc.perform(request.session(session));
    }

    private org.springframework.test.web.servlet.ResultActions api(MockHttpServletRequestBuilder request, String token)
            throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token));
    }
}
