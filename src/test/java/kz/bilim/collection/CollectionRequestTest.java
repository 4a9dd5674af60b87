package kz.bilim.collection;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.kernel.Almaty;
import kz.bilim.kernel.Role;
import kz.bilim.platform.database.OwnerDataSource;
import kz.bilim.signature.Signatures;
import kz.bilim.signature.SigningKey;
import kz.bilim.signature.SigningKeys;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * EIS-9…EIS-11 and scope: the ministry's additional request to chosen schools follows the path up to the national
 * consolidation, the final report comes as PDF and XLSX with completeness and timeliness; a school sees only its own
 * submissions, a district only its district's; accepted values reach other modules set-based.
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollectionRequestTest {

    static final String DISTRICT = "478700000";
    static final String OTHER_DISTRICT = "478600000";
    static final String REGION = "470000000";

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;
    @Autowired
    JsonMapper json;
    @Autowired
    SigningKeys keys;
    @Autowired
    Signatures signatures;
    @Autowired
    CollectedValues collected;

    CollectionFixture fixture;
    String settlement;
    String otherSettlement;
    long school1;
    long school2;
    long kindergarten;
    long otherSchool;
    SigningKey head1;
    SigningKey head2;

    @BeforeAll
    void fixtures() {
        fixture = new CollectionFixture(ownerDataSource, YearMonth.of(2012, 4), 12500);
        settlement = fixture.registry.districtWithSettlement(DISTRICT, false);
        otherSettlement = fixture.registry.districtWithSettlement(OTHER_DISTRICT, true);
        school1 = fixture.registry.organisation(settlement, "Талапкер-Есеп", "GENERAL_SECONDARY_SCHOOL", 1, "kk");
        school2 = fixture.registry.organisation(settlement, "Өркен", "GENERAL_SECONDARY_SCHOOL", 1, "kk");
        kindergarten = fixture.registry.organisation(settlement, "Бүлдіршін-Есеп", "PRESCHOOL", 1, "kk");
        otherSchool = fixture.registry.organisation(otherSettlement, "Алау", "GENERAL_SECONDARY_SCHOOL", 1, "ru");
        head1 = fixture.headKey(keys, school1);
        head2 = fixture.headKey(keys, school2);
    }

    JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    RequestPostProcessor school(long id, String kato) {
        return TestUsers.organisationAdmin(id, kato);
    }

    String request(String code, List<Long> organisations) {
        String form = CollectionFixture.passport(code, 2026, "ADDITIONAL", "");
        return "{\"form\": " + form + ", \"due\": \"" + LocalDate.now(Almaty.ZONE).plusDays(5)
                + "\", \"organisations\": " + organisations + "}";
    }

    long submissionOf(long period, long school) {
        return fixture.count("select id from collection_submission where period_id = ? and organisation_id = ?",
                period, school);
    }

    void submit(long submission, long school, SigningKey key, int computers) throws Exception {
        mvc.perform(put("/api/v1/collection/submissions/" + submission + "/values").with(school(school, settlement))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"values": {"computers": %d, "computers_internet": 3, "deep_study": {"MATH": 1, "PHYS": 2}}}
                        """.formatted(computers))).andExpect(status().isOk());
        byte[] content = mvc.perform(get("/api/v1/collection/submissions/" + submission + "/content")
                .with(school(school, settlement))).andReturn().getResponse().getContentAsByteArray();
        mvc.perform(post("/api/v1/collection/submissions/" + submission + "/submission").with(school(school, settlement))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"signature\": \"" + Base64.getEncoder().encodeToString(signatures.sign(content, key)) + "\"}"))
                .andExpect(status().isOk());
    }

    @Test
    @DisplayName("EIS-9 a request to an organisation outside its competence (a kindergarten for schools) is refused naming it; nothing is sent")
    void requestWithinCompetence() throws Exception {
        mvc.perform(post("/api/v1/collection/requests").with(TestUsers.ministry()).contentType(MediaType.APPLICATION_JSON)
                        .content(request("T12-REQ-BAD", List.of(school1, kindergarten, 999_999_999L))))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.clause").value("EIS-9"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("organisations[1]")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("organisations[2]")));
        assertThat(fixture.count("select count(*) from collection_form where code = 'T12-REQ-BAD'")).isZero();
        mvc.perform(post("/api/v1/collection/requests").with(TestUsers.region(REGION)).contentType(MediaType.APPLICATION_JSON)
                .content(request("T12-REQ-REGION", List.of(school1)))).andExpect(status().isForbidden());
    }

    @Test
    @DisplayName("EIS-2, EIS-3, EIS-9, EIS-6, EIS-10, EIS-11 other data requested as needed pass between the four kinds of participant, school → district → region → ministry; the final report is a PDF and an XLSX with completeness and timeliness")
    void requestUpToTheFinalReport() throws Exception {
        long period = body(mvc.perform(post("/api/v1/collection/requests").with(TestUsers.ministry())
                .contentType(MediaType.APPLICATION_JSON).content(request("T12-REQ", List.of(school1, school2))))
                .andExpect(status().isCreated())).get("id").asLong();
        long s1 = submissionOf(period, school1);
        long s2 = submissionOf(period, school2);
        assertThat(fixture.count("select count(*) from collection_submission where period_id = ?", period)).isEqualTo(2);

        // scope: a school sees only its own submissions, a district only its district's
        mvc.perform(get("/api/v1/collection/submissions/" + s1).with(school(school2, settlement)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/collection/submissions").param("period", String.valueOf(period))
                        .with(school(school2, settlement)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].organisationId").value(school2));
        mvc.perform(get("/api/v1/collection/submissions/" + s1).with(TestUsers.district(OTHER_DISTRICT)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/collection/submissions").param("period", String.valueOf(period))
                        .with(TestUsers.district(OTHER_DISTRICT)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(0));
        mvc.perform(post("/api/v1/collection/submissions/" + s1 + "/acceptance").with(TestUsers.district(OTHER_DISTRICT)))
                .andExpect(status().isNotFound());

        submit(s1, school1, head1, 10);
        submit(s2, school2, head2, 14);
        mvc.perform(get("/api/v1/collection/submissions").param("period", String.valueOf(period))
                        .with(TestUsers.district(DISTRICT)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(2));
        for (long s : List.of(s1, s2))
            mvc.perform(post("/api/v1/collection/submissions/" + s + "/acceptance").with(TestUsers.district(DISTRICT)))
                    .andExpect(status().isOk());
        long district = body(mvc.perform(post("/api/v1/collection/periods/" + period + "/consolidation")
                .with(TestUsers.district(DISTRICT))).andExpect(status().isOk())).get("id").asLong();
        // EIS-6: each territory's consolidation goes up signed by its officer's personal key
        var districtOfficer = fixture.officer(keys, Role.DISTRICT_OFFICER, DISTRICT);
        CollectionFixture.submitSigned(mvc, signatures, district, districtOfficer.as(), districtOfficer.key())
                .andExpect(status().isOk());
        // the region consolidates only once its district is accepted
        mvc.perform(post("/api/v1/collection/periods/" + period + "/consolidation").with(TestUsers.region(REGION)))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.clause").value("EIS-6"));
        mvc.perform(post("/api/v1/collection/submissions/" + district + "/acceptance").with(TestUsers.region(REGION)))
                .andExpect(status().isOk());
        long region = body(mvc.perform(post("/api/v1/collection/periods/" + period + "/consolidation")
                .with(TestUsers.region(REGION))).andExpect(status().isOk())).get("id").asLong();
        var regionOfficer = fixture.officer(keys, Role.REGION_OFFICER, REGION);
        CollectionFixture.submitSigned(mvc, signatures, region, regionOfficer.as(), regionOfficer.key())
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/collection/submissions/" + region + "/acceptance").with(TestUsers.ministry()))
                .andExpect(status().isOk());
        JsonNode national = body(mvc.perform(post("/api/v1/collection/periods/" + period + "/consolidation")
                .with(TestUsers.ministry())).andExpect(status().isOk()));
        assertThat(national.get("level").asText()).isEqualTo("MINISTRY");
        assertThat(CollectionPathTest.value(national, "computers", "")).isEqualTo(24);
        assertThat(CollectionPathTest.value(national, "deep_study", "PHYS")).isEqualTo(4);

        // EIS-1, EIS-8: completeness and timeliness per territory, drilled down to the schools
        mvc.perform(get("/api/v1/collection/periods/" + period + "/completeness").with(TestUsers.ministry()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].kato").value(REGION)).andExpect(jsonPath("$[0].expected").value(2))
                .andExpect(jsonPath("$[0].accepted").value(2)).andExpect(jsonPath("$[0].late").value(0))
                .andExpect(jsonPath("$[0].completenessPercent").value(100.0));
        mvc.perform(get("/api/v1/collection/periods/" + period + "/completeness").param("kato", DISTRICT)
                        .with(TestUsers.ministry()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2));

        // the dashboard page: late first, drilled down from the country to the district's schools
        mvc.perform(get("/collection/periods/" + period + "/dashboard").param("lang", "en").with(TestUsers.ministry()))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.containsString("/collection/periods/" + period + "/dashboard?kato=" + REGION)));
        mvc.perform(get("/collection/periods/" + period + "/dashboard").param("kato", DISTRICT).param("lang", "ru")
                        .with(TestUsers.district(DISTRICT)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("Школа Талапкер-Есеп"),
                                org.hamcrest.Matchers.containsString("id=\"report-pdf\""))));
        mvc.perform(get("/collection/periods/" + period + "/report.pdf").with(TestUsers.ministry()))
                .andExpect(status().isOk());

        // EIS-10, EIS-11: the final report
        byte[] pdf = mvc.perform(get("/api/v1/collection/periods/" + period + "/report.pdf").param("lang", "en")
                .with(TestUsers.ministry())).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Final report of the unified education information system")
                    .contains("Computers").contains("24").contains("100.0");
        }
        byte[] pdfKk = mvc.perform(get("/api/v1/collection/periods/" + period + "/report.pdf").param("lang", "kk")
                .with(TestUsers.ministry())).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var document = Loader.loadPDF(pdfKk)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Білім берудің бірыңғай ақпараттық жүйесінің");
        }
        byte[] xlsx = mvc.perform(get("/api/v1/collection/periods/" + period + "/report.xlsx").param("lang", "en")
                .with(TestUsers.ministry())).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var data = workbook.getSheet("Data");
            boolean found = false;
            for (var row : data)
                if (row.getCell(0).getStringCellValue().equals("computers"))
                    found = row.getCell(3).getNumericCellValue() == 24.0;
            assertThat(found).isTrue();
            assertThat(workbook.getSheet("Completeness and timeliness").getRow(1).getCell(1).getNumericCellValue())
                    .isEqualTo(2.0);
        }
        // EIS-4: the printable form in Russian
        long formId = fixture.count("select f.id from collection_form f join collection_period p on p.form_id = f.id where p.id = ?", period);
        byte[] print = mvc.perform(get("/api/v1/collection/forms/" + formId + "/print").param("lang", "ru")
                .with(school(school1, settlement))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var document = Loader.loadPDF(print)) {
            assertThat(new PDFTextStripper().getText(document)).contains("School passport (ru)").contains("Computers (ru)");
        }

        // the public API: accepted values by field code, set-based, within the caller's scope
        var user = TestUsers.ministryUser();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            var accepted = collected.accepted("T12-REQ", 2026, List.of("computers", "deep_study"), List.of(school1));
            assertThat(accepted).extracting(CollectedValues.Accepted::field, CollectedValues.Accepted::row)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("computers", ""),
                            org.assertj.core.groups.Tuple.tuple("deep_study", "MATH"),
                            org.assertj.core.groups.Tuple.tuple("deep_study", "PHYS"));
            assertThat(accepted.get(0).number()).isEqualByComparingTo("10");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
