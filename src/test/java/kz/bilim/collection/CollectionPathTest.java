package kz.bilim.collection;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.calendar.WorkingCalendar;
import kz.bilim.kernel.Almaty;
import kz.bilim.kernel.Role;
import kz.bilim.platform.database.OwnerDataSource;
import kz.bilim.signature.Signatures;
import kz.bilim.signature.SigningKey;
import kz.bilim.signature.SigningKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * EIS-4…EIS-8: a year's form from the ministry to the schools and back up — pre-filled from the registries, checked,
 * signed by the head, dated by its arrival, late after the calendar's deadline, returned, accepted, consolidated,
 * unapproved, distorted — each refusal a problem+json naming the field, with nothing half-written.
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollectionPathTest {

    static final String DISTRICT = "478500000";
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
    WorkingCalendar calendar;

    CollectionFixture fixture;
    String settlement;
    long school1;
    long school2;
    SigningKey head1;
    SigningKey head2;
    CollectionFixture.Officer officer;
    long formId;
    LocalDate today;
    LocalDate saturday;

    @BeforeAll
    void fixtures() throws Exception {
        fixture = new CollectionFixture(ownerDataSource, YearMonth.of(2012, 3), 12000);
        settlement = fixture.registry.districtWithSettlement(DISTRICT, false);
        school1 = fixture.registry.organisation(settlement, "Есепші", "GENERAL_SECONDARY_SCHOOL", 1, "kk");
        school2 = fixture.registry.organisation(settlement, "Жинақтау", "GENERAL_SECONDARY_SCHOOL", 1, "ru");
        fixture.pupils(school1, settlement, 3);
        head1 = fixture.headKey(keys, school1);
        head2 = fixture.headKey(keys, school2);
        officer = fixture.officer(keys, Role.DISTRICT_OFFICER, DISTRICT);
        today = LocalDate.now(Almaty.ZONE);
        // a Saturday some weeks ago whose Monday is a working day: the day-off rule moves its deadline to Monday
        saturday = today.minusWeeks(3).with(java.time.temporal.TemporalAdjusters.previous(DayOfWeek.SATURDAY));
        while (!calendar.isWorkingDay(saturday.plusDays(2)) || calendar.isWorkingDay(saturday)) saturday = saturday.minusWeeks(1);
        formId = id(mvc.perform(post("/api/v1/collection/forms").with(TestUsers.ministry())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(CollectionFixture.passport("T12-PATH", 2026, "REGULAR", "")))
                .andExpect(status().isCreated()));
    }

    // ---- helpers

    long id(ResultActions result) throws Exception {
        return body(result).get("id").asLong();
    }

    JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    RequestPostProcessor school(long id) {
        return TestUsers.organisationAdmin(id, settlement);
    }

    RequestPostProcessor district() {
        return TestUsers.district(DISTRICT);
    }

    /** A regular period of the form whose schools' deadline was a Saturday and whose entry closes on {@code closes}. */
    long publishedPeriod(String label, LocalDate closes) throws Exception {
        long period = id(mvc.perform(post("/api/v1/collection/forms/" + formId + "/periods").with(TestUsers.ministry())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"label": "%s", "startsOn": "%s", "endsOn": "%s",
                         "due": {"organisation": "%s", "district": "%s", "region": "%s", "ministry": "%s"}}
                        """.formatted(label, saturday.minusMonths(2), saturday.minusDays(1), saturday, closes,
                        closes.plusDays(1), closes.plusDays(2)))).andExpect(status().isCreated()));
        mvc.perform(post("/api/v1/collection/periods/" + period + "/publication").with(TestUsers.ministry()))
                .andExpect(status().isOk());
        return period;
    }

    long submissionOf(long period, long school) {
        return fixture.count("select id from collection_submission where period_id = ? and organisation_id = ?",
                period, school);
    }

    ResultActions fill(long submission, long school, String values) throws Exception {
        return mvc.perform(put("/api/v1/collection/submissions/" + submission + "/values").with(school(school))
                .contentType(MediaType.APPLICATION_JSON).content(values));
    }

    static final String GOOD = """
            {"values": {"computers": 40, "computers_internet": 35, "camp": "yes", "inspected_on": "2026-09-01",
                        "note": "ok", "deep_study": {"MATH": 2, "PHYS": 1}}}
            """;

    ResultActions submitSigned(long submission, long school, SigningKey key) throws Exception {
        return CollectionFixture.submitSigned(mvc, signatures, submission, school(school), key);
    }

    /** The school fills the values and its head submits them signed: the submission's id. */
    long submitted(long period, long school, SigningKey key, String values) throws Exception {
        long submission = submissionOf(period, school);
        fill(submission, school, values).andExpect(status().isOk());
        submitSigned(submission, school, key).andExpect(status().isOk());
        return submission;
    }

    /** Submitted signed and accepted by the district: the submission's id. */
    long accepted(long period, long school, SigningKey key, String values) throws Exception {
        long submission = submitted(period, school, key, values);
        step(submission, "acceptance", null, district()).andExpect(status().isOk());
        return submission;
    }

    /** A step of the level above on a submission ({@code acceptance}, {@code return}, {@code unapproval}…). */
    ResultActions step(long submission, String step, String body, RequestPostProcessor who) throws Exception {
        var request = post("/api/v1/collection/submissions/" + submission + "/" + step).with(who);
        if (body != null) request = request.contentType(MediaType.APPLICATION_JSON).content(body);
        return mvc.perform(request);
    }

    ResultActions paper(long submission, LocalDate arrivedOn) throws Exception {
        return mvc.perform(multipart("/api/v1/collection/submissions/" + submission + "/paper")
                .file(new MockMultipartFile("scan", "scan.pdf", "application/pdf", "%PDF-1.4 scan".getBytes()))
                .param("arrivedOn", arrivedOn.toString()).param("reference", "Кіріс № 17").with(district()));
    }

    // ---- EIS-4

    @Test
    @DisplayName("EIS-4 a form with a bad field code or a rule on a missing field is refused naming each field; nothing is stored")
    void badDefinition() throws Exception {
        String bad = CollectionFixture.passport("T12-BAD", 2026, "REGULAR",
                        ", {\"code\": \"Pupils\", \"type\": \"NUMBER\", \"label\": " + CollectionFixture.texts("x") + "}")
                .replace("\"right\": \"computers\"", "\"right\": \"laptops\"");
        mvc.perform(post("/api/v1/collection/forms").with(TestUsers.ministry()).contentType(MediaType.APPLICATION_JSON)
                        .content(bad))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].field", hasItem("sections[0].fields[8].code")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("rules[0].right")));
        assertThat(fixture.count("select count(*) from collection_form where code = 'T12-BAD'")).isZero();
        mvc.perform(post("/api/v1/collection/forms").with(district()).contentType(MediaType.APPLICATION_JSON)
                        .content(CollectionFixture.passport("T12-DISTRICT", 2026, "REGULAR", "")))
                .andExpect(status().isForbidden());
    }

    @Test
    @DisplayName("EIS-4 enter once: the pupils the registry holds are pre-filled and marked; a value over the cross-field rule is refused naming the field, nothing written")
    void preFilledAndChecked() throws Exception {
        long period = publishedPeriod("P-prefill", today.plusDays(30));
        long submission = submissionOf(period, school1);
        mvc.perform(get("/api/v1/collection/submissions/" + submission).with(school(school1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.submission.values[?(@.field == 'pupils')].number").value(hasItem(3)))
                .andExpect(jsonPath("$.submission.values[?(@.field == 'pupils')].prefilled").value(hasItem(true)));
        fill(submission, school1, """
                {"values": {"computers": 10, "computers_internet": 12, "camp": "maybe", "deep_study": {"MATH": -1, "BIO": 1}}}
                """)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.clause").value("EIS-4"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("values.computers_internet")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("values.camp")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("values.deep_study.MATH")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("values.deep_study.BIO")));
        assertThat(fixture.count("select count(*) from collection_value where submission_id = ?", submission)).isZero();
    }

    @Test
    @DisplayName("EIS-4 pupils differing from the registry by more than 2 % raise a query, not an error: saved, but submitted only once explained")
    void registryQuery() throws Exception {
        long period = publishedPeriod("P-query", today.plusDays(30));
        long submission = submissionOf(period, school1);
        fill(submission, school1, GOOD.replace("\"computers\": 40", "\"pupils\": 10, \"computers\": 40"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.queries[0].field").value("pupils"))
                .andExpect(jsonPath("$.queries[0].registered").value(3));
        submitSigned(submission, school1, head1)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("explanations.pupils"));
        fill(submission, school1, """
                {"values": {"pupils": 10, "computers": 40, "computers_internet": 35},
                 "explanations": {"pupils": "7 pupils admitted on 1 December, orders not yet entered"}}
                """)
                .andExpect(status().isOk()).andExpect(jsonPath("$.queries[0].explained").value(true));
        submitSigned(submission, school1, head1).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
    }

    // ---- EIS-5, EIS-7, EIS-8

    @Test
    @DisplayName("EIS-5 a signature over other data than submitted is refused on the signature field; the submission stays a draft")
    void signatureOverOtherData() throws Exception {
        long period = publishedPeriod("P-tamper", today.plusDays(30));
        long submission = submissionOf(period, school1);
        fill(submission, school1, GOOD).andExpect(status().isOk());
        byte[] content = mvc.perform(get("/api/v1/collection/submissions/" + submission + "/content").with(school(school1)))
                .andReturn().getResponse().getContentAsByteArray();
        String signature = Base64.getEncoder().encodeToString(signatures.sign(content, head1));
        fill(submission, school1, GOOD.replace("\"computers\": 40", "\"computers\": 41")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/collection/submissions/" + submission + "/submission").with(school(school1))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"signature\": \"" + signature + "\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.clause").value("EIS-5"))
                .andExpect(jsonPath("$.errors[0].field").value("signature"));
        // another school's head cannot sign for this school
        String other = Base64.getEncoder().encodeToString(signatures.sign(
                mvc.perform(get("/api/v1/collection/submissions/" + submission + "/content").with(school(school1)))
                        .andReturn().getResponse().getContentAsByteArray(), head2));
        mvc.perform(post("/api/v1/collection/submissions/" + submission + "/submission").with(school(school1))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"signature\": \"" + other + "\"}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("signature"));
        assertThat(fixture.count("select count(*) from collection_submission_version where submission_id = ?", submission)).isZero();
        assertThat(fixture.count("select count(*) from collection_submission where id = ? and status = 'DRAFT'", submission)).isOne();
    }

    @Test
    @DisplayName("EIS-5 where the staff registry knows the director, another holder of the school's certificate cannot sign; the director can")
    void signedByTheHead() throws Exception {
        // in a district of its own, so that the other tests' districts keep their two schools
        String elsewhere = fixture.registry.districtWithSettlement("478800000", false);
        long school3 = fixture.registry.organisation(elsewhere, "Паспорттау", "GENERAL_SECONDARY_SCHOOL", 1, "kk");
        var head3 = TestUsers.organisationAdmin(school3, elsewhere);
        var director = fixture.registry.nextIin(LocalDate.of(1969, 6, 1), kz.bilim.identity.Sex.MALE);
        mvc.perform(post("/api/v1/organisations/" + school3 + "/staff").with(head3)
                        .contentType(MediaType.APPLICATION_JSON).content(CollectionFixture.hire(director, "DIRECTOR",
                                today.minusYears(1))))
                .andExpect(status().isCreated());
        SigningKey clerk = fixture.headKey(keys, school3);
        SigningKey head = fixture.key(keys, school3, director);
        long period = publishedPeriod("P-head", today.plusDays(30));
        long submission = submissionOf(period, school3);
        fill(submission, school3, GOOD).andExpect(status().isOk());
        submitSigned(submission, school3, clerk).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.clause").value("EIS-5"))
                .andExpect(jsonPath("$.errors[0].field").value("signature"));
        submitSigned(submission, school3, head).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
    }

    @Test
    @DisplayName("EIS-7, EIS-8 the submission date is the arrival: an electronic one now is late after a past deadline; the signed bytes are kept")
    void electronicArrivalAndLateness() throws Exception {
        long period = publishedPeriod("P-late", today.plusDays(30));
        long submission = submissionOf(period, school1);
        fill(submission, school1, GOOD).andExpect(status().isOk());
        Instant before = Instant.now();
        JsonNode submitted = body(submitSigned(submission, school1, head1).andExpect(status().isOk()));
        assertThat(Instant.parse(submitted.get("arrivedAt").asText())).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(submitted.get("late").asBoolean()).isTrue();
        assertThat(submitted.get("channel").asText()).isEqualTo("ELECTRONIC");
        assertThat(fixture.count("""
                select count(*) from collection_submission_version
                 where submission_id = ? and signature is not null and length(content) > 0 and late""", submission)).isOne();
    }

    @Test
    @DisplayName("EIS-8 a deadline on a Saturday moves to the end of Monday: paper that reached the district on Monday is on time, on Tuesday late")
    void dayOffDeadlineAndPaperArrival() throws Exception {
        long period = publishedPeriod("P-dayoff", today.plusDays(30));
        JsonNode first = body(mvc.perform(get("/api/v1/collection/submissions/" + submissionOf(period, school1))
                .with(school(school1))));
        assertThat(Instant.parse(first.get("submission").get("deadline").asText()))
                .isEqualTo(saturday.plusDays(2).atTime(LocalTime.of(23, 59, 59, 999_000_000)).atZone(Almaty.ZONE).toInstant());

        long onTime = submissionOf(period, school1);
        fill(onTime, school1, GOOD).andExpect(status().isOk());
        paper(onTime, saturday.plusDays(2)).andExpect(status().isOk())
                .andExpect(jsonPath("$.late").value(false)).andExpect(jsonPath("$.channel").value("PAPER"))
                .andExpect(jsonPath("$.arrivedAt").value(saturday.plusDays(2).atStartOfDay(Almaty.ZONE).toInstant().toString()));
        long late = submissionOf(period, school2);
        fill(late, school2, GOOD).andExpect(status().isOk());
        paper(late, saturday.plusDays(3)).andExpect(status().isOk()).andExpect(jsonPath("$.late").value(true));
        // bad input names the field: no scan, a day in the future
        long period2 = publishedPeriod("P-paper-bad", today.plusDays(30));
        mvc.perform(multipart("/api/v1/collection/submissions/" + submissionOf(period2, school1) + "/paper")
                        .param("arrivedOn", today.plusDays(1).toString()).param("reference", "x").with(district()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].field", hasItem("scan")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("arrivedOn")));
    }

    // ---- EIS-6, EIS-8 up the hierarchy

    @Test
    @DisplayName("EIS-3, EIS-6 the district returns with a comment, the school corrects, the district accepts and the data lock; consolidation waits for every school and sums set-based")
    void returnAcceptConsolidate() throws Exception {
        long period = publishedPeriod("P-path", today.plusDays(30));
        long s1 = submitted(period, school1, head1, GOOD);
        long s2 = submissionOf(period, school2);
        // only the addressee acts
        step(s1, "acceptance", null, school(school1)).andExpect(status().isForbidden());
        step(s1, "return", "{\"comment\": \" \"}", district())
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("comment"));
        step(s1, "return", "{\"comment\": \"Компьютерлер саны қате\"}", district())
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RETURNED"))
                .andExpect(jsonPath("$.comment").value("Компьютерлер саны қате"));
        fill(s1, school1, GOOD.replace("\"computers\": 40", "\"computers\": 42")).andExpect(status().isOk());
        submitSigned(s1, school1, head1).andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));
        step(s1, "acceptance", null, district()).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACCEPTED"));
        fill(s1, school1, GOOD).andExpect(status().isConflict());

        mvc.perform(post("/api/v1/collection/periods/" + period + "/consolidation").with(district()))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.clause").value("EIS-6"));
        assertThat(fixture.count("select count(*) from collection_submission where period_id = ? and level = 'DISTRICT'", period)).isZero();

        accepted(period, school2, head2,
                GOOD.replace("\"deep_study\": {\"MATH\": 2, \"PHYS\": 1}", "\"deep_study\": {\"MATH\": 5, \"PHYS\": 0}"));
        JsonNode consolidated = body(mvc.perform(post("/api/v1/collection/periods/" + period + "/consolidation")
                .with(district())).andExpect(status().isOk()));
        assertThat(consolidated.get("level").asText()).isEqualTo("DISTRICT");
        assertThat(value(consolidated, "computers", "")).isEqualTo(82);
        assertThat(value(consolidated, "deep_study", "MATH")).isEqualTo(7);
        assertThat(value(consolidated, "pupils", "")).isEqualTo(3);
        long districtRow = consolidated.get("id").asLong();

        // EIS-6: the district submits up, signed by its officer; then it cannot withdraw an approval under it
        CollectionFixture.submitSigned(mvc, signatures, districtRow, officer.as(), officer.key())
                .andExpect(status().isOk()).andExpect(jsonPath("$.channel").value("CONSOLIDATED"));
        step(s1, "unapproval", "{\"reason\": \"check\"}", district())
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.clause").value("EIS-6"));
        // the region returns the district's consolidation; now the district may unapprove with a reason
        step(districtRow, "return", "{\"comment\": \"recheck school 1\"}", TestUsers.region(REGION))
                .andExpect(status().isOk());
        step(s1, "unapproval", "{\"reason\": \"recheck the computers\"}", district())
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"));
        JsonNode history = body(mvc.perform(get("/api/v1/collection/submissions/" + s1).with(district())))
                .get("submission").get("history");
        assertThat(history.findValuesAsString("action"))
                .containsExactly("SUBMITTED", "RETURNED", "SUBMITTED", "ACCEPTED", "UNAPPROVED");
        assertThat(fixture.count("""
                select count(*) from audit_event where subject_type = 'collection-submission' and subject_id = ?
                   and purpose in ('submitted', 'returned', 'accepted', 'unapproved')""", String.valueOf(s1))).isEqualTo(5);
    }

    @Test
    @DisplayName("EIS-6 a district's consolidation goes up signed with the officer's personal key over the sums; signed over other data, with another person's key or from an account without an IIN it is refused on signature and nothing is written; openssl cms -verify accepts the stored signature")
    void consolidationSignedByTheOfficer() throws Exception {
        long period = publishedPeriod("P-signed-up", today.plusDays(30));
        long s1 = accepted(period, school1, head1, GOOD);
        accepted(period, school2, head2, GOOD);
        long districtRow = id(mvc.perform(post("/api/v1/collection/periods/" + period + "/consolidation")
                .with(officer.as())).andExpect(status().isOk()));
        byte[] signedBefore = mvc.perform(get("/api/v1/collection/submissions/" + districtRow + "/content")
                .with(officer.as())).andReturn().getResponse().getContentAsByteArray();
        String stale = Base64.getEncoder().encodeToString(signatures.sign(signedBefore, officer.key()));
        // a school's approval is withdrawn and its corrected data accepted: the sums the officer signed are no more
        step(s1, "unapproval", "{\"reason\": \"recount the computers\"}", district()).andExpect(status().isOk());
        step(s1, "return", "{\"comment\": \"42, not 40\"}", district()).andExpect(status().isOk());
        fill(s1, school1, GOOD.replace("\"computers\": 40", "\"computers\": 42")).andExpect(status().isOk());
        submitSigned(s1, school1, head1).andExpect(status().isOk());
        step(s1, "acceptance", null, district()).andExpect(status().isOk());
        mvc.perform(post("/api/v1/collection/submissions/" + districtRow + "/submission").with(officer.as())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"signature\": \"" + stale + "\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.clause").value("EIS-6"))
                .andExpect(jsonPath("$.errors[0].field").value("signature"))
                .andExpect(jsonPath("$.errors[0].reason").value(org.hamcrest.Matchers.containsString("өзгертілген")));
        // another person's key, and an officer whose account records no IIN
        var stranger = fixture.officer(keys, Role.DISTRICT_OFFICER, DISTRICT);
        CollectionFixture.submitSigned(mvc, signatures, districtRow, officer.as(), stranger.key())
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("signature"));
        CollectionFixture.submitSigned(mvc, signatures, districtRow, district(), officer.key())
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("signature"));
        mvc.perform(post("/api/v1/collection/submissions/" + districtRow + "/submission").with(officer.as()))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("signature"));
        assertThat(fixture.count("select count(*) from collection_submission_version where submission_id = ?",
                districtRow)).isZero();
        assertThat(fixture.count("select count(*) from collection_submission where id = ? and status = 'DRAFT'",
                districtRow)).isOne();
        assertThat(fixture.count("""
                select number_value from collection_value where submission_id = ? and field_code = 'computers'""",
                districtRow)).as("the refused submission's recomputed sums rolled back").isEqualTo(80);

        CollectionFixture.submitSigned(mvc, signatures, districtRow, officer.as(), officer.key())
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.channel").value("CONSOLIDATED"));
        var stored = fixture.owner.sql("""
                        select content, signature, certificate_serial from collection_submission_version
                         where submission_id = ? and version = 1""").param(districtRow)
                .query((rs, n) -> new Object[]{rs.getBytes(1), rs.getBytes(2), rs.getString(3)}).single();
        assertThat(new String((byte[]) stored[0], java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"level\":\"DISTRICT\"", "{\"field\":\"computers\",\"row\":\"\",\"value\":\"82\"}");
        assertThat((String) stored[2]).isEqualTo(officer.key().certificate().getSerialNumber().toString(16));
        var folder = java.nio.file.Files.createTempDirectory("eis6");
        java.nio.file.Files.write(folder.resolve("consolidation.json"), (byte[]) stored[0]);
        java.nio.file.Files.write(folder.resolve("consolidation.p7s"), (byte[]) stored[1]);
        java.nio.file.Files.copy(keys.testPkiFolder().orElseThrow().resolve(kz.bilim.signature.TestPki.CA_CERTIFICATE),
                folder.resolve("test-ca.pem"));
        Process openssl = new ProcessBuilder("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                "consolidation.p7s", "-content", "consolidation.json", "-CAfile", "test-ca.pem", "-out", "/dev/null")
                .directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes());
        assertThat(openssl.waitFor()).as(output).isZero();
        assertThat(output).contains("Verification successful");
    }

    static long value(JsonNode submission, String field, String row) {
        for (JsonNode v : submission.get("values"))
            if (v.get("field").asText().equals(field) && v.get("row").asText().equals(row)) return v.get("number").asLong();
        throw new AssertionError("no value " + field + "." + row);
    }

    @Test
    @DisplayName("EIS-8 an accepted submission found incorrect is marked distorted with the reason; the corrected version keeps the history and the counts show it")
    void distortion() throws Exception {
        long period = publishedPeriod("P-distorted", today.plusDays(30));
        long s1 = accepted(period, school1, head1, GOOD);
        step(s1, "distortion", "{\"reason\": \"40 computers reported, 12 found on inspection\"}", district())
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RETURNED"))
                .andExpect(jsonPath("$.distorted").value(true)).andExpect(jsonPath("$.distortions").value(1));
        fill(s1, school1, GOOD.replace("\"computers\": 40, \"computers_internet\": 35", "\"computers\": 12, \"computers_internet\": 10"))
                .andExpect(status().isOk());
        submitSigned(s1, school1, head1).andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));
        assertThat(fixture.count("select count(*) from collection_submission_version where submission_id = ?", s1)).isEqualTo(2);
        assertThat(fixture.count("""
                select count(*) from collection_submission_version where submission_id = ? and version = 1
                   and convert_from(content, 'UTF8') like '%"value":"40"%'""", s1)).isOne();
        mvc.perform(get("/api/v1/collection/periods/" + period + "/completeness").param("kato", DISTRICT).with(district()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.organisationId == " + school1 + ")].distorted").value(hasItem(1)))
                .andExpect(jsonPath("$[?(@.organisationId == " + school1 + ")].late").value(hasItem(1)));
    }

    @Test
    @DisplayName("EIS-6 entry closes at the district's deadline; the district grants a lock exception with an end date and the school submits")
    void lockException() throws Exception {
        long period = publishedPeriod("P-closed", saturday.plusDays(7));
        long s2 = submissionOf(period, school2);
        fill(s2, school2, GOOD).andExpect(status().isOk());
        submitSigned(s2, school2, head2).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.clause").value("EIS-6"));
        step(s2, "lock-exception", "{\"until\": \"" + today.minusDays(1) + "\", \"reason\": \"\"}", district())
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].field", hasItem("until")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("reason")));
        step(s2, "lock-exception", "{\"until\": \"" + today.plusDays(3) + "\", \"reason\": \"the school was closed by flood\"}",
                district())
                .andExpect(status().isOk()).andExpect(jsonPath("$.lockExceptionUntil").value(today.plusDays(3).toString()));
        submitSigned(s2, school2, head2).andExpect(status().isOk()).andExpect(jsonPath("$.late").value(true));
    }
}
