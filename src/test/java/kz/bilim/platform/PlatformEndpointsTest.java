package kz.bilim.platform;

import kz.bilim.BilimTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@BilimTest
class PlatformEndpointsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    @DisplayName("the OpenAPI document covers every /api endpoint of the application")
    void openApiCoversEveryEndpoint() throws Exception {
        String body = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        JsonNode paths = json.readTree(body).get("paths");
        Set<String> documented = new TreeSet<>();
        paths.propertyNames().forEach(documented::add);

        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(p -> p.startsWith("/api/"))
                .forEach(served::add));
        assertThat(served).isNotEmpty();
        assertThat(documented).containsAll(served);
    }

    @Test
    @DisplayName("htmx and Chart.js are served from webjars without a version in the path")
    void webjars() throws Exception {
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/chart.js/dist/chart.umd.min.js")).andExpect(status().isOk());
    }

    @Test
    @DisplayName("a missing or mistyped request parameter is 422 problem+json naming the parameter")
    void parameterErrorsNameTheField() throws Exception {
        mvc.perform(get("/api/v1/calendar/working-days").param("from", "2026-01-05").header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("add"));
    }

    @Test
    @DisplayName("actuator health answers UP without login")
    void health() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    @DisplayName("the API without credentials answers 401 problem+json in the caller's language")
    void unauthenticatedApi() throws Exception {
        mvc.perform(get("/api/v1/organisations").header("Accept-Language", "kk"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"))
                .andExpect(jsonPath("$.title").value("Кіру қажет"));
    }

    @Test
    @DisplayName("staff pages redirect an anonymous visitor to the login page; the login page is Kazakh by default")
    void pagesNeedLogin() throws Exception {
        mvc.perform(get("/organisations")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Жүйеге кіру")));
        mvc.perform(get("/login").param("lang", "ru")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Вход")));
    }
}
