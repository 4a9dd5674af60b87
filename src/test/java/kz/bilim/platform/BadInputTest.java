package kz.bilim.platform;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.organisation.RegistryFixture;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.YearMonth;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bad input is answered as a 4xx problem+json naming the parameter (pages: the translated error page or the error in
 * place), never as a 500 or a "conflict" — one behaviour for every endpoint, from the web layer.
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    static final String DISTRICT = "596100000";

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;

    long school;

    @BeforeAll
    void fixtures() {
        var fixture = new RegistryFixture(ownerDataSource, YearMonth.of(2008, 6), 9000);
        String settlement = fixture.districtWithSettlement(DISTRICT, false);
        school = fixture.organisation(settlement, "Қате", "GENERAL_SECONDARY_SCHOOL", 2, "kk", "ru");
    }

    ResultActions api(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(TestUsers.ministry()).header("Accept-Language", "en"));
    }

    static void problem(ResultActions result, int status, String code, String field) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value(code));
        if (field != null) result.andExpect(jsonPath("$.errors[*].field", hasItem(field)));
    }

    @ParameterizedTest(name = "{0}?{1}={2} → {3} naming {1}")
    @CsvSource({
            "/api/v1/organisations, size, -1, INVALID_INPUT",
            "/api/v1/organisations, page, -5, INVALID_INPUT",
            "/api/v1/organisations, size, 100000, INVALID_INPUT",
            "/api/v1/organisations, size, x, INVALID_INPUT",
            "/api/v1/users, size, -1, INVALID_INPUT",
            "/api/v1/users, page, -5, INVALID_INPUT",
            "/api/v1/audit, size, x, INVALID_INPUT",
            "/api/v1/audit, size, -1, INVALID_INPUT",
            "/api/v1/audit, to, +999999999-12-31, INVALID_INPUT",
            "/api/v1/audit, from, -999999999-01-01, INVALID_INPUT",
            "/api/v1/audit, from, +20260-01-01, INVALID_INPUT",
            "/api/v1/persons/42, purpose, Parent Request, INVALID_INPUT",
    })
    @DisplayName("a query parameter out of range or of the wrong form is 422 problem+json naming it, on every list")
    void parameters(String path, String name, String value, String code) throws Exception {
        problem(api(get(path).param(name, value)), 422, code, name);
    }

    @Test
    @DisplayName("the pupils of an organisation refuse a negative page like every other list")
    void pupilsPage() throws Exception {
        problem(api(get("/api/v1/organisations/" + school + "/pupils").param("page", "-5")), 422, "INVALID_INPUT", "page");
        problem(api(get("/api/v1/organisations/" + school + "/pupils").param("size", "0")), 422, "INVALID_INPUT", "size");
    }

    @ParameterizedTest(name = "{0}?{1}=a\\0b")
    @CsvSource({"/api/v1/organisations, q", "/api/v1/users, q", "/api/v1/audit, actor", "/api/v1/audit, subjectId"})
    @DisplayName("a NUL byte in a filter is 422 naming the parameter, not 409 'conflict' from the database")
    void nulInFilter(String path, String name) throws Exception {
        problem(api(get(path).param(name, "a\u0000b")), 422, "INVALID_INPUT", name);
    }

    @Test
    @DisplayName("a NUL byte in a JSON name is 422 naming the field, not 409 'conflict'")
    void nulInBody() throws Exception {
        problem(api(post("/api/v1/organisations").contentType(MediaType.APPLICATION_JSON).content("""
                {"bin": "080640000000", "nameKk": "a\\u0000b", "nameRu": "Школа", "kind": "PRESCHOOL",
                 "ownership": "STATE", "kato": "596133101", "languages": ["kk"]}
                """)), 422, "INVALID_INPUT", "nameKk");
        problem(api(post("/api/v1/organisations/" + school + "/classes").contentType(MediaType.APPLICATION_JSON)
                .content("{\"grade\": 5, \"letter\": \"\\u0000\"}")), 422, "INVALID_INPUT", "letter");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"grade\": 5.5, \"letter\": \"А\"}|grade",
            "{\"grade\": \"7\", \"letter\": \"А\"}|grade",
            "{\"grade\": 99999999999, \"letter\": \"А\"}|grade",
            "{\"grade\": true, \"letter\": \"А\"}|grade",
            "{\"grade\": 5, \"letter\": 5}|letter",
            "{\"grade\": 5, \"letter\": [\"А\"]}|letter",
            "{\"grade\": 5, \"letter\": \"Б\", \"capacity\": 1e3}|capacity",
    })
    @DisplayName("JSON of the wrong type is refused, not coerced: 422 naming the field")
    void strictJson(String body, String field) throws Exception {
        problem(api(post("/api/v1/organisations/" + school + "/classes").contentType(MediaType.APPLICATION_JSON)
                .content(body)), 422, "INVALID_INPUT", field);
    }

    @Test
    @DisplayName("a nested field of the wrong type is named with its path (person.birthDate)")
    void nestedField() throws Exception {
        problem(api(post("/api/v1/enrolments").contentType(MediaType.APPLICATION_JSON)
                .content("{\"organisationId\": " + school + ", \"person\": {\"birthDate\": 20140101}}")),
                422, "INVALID_INPUT", "person.birthDate");
    }

    @Test
    @DisplayName("JSON that cannot be parsed is 400 MALFORMED_REQUEST")
    void unparseable() throws Exception {
        problem(api(post("/api/v1/organisations").contentType(MediaType.APPLICATION_JSON).content("{\"bin\": ")),
                400, "MALFORMED_REQUEST", null);
    }

    @Test
    @DisplayName("a date the calendar of law cannot hold (year 20000) is 422 naming the field, in an admission too")
    void farDates() throws Exception {
        problem(api(post("/api/v1/enrolments").contentType(MediaType.APPLICATION_JSON)
                .content("{\"organisationId\": " + school + ", \"from\": \"+20000-09-01\"}")), 422, "INVALID_INPUT", "from");
    }

    @Test
    @DisplayName("405 and 415 are problem+json of the catalogue (with Allow), not Spring's own or an empty body")
    void methodAndMediaType() throws Exception {
        problem(api(delete("/api/v1/organisations")), 405, "METHOD_NOT_ALLOWED", null);
        api(delete("/api/v1/organisations")).andExpect(header().string("Allow", containsString("GET")));
        problem(api(post("/api/v1/organisations").contentType(MediaType.TEXT_PLAIN).content("x")), 415,
                "UNSUPPORTED_MEDIA_TYPE", null);
        problem(api(put("/api/v1/organisations/" + school).contentType(MediaType.APPLICATION_XML).content("<a/>")), 415,
                "UNSUPPORTED_MEDIA_TYPE", null);
        problem(api(get("/api/v1/organisations").accept(MediaType.IMAGE_PNG)), 406, "NOT_ACCEPTABLE", null);
    }

    @Test
    @DisplayName("an address the firewall refuses is 400 problem+json under /api")
    void firewall() throws Exception {
        problem(api(get("/api/v1/organisations;x=1")), 400, "MALFORMED_REQUEST", null);
        problem(mvc.perform(get("/api/v1/calendar/working-days;x=1")), 400, "MALFORMED_REQUEST", null);
    }

    @ParameterizedTest(name = "{0}?page=-5")
    @CsvSource({"/organisations", "/admin/users", "/enrolments", "/territories/590000000"})
    @DisplayName("pages refuse a negative page like the API does: the translated error page naming page")
    void negativePageOnPages(String path) throws Exception {
        mvc.perform(get(path).param("page", "-5").param("lang", "en").with(TestUsers.ministry()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("<code>page</code>")));
    }

    @Test
    @DisplayName("pages: a NUL in a filter, a far date or a mistyped number is the translated error page or the error in place")
    void pages() throws Exception {
        var ministry = TestUsers.ministry();
        mvc.perform(get("/organisations").param("q", "a\u0000b").param("lang", "ru").with(ministry))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("id=\"error-page\"")))
                .andExpect(content().string(containsString("<code>q</code>")));
        mvc.perform(get("/organisations").param("size", "x").param("lang", "ru").with(ministry))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("id=\"error-page\"")));
        mvc.perform(get("/organisations/x").param("lang", "ru").with(ministry))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"error-page\"")));
        mvc.perform(get("/audit").param("size", "x").param("lang", "en").with(ministry))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"audit-filter\"")))
                .andExpect(content().string(containsString("class=\"field-error\"")));
        mvc.perform(get("/audit").param("to", "+999999999-12-31").param("lang", "en").with(ministry))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"field-error\"")));
        mvc.perform(get("/audit").param("actor", "a\u0000b").param("lang", "en").with(ministry))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"error-page\"")));
        mvc.perform(get("/persons/42").param("purpose", "Parent Request").param("lang", "kk").with(ministry))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"error-page\"")))
                .andExpect(content().string(not(containsString("Exception"))));
    }
}
