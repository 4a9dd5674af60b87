package kz.bilim.collection;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.kernel.Almaty;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The pages of what was API-only: the ministry defines a form from its JSON definition and opens a period with a
 * deadline per level; the district records paper, withdraws an approval, marks a distortion, grants a lock exception
 * and consolidates; bad input is shown beside its field in the page's language and nothing is written.
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollectionPagesTest {

    static final String DISTRICT = "479600000";
    static final String GOOD = CollectionPathTest.GOOD;

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;
    @Autowired
    JsonMapper json;

    CollectionFixture fixture;
    String settlement;
    long school1;
    long school2;
    LocalDate today;
    String definition;

    @BeforeAll
    void fixtures() {
        fixture = new CollectionFixture(ownerDataSource, YearMonth.of(2015, 1), 13500);
        settlement = fixture.registry.districtWithSettlement(DISTRICT, false);
        school1 = fixture.registry.organisation(settlement, "Беттегі есеп", "GENERAL_SECONDARY_SCHOOL", 1, "kk");
        school2 = fixture.registry.organisation(settlement, "Беттегі жинақ", "GENERAL_SECONDARY_SCHOOL", 1, "ru");
        today = LocalDate.now(Almaty.ZONE);
        definition = json.readTree(CollectionFixture.passport("X", 2026, "REGULAR", "")).get("definition").toString();
    }

    RequestPostProcessor district() {
        return TestUsers.district(DISTRICT);
    }

    MockHttpServletResponse send(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    /** Defines the form and opens and publishes a period whose schools' entry closed {@code closedDaysAgo} days ago. */
    long period(String code, int closedDaysAgo) throws Exception {
        var defined = send(post("/collection/forms").with(TestUsers.ministry()).with(csrf())
                .param("code", code).param("year", "2026").param("periodicity", "ANNUAL")
                .param("name.kk", "Паспорт").param("name.ru", "Паспорт").param("name.en", "Passport")
                .param("appliesTo", "GENERAL_SECONDARY_SCHOOL").param("definition", definition));
        assertThat(defined.getStatus()).as(defined.getContentAsString()).isEqualTo(302);
        long form = Long.parseLong(defined.getRedirectedUrl().replaceAll("\\D+", ""));
        LocalDate closes = today.minusDays(closedDaysAgo);
        var opened = send(post("/collection/forms/" + form + "/periods").with(TestUsers.ministry()).with(csrf())
                .param("label", "2026").param("startsOn", today.minusDays(90).toString())
                .param("endsOn", today.minusDays(40).toString())
                .param("due.organisation", closes.minusDays(20).toString()).param("due.district", closes.toString())
                .param("due.region", today.plusDays(40).toString()).param("due.ministry", today.plusDays(50).toString()));
        assertThat(opened.getStatus()).as(opened.getContentAsString()).isEqualTo(302);
        long period = fixture.count("select id from collection_period where form_id = ?", form);
        MvcResult published = mvc.perform(post("/collection/periods/" + period + "/publish").with(TestUsers.ministry())
                .with(csrf())).andReturn();
        assertThat((Integer) published.getFlashMap().get("published")).isGreaterThanOrEqualTo(2);
        return period;
    }

    long submissionOf(long period, long school) {
        return fixture.count("select id from collection_submission where period_id = ? and organisation_id = ?",
                period, school);
    }

    void filled(long submission, long school) throws Exception {
        assertThat(send(put("/api/v1/collection/submissions/" + submission + "/values")
                .with(TestUsers.organisationAdmin(school, settlement)).contentType(MediaType.APPLICATION_JSON)
                .content(GOOD)).getStatus()).isEqualTo(200);
    }

    String status(long submission) {
        return fixture.owner.sql("select status from collection_submission where id = ?").param(submission)
                .query(String.class).single();
    }

    @Test
    @DisplayName("EIS-4 the ministry's page: a definition that is not JSON, or with a bad field code, is shown beside the field in Russian; a good one defines the form")
    void formDefinitionPage() throws Exception {
        for (String lang : new String[]{"kk", "ru"}) {
            var page = send(get("/collection/forms?lang=" + lang).with(TestUsers.ministry()));
            assertThat(page.getStatus()).isEqualTo(200);
            assertThat(page.getContentAsString()).contains("id=\"define-form\"")
                    .contains(lang.equals("kk") ? "Жылдың нысандары" : "Формы года");
        }
        var broken = send(post("/collection/forms?lang=ru").with(TestUsers.ministry()).with(csrf())
                .param("code", "T12-PAGE-BAD").param("year", "2026").param("appliesTo", "GENERAL_SECONDARY_SCHOOL")
                .param("definition", "{\"sections\": [ {\"code\": "));
        assertThat(broken.getStatus()).isEqualTo(200);
        assertThat(broken.getContentAsString()).contains("id=\"error-definition\"", "не является корректным JSON");
        var badCode = send(post("/collection/forms?lang=ru").with(TestUsers.ministry()).with(csrf())
                .param("code", "T12-PAGE-BAD").param("year", "2026").param("appliesTo", "GENERAL_SECONDARY_SCHOOL")
                .param("definition", definition.replace("\"code\":\"pupils\"", "\"code\":\"Pupils\"")));
        assertThat(badCode.getStatus()).isEqualTo(200);
        assertThat(badCode.getContentAsString()).contains("id=\"definition-errors\"", "sections[0].fields[0].code",
                "id=\"error-name\"");
        // the typed definition stays for editing
        assertThat(badCode.getContentAsString()).contains("&quot;Pupils&quot;");
        assertThat(fixture.count("select count(*) from collection_form where code = 'T12-PAGE-BAD'")).isZero();
        // another role cannot open the page
        assertThat(send(get("/collection/forms").with(district())).getStatus()).isEqualTo(403);
    }

    @Test
    @DisplayName("EIS-4, EIS-8 the ministry opens a period on the page: a district deadline before the schools' is refused on that field in Kazakh; then it opens and publishes")
    void periodPage() throws Exception {
        long period = period("T12-PAGE-P", 3);
        long form = fixture.count("select form_id from collection_period where id = ?", period);
        var page = send(get("/collection/forms/" + form + "?lang=kk").with(TestUsers.ministry()));
        assertThat(page.getContentAsString()).contains("id=\"period-" + period + "\"", "id=\"period-form\"");
        var refused = send(post("/collection/forms/" + form + "/periods?lang=kk").with(TestUsers.ministry()).with(csrf())
                .param("label", "2026-bad").param("startsOn", "2026-01-01").param("endsOn", "2026-06-30")
                .param("due.organisation", "2026-09-10").param("due.district", "2026-09-01")
                .param("due.region", "2026-09-20").param("due.ministry", "not a day"));
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString()).contains("id=\"error-due-ministry\"");
        var order = send(post("/collection/forms/" + form + "/periods?lang=kk").with(TestUsers.ministry()).with(csrf())
                .param("label", "2026-bad").param("startsOn", "2026-01-01").param("endsOn", "2026-06-30")
                .param("due.organisation", "2026-09-10").param("due.district", "2026-09-01")
                .param("due.region", "2026-09-20").param("due.ministry", "2026-09-30"));
        assertThat(order.getContentAsString()).contains("id=\"error-due-district\"",
                "төменгі деңгей мерзімінен бұрын болмауы керек");
        assertThat(fixture.count("select count(*) from collection_period where form_id = ? and label = '2026-bad'", form))
                .isZero();
    }

    @Test
    @DisplayName("EIS-5, EIS-7 the district records paper on the page: without a scan and with a day in the future each field says why in Kazakh; with them it is submitted by paper")
    void paperPage() throws Exception {
        long period = period("T12-PAGE-PAPER", -30);
        long s1 = submissionOf(period, school1);
        filled(s1, school1);
        var page = send(get("/collection/submissions/" + s1 + "?lang=kk").with(district()));
        assertThat(page.getContentAsString()).contains("id=\"paper-form\"", "id=\"lock-form\"");
        var refused = send(multipart("/collection/submissions/" + s1 + "/paper?lang=kk").with(district()).with(csrf())
                .param("arrivedOn", today.plusDays(1).toString()).param("reference", "Кіріс № 5"));
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString()).contains("id=\"paper-scan-error\"", "id=\"paper-arrived-error\"",
                "бүгіннен кейін болмауы керек");
        assertThat(status(s1)).isEqualTo("DRAFT");
        var recorded = send(multipart("/collection/submissions/" + s1 + "/paper").with(district()).with(csrf())
                .file(new MockMultipartFile("scan", "scan.pdf", "application/pdf", "%PDF-1.4 scan".getBytes()))
                .param("arrivedOn", today.minusDays(1).toString()).param("reference", "Кіріс № 5"));
        assertThat(recorded.getStatus()).as(recorded.getContentAsString()).isEqualTo(302);
        assertThat(fixture.count("select count(*) from collection_submission where id = ? and status = 'SUBMITTED' and channel = 'PAPER'", s1))
                .isOne();
    }

    @Test
    @DisplayName("EIS-6, EIS-8 on the page the district withdraws an approval (a reason required, in Russian), marks a distortion and grants a lock exception with an end date")
    void approvalDistortionLockPages() throws Exception {
        long period = period("T12-PAGE-STEPS", 2);
        long s1 = submissionOf(period, school1);
        filled(s1, school1);
        assertThat(send(multipart("/collection/submissions/" + s1 + "/paper").with(district()).with(csrf())
                .file(new MockMultipartFile("scan", "scan.png", "image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G'}))
                .param("arrivedOn", today.minusDays(30).toString()).param("reference", "Вх. 7")).getStatus()).isEqualTo(302);
        assertThat(send(post("/collection/submissions/" + s1 + "/accept").with(district()).with(csrf())).getStatus())
                .isEqualTo(302);
        var noReason = send(post("/collection/submissions/" + s1 + "/unapprove?lang=ru").with(district()).with(csrf())
                .param("reason", " "));
        assertThat(noReason.getStatus()).isEqualTo(200);
        assertThat(noReason.getContentAsString()).contains("id=\"unapprove-reason-error\"")
                .doesNotContain("id=\"distortion-reason-error\"");
        assertThat(status(s1)).isEqualTo("ACCEPTED");
        assertThat(send(post("/collection/submissions/" + s1 + "/unapprove").with(district()).with(csrf())
                .param("reason", "перепроверить компьютеры")).getStatus()).isEqualTo(302);
        assertThat(status(s1)).isEqualTo("SUBMITTED");
        send(post("/collection/submissions/" + s1 + "/accept").with(district()).with(csrf()));
        assertThat(send(post("/collection/submissions/" + s1 + "/distortion").with(district()).with(csrf())
                .param("reason", "при проверке 12 компьютеров")).getStatus()).isEqualTo(302);
        assertThat(fixture.count("select count(*) from collection_submission where id = ? and status = 'RETURNED' and distorted", s1))
                .isOne();

        // entry closed two days ago: the district lets school 2 submit until a day
        long s2 = submissionOf(period, school2);
        var past = send(post("/collection/submissions/" + s2 + "/lock-exception?lang=ru").with(district()).with(csrf())
                .param("until", today.minusDays(1).toString()).param("reason", ""));
        assertThat(past.getContentAsString()).contains("id=\"lock-until-error\"", "id=\"lock-reason-error\"");
        assertThat(send(post("/collection/submissions/" + s2 + "/lock-exception").with(district()).with(csrf())
                .param("until", today.plusDays(5).toString()).param("reason", "школа закрыта из-за паводка"))
                .getStatus()).isEqualTo(302);
        assertThat(fixture.count("select count(*) from collection_lock_exception where submission_id = ?", s2)).isOne();
    }

    @Test
    @DisplayName("EIS-6, EIS-1 the dashboard shows the chart and the district's consolidation button; consolidating before every school is accepted says how many are missing")
    void dashboardAndConsolidation() throws Exception {
        long period = period("T12-PAGE-DASH", -30);
        var dashboard = send(get("/collection/periods/" + period + "/dashboard?lang=kk&kato=" + DISTRICT).with(district()));
        assertThat(dashboard.getContentAsString()).contains("id=\"dashboard-chart\"", "id=\"consolidate-form\"",
                "Беттегі есеп");
        MvcResult refused = mvc.perform(post("/collection/periods/" + period + "/consolidate?lang=ru").with(district())
                .with(csrf())).andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/collection/periods/" + period + "/dashboard");
        assertThat((String) refused.getFlashMap().get("problem")).startsWith("EIS-6").contains("2");
        assertThat(fixture.count("select count(*) from collection_submission where period_id = ? and level = 'DISTRICT'", period))
                .isZero();
    }
}
