package kz.bilim.statistics;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * SC-1, SC-3: no personal data reaches a statistics analyst through any page or API. Every endpoint of the
 * application (each mapping, each HTTP method it takes) is called as a registered analyst, with its path variables
 * set in turn to the ids of the fixture's pupils, enrolments, organisations, staff and contracts (and a pupil's IIN),
 * with the fixture's territory and organisation as query parameters; no answer may hold a fixture person's name or
 * any IIN of theirs beyond the one the request itself carried.
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalystLeakTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    StatisticsFixture fixture;

    @BeforeAll
    void registries() throws Exception {
        fixture = new StatisticsFixture(ownerDataSource).make();
        // the analyst of TestUsers is a registered, granted responsible person who accepted the purpose
        fixture.owner.sql("""
                insert into stat_responsible_person (username, full_name, reporting_year, registered_on, access_due_on,
                                                     access_granted_on, purpose_accepted_at)
                values ('test.statistics', 'Test Statistics', 2026, date '2026-09-01', date '2026-10-05',
                        date '2026-09-02', now()) on conflict (username) do nothing""").update();
        mvc.perform(request(HttpMethod.POST, "/api/v1/statistics/snapshots").with(TestUsers.ministry()).with(csrf())
                .contentType("application/json").content("{\"asOf\": \"2026-10-05\"}"));
    }

    @Test
    @DisplayName("SC-3 an analyst calling every endpoint of the application gets no pupil's or employee's IIN or name")
    void noPersonalDataThroughAnyEndpoint() throws Exception {
        var candidates = List.of(String.valueOf(fixture.pupilId), String.valueOf(fixture.enrolmentId),
                String.valueOf(fixture.schoolA), String.valueOf(fixture.staffMemberId), String.valueOf(fixture.contractId),
                fixture.iins.get(0), "8", "2026-10-05");
        String query = "kato=594300000&organisationId=" + fixture.schoolA + "&organisation=" + fixture.schoolA
                + "&by=sex,grade&snapshot=2026-10-05&current=true";
        var leaks = new ArrayList<String>();
        Set<String> called = new LinkedHashSet<>();
        int endpoints = 0;
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            var info = entry.getKey();
            var patterns = info.getPathPatternsCondition() == null ? Set.<String>of()
                    : info.getPathPatternsCondition().getPatternValues();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (methods.isEmpty()) methods = Set.of(RequestMethod.GET, RequestMethod.POST);
            for (String pattern : patterns) {
                if (pattern.startsWith("/error")) continue;
                for (RequestMethod method : methods) {
                    endpoints++;
                    List<String> values = VARIABLE.matcher(pattern).find() ? candidates : List.of("");
                    for (String value : values) {
                        String path = VARIABLE.matcher(pattern).replaceAll(value.isEmpty() ? "x" : value)
                                .replace("/**", "/x");
                        String url = path + "?" + query;
                        if (!called.add(method + " " + url)) continue;
                        var builder = request(HttpMethod.valueOf(method.name()), url).with(TestUsers.statistics());
                        if (method != RequestMethod.GET) builder = builder.with(csrf()).contentType("application/json")
                                .content("{}");
                        String body;
                        try {
                            body = StatisticsPageTest.text(mvc.perform(builder).andReturn().getResponse());
                        } catch (Exception e) {
                            body = String.valueOf(e.getMessage());
                        }
                        if (body.contains(StatisticsFixture.SECRET_SURNAME) || body.contains(StatisticsFixture.SECRET_FIRST_NAME))
                            leaks.add(method + " " + url + ": a name");
                        for (String iin : fixture.iins)
                            if (!url.contains(iin) && body.contains(iin)) leaks.add(method + " " + url + ": IIN " + iin);
                    }
                }
            }
        }
        assertThat(endpoints).as("endpoints tried").isGreaterThan(80);
        assertThat(called).anyMatch(c -> c.startsWith("GET /api/v1/statistics/indicators/8"));
        assertThat(called).as("the pivot page, its XLSX and the SC-4 summary (their text read out of XLSX and PDF)")
                .anyMatch(c -> c.startsWith("GET /statistics?")).anyMatch(c -> c.startsWith("GET /statistics/pivot.xlsx"))
                .anyMatch(c -> c.startsWith("GET /statistics/summary.pdf"))
                .anyMatch(c -> c.startsWith("GET /statistics/summary.xlsx"));
        assertThat(leaks).as("personal data an analyst received").isEmpty();
    }

    @Test
    @DisplayName("SC-3 the leak test is able to see a leak: the same calls as the ministry do show the fixture's names")
    void theProbeSeesPersonalDataWhenAllowed() throws Exception {
        String body = mvc.perform(request(HttpMethod.GET, "/api/v1/organisations/" + fixture.schoolA + "/staff")
                .with(TestUsers.ministry())).andReturn().getResponse().getContentAsString();
        assertThat(body).contains(StatisticsFixture.SECRET_SURNAME);
    }
}
