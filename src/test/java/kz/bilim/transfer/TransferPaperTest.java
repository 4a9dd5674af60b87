package kz.bilim.transfer;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.calendar.WorkingCalendar;
import kz.bilim.identity.Iin;
import kz.bilim.platform.database.OwnerDataSource;
import kz.bilim.signature.SigningKeys;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;

import static kz.bilim.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The paper route (TR-2, TR-5…TR-8): registered at the receiving school with a 3-working-day term (TR-13), the
 * arrival coupon valid 3 working days, the departure coupon and the personal file, the orders that move the
 * enrolment; a coupon presented late is refused (TR-8). The stages for monitoring (TR-9) and the rule notices (TR-3).
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransferPaperTest {

    static final String DISTRICT = "398700000";

    @Autowired MockMvc mvc;
    @Autowired OwnerDataSource ownerDataSource;
    @Autowired SigningKeys keys;
    @Autowired WorkingCalendar calendar;
    @Autowired Clock clock;
    @Autowired JsonMapper json;

    TransferFixture fixture;
    String settlement;
    long departing;
    long receiving;
    long sixth;

    @BeforeAll
    void fixtures() {
        fixture = new TransferFixture(ownerDataSource, keys, YearMonth.of(2013, 1), 8700);
        settlement = fixture.registry.districtWithSettlement(DISTRICT, false);
        departing = fixture.school(settlement, "Қағаздан шығатын");
        receiving = fixture.school(settlement, "Қағазға қабылдайтын");
        sixth = fixture.schoolClass(receiving, 6, "А", 25);
    }

    RequestPostProcessor school(long id) {
        return as(TransferFixture.schoolAdmin(id, fixture.kato(id)));
    }

    JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    MvcResult post(String path, RequestPostProcessor who, String content) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).with(who)
                .header("Accept-Language", "kk").contentType(MediaType.APPLICATION_JSON).content(content)).andReturn();
    }

    long paperApplication(String lastName) throws Exception {
        Iin child = fixture.childIin(6);
        long schoolClass = fixture.schoolClass(departing, 6, "Қ" + child.value().substring(8), 25);
        fixture.pupil(child, lastName, departing, schoolClass, 6, settlement);
        Iin applicant = fixture.registry.nextIin(LocalDate.of(1985, 1, 20), kz.bilim.identity.Sex.MALE);
        String form = TransferFixture.unsigned(TransferFixture.form(child, lastName, receiving,
                LocalDate.now(clock).toString(), "COURT_DECISION", "Сот шешімі № 2-117/2026", true, null))
                .replace("\"consent\"", "\"applicantIin\": \"" + applicant.value() + "\", \"applicantName\": \"Ерлан Серікұлы Әбенов\", "
                        + "\"documents\": \"Өтініш; сот шешімінің көшірмесі\", \"consent\"");
        var result = post("/api/v1/transfers/paper", school(receiving), form);
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
        return body(result).get("id").asLong();
    }

    String pdfText(long id, String file, RequestPostProcessor who) throws Exception {
        var answer = mvc.perform(get("/api/v1/transfers/" + id + "/" + file).with(who)).andReturn().getResponse();
        assertThat(answer.getStatus()).isEqualTo(200);
        try (var document = Loader.loadPDF(answer.getContentAsByteArray())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    @DisplayName("TR-2 TR-5 TR-6 TR-7 paper route: arrival coupon valid 3 working days, departure coupon with the file, orders move the enrolment")
    void paperRoute() throws Exception {
        long id = paperApplication("Әбенова");
        var a = json.readTree(mvc.perform(get("/api/v1/transfers/" + id).with(school(receiving))).andReturn()
                .getResponse().getContentAsString());
        assertThat(a.get("route").asString()).isEqualTo("PAPER");
        // TR-13: the paper term is 3 working days from registration
        var registered = OffsetDateTime.parse(a.get("registeredAt").asString()).atZoneSameInstant(clock.getZone());
        assertThat(OffsetDateTime.parse(a.get("dueAt").asString()).toInstant())
                .isEqualTo(calendar.due(registered.toLocalDate(), 3).toInstant());

        var coupon = post("/api/v1/transfers/" + id + "/arrival-coupon", school(receiving), "{}");
        assertThat(coupon.getResponse().getStatus()).as(coupon.getResponse().getContentAsString()).isEqualTo(200);
        var issuedOn = LocalDate.parse(body(coupon).get("arrivalCouponIssuedOn").asString());
        assertThat(issuedOn).isEqualTo(calendar.processingDay(clock.instant()));
        assertThat(OffsetDateTime.parse(body(coupon).get("arrivalCouponValidTo").asString()).toInstant())
                .isEqualTo(calendar.due(issuedOn, 3).toInstant());
        assertThat(pdfText(id, "arrival-coupon.pdf", school(receiving)))
                .contains("Келген білім алушыны есепке алу талоны", "Әбенова Әлия", "Талон об учёте прибывшего");

        // only the departing school issues the departure coupon
        assertThat(post("/api/v1/transfers/" + id + "/departure-coupon", school(receiving), "{}").getResponse().getStatus())
                .isEqualTo(403);
        var departure = post("/api/v1/transfers/" + id + "/departure-coupon", school(departing), "{}");
        assertThat(departure.getResponse().getStatus()).as(departure.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(body(departure).get("state").asString()).isEqualTo("DEPARTURE_COUPON_ISSUED");
        assertThat(pdfText(id, "departure-coupon.pdf", school(departing))).contains("Жеке іспен", "личным делом");

        var admitted = post("/api/v1/transfers/" + id + "/admit", school(receiving), "{\"classId\": " + sixth + ", \"admissionOrder\": \"№ 31-қ\"}");
        assertThat(admitted.getResponse().getStatus()).as(admitted.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(body(admitted).get("state").asString()).isEqualTo("ADMITTED");
        long person = body(admitted).get("childPersonId").asLong();
        assertThat(fixture.owner.sql("select organisation_id from enrolment where person_id = :p and enrolled_to is null")
                .param("p", person).query(Long.class).list()).containsExactly(receiving);

        // TR-9: every stage, with who and when
        var stages = json.readTree(mvc.perform(get("/api/v1/transfers/" + id + "/stages").with(school(receiving)))
                .andReturn().getResponse().getContentAsString());
        assertThat(stages.valueStream().map(s -> s.get("stage").asString()))
                .containsExactly("SUBMITTED", "ARRIVAL_COUPON_ISSUED", "DEPARTURE_COUPON_ISSUED", "ADMITTED");
        assertThat(stages.valueStream().map(s -> s.get("actor").asString()))
                .contains("test.transfer.school." + receiving, "test.transfer.school." + departing);
    }

    @Test
    @DisplayName("TR-8 TR-15 an arrival coupon presented after its 3 working days: refused citing TR-8, the receipt lists the documents submitted")
    void lateCoupon() throws Exception {
        long id = paperApplication("Кешікова");
        assertThat(post("/api/v1/transfers/" + id + "/arrival-coupon", school(receiving), "{}").getResponse().getStatus())
                .isEqualTo(200);
        fixture.owner.sql("update transfer_application set arrival_coupon_valid_to = now() - interval '1 minute' where id = :id")
                .param("id", id).update();
        var late = post("/api/v1/transfers/" + id + "/departure-coupon", school(departing), "{}");
        assertThat(late.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(late).get("clause").asString()).isEqualTo("TR-8");
        var a = json.readTree(mvc.perform(get("/api/v1/transfers/" + id).with(school(receiving))).andReturn()
                .getResponse().getContentAsString());
        assertThat(a.get("state").asString()).isEqualTo("REFUSED");
        assertThat(a.get("refusalGround").asString()).isEqualTo("TERM_MISSED");
        assertThat(pdfText(id, "refusal-receipt.pdf", school(receiving)))
                .contains("Ерлан Серікұлы Әбенов", "Өтініш; сот шешімінің көшірмесі", "мерзімі өтіп кетті");
        // the pupil did not move
        assertThat(fixture.owner.sql("select organisation_id from enrolment where person_id = :p and enrolled_to is null")
                .param("p", a.get("childPersonId").asLong()).query(Long.class).list()).containsExactly(departing);
    }

    @Test
    @DisplayName("TR-9 the district sees counts by stage and overdue, and the monitoring export carries stages without names or IINs")
    void monitoring() throws Exception {
        long id = paperApplication("Бақылаулы");
        var district = TestUsers.district(DISTRICT);
        var counts = json.readTree(mvc.perform(get("/api/v1/transfers/monitoring").with(district)).andReturn()
                .getResponse().getContentAsString());
        assertThat(counts.get("PAPER.SUBMITTED").asLong()).isPositive();
        assertThat(counts.has("overdue")).isTrue();
        String today = LocalDate.now(clock).toString();
        var csv = mvc.perform(get("/api/v1/transfers/monitoring/stages.csv?from=" + today + "&to=" + today).with(district))
                .andReturn().getResponse();
        assertThat(csv.getStatus()).isEqualTo(200);
        String text = csv.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("application_id,route,stage,at,actor_role").contains(id + ",PAPER,SUBMITTED,")
                .doesNotContain("Бақылаулы", "Әбенов");
        assertThat(text).doesNotContainPattern("[0-9]{12}");
        // a school of another district sees none of it
        var elsewhere = json.readTree(mvc.perform(get("/api/v1/transfers/monitoring").with(TestUsers.district("398100000")))
                .andReturn().getResponse().getContentAsString());
        assertThat(elsewhere.has("PAPER.SUBMITTED")).isFalse();
        var badDate = mvc.perform(get("/api/v1/transfers/monitoring/stages.csv?from=yesterday&to=" + today).with(district))
                .andReturn().getResponse();
        assertThat(badDate.getStatus()).isEqualTo(422);
        assertThat(badDate.getContentAsString()).contains("\"field\":\"from\"");
    }

    @Test
    @DisplayName("TR-3 a change of the rules records three notices due at 18:30 of the 3rd working day; late ones are marked")
    void ruleNotices() throws Exception {
        var change = post("/api/v1/transfers/rule-changes", TestUsers.ministry(),
                "{\"registeredOn\": \"2026-03-20\", \"what\": \"Order No. 54-NK of 03.03.2026: point 17 in a new wording\"}");
        assertThat(change.getResponse().getStatus()).as(change.getResponse().getContentAsString()).isEqualTo(201);
        var notices = body(change).get("notices");
        assertThat(notices.valueStream().map(n -> n.get("addressee").asString()))
                .containsExactlyInAnyOrder("EGOV_OPERATOR", "PROVIDERS", "CONTACT_CENTRE");
        // 20 March 2026: Nauryz 21-23 and the days off 24-25 March; 26, 27, 30 March are the three working days
        assertThat(notices.valueStream().map(n -> OffsetDateTime.parse(n.get("dueAt").asString()).toString()))
                .containsOnly("2026-03-30T18:30+05:00");
        assertThat(notices.valueStream().allMatch(n -> n.get("late").asBoolean()))
                .isEqualTo(clock.instant().isAfter(OffsetDateTime.parse("2026-03-30T18:30+05:00").toInstant()));
        long first = notices.get(0).get("id").asLong();
        var sent = post("/api/v1/transfers/rule-notices/" + first + "/sent", TestUsers.ministry(), "{}");
        assertThat(sent.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(sent).get("sentAt").isNull()).isFalse();
        assertThat(post("/api/v1/transfers/rule-notices/" + first + "/sent", TestUsers.ministry(), "{}").getResponse()
                .getStatus()).isEqualTo(409);
        // only the ministry records changes; a missing text is named
        assertThat(post("/api/v1/transfers/rule-changes", TestUsers.district(DISTRICT), "{\"registeredOn\": \"2026-03-20\", \"what\": \"x\"}")
                .getResponse().getStatus()).isEqualTo(403);
        var missing = post("/api/v1/transfers/rule-changes", TestUsers.ministry(), "{\"registeredOn\": \"2026-03-20\"}");
        assertThat(missing.getResponse().getStatus()).isEqualTo(422);
        assertThat(missing.getResponse().getContentAsString()).contains("\"field\":\"what\"");
        var list = mvc.perform(get("/api/v1/transfers/rule-notices").with(TestUsers.contactCentre())).andReturn().getResponse();
        assertThat(list.getStatus()).isEqualTo(200);
        assertThat(list.getContentAsString()).contains("CONTACT_CENTRE");
    }
}
