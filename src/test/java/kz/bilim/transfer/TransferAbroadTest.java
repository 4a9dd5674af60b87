package kz.bilim.transfer;

import kz.bilim.BilimTest;
import kz.bilim.identity.Iin;
import kz.bilim.identity.Sex;
import kz.bilim.platform.database.OwnerDataSource;
import kz.bilim.signature.SigningKeys;
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
import java.time.YearMonth;

import static kz.bilim.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * TR-15: on paper, a departure abroad is confirmed by a document instead of an arrival coupon; it is registered at
 * the child's own school and ends there with the expulsion order — no coupons, no receiving school.
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransferAbroadTest {

    static final String DISTRICT = "277400000";

    @Autowired MockMvc mvc;
    @Autowired OwnerDataSource ownerDataSource;
    @Autowired SigningKeys keys;
    @Autowired Clock clock;
    @Autowired JsonMapper json;

    TransferFixture fixture;
    String settlement;
    long school;
    long other;

    @BeforeAll
    void fixtures() {
        fixture = new TransferFixture(ownerDataSource, keys, YearMonth.of(2015, 8), 8160);
        settlement = fixture.registry.districtWithSettlement(DISTRICT, false);
        school = fixture.school(settlement, "Шетелге шығатын");
        other = fixture.school(settlement, "Шетелдік көрші");
    }

    RequestPostProcessor admin(long id) {
        return as(TransferFixture.schoolAdmin(id, fixture.kato(id)));
    }

    JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    MvcResult send(String path, RequestPostProcessor who, String content, String language) throws Exception {
        return mvc.perform(post(path).with(who).header("Accept-Language", language)
                .contentType(MediaType.APPLICATION_JSON).content(content)).andReturn();
    }

    Iin pupil(String lastName) {
        Iin child = fixture.childIin(5);
        long k = fixture.schoolClass(school, 5, "Ш" + child.value().substring(8), 25);
        fixture.pupil(child, lastName, school, k, 5, settlement);
        return child;
    }

    String paperForm(Iin child, String lastName, long requested, String document) {
        Iin applicant = fixture.registry.nextIin(LocalDate.of(1984, 3, 2), Sex.FEMALE);
        return TransferFixture.unsigned(TransferFixture.form(child, lastName, requested, LocalDate.now(clock).toString(),
                        "DEPARTURE_ABROAD", document, true, null))
                .replace("\"consent\"", "\"applicantIin\": \"" + applicant.value() + "\", \"applicantName\": \"Гүлнар Асқарқызы\", "
                        + "\"documents\": \"Өтініш; шығуды растайтын құжат\", \"consent\"");
    }

    @Test
    @DisplayName("TR-15 departure abroad on paper: registered at the own school with the confirming document, no arrival coupon, the expulsion order ends it")
    void abroadEndsAtTheDepartingSchool() throws Exception {
        Iin child = pupil("Шетелова");
        var registered = send("/api/v1/transfers/paper", admin(school),
                paperForm(child, "Шетелова", school, "Тұрақты тұруға кету туралы анықтама № 77-114"), "kk");
        assertThat(registered.getResponse().getStatus()).as(registered.getResponse().getContentAsString()).isEqualTo(201);
        long id = body(registered).get("id").asLong();
        assertThat(body(registered).get("departingOrganisationId").asLong()).isEqualTo(school);
        assertThat(body(registered).get("receivingOrganisationId").asLong()).isEqualTo(school);

        // no coupon on this route: the document replaces it
        var coupon = send("/api/v1/transfers/" + id + "/arrival-coupon", admin(school), "{}", "en");
        assertThat(coupon.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(coupon).get("clause").asString()).isEqualTo("TR-15");

        var noOrder = send("/api/v1/transfers/" + id + "/departure-abroad", admin(school), "{}", "ru");
        assertThat(noOrder.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(noOrder).get("errors").get(0).get("field").asString()).isEqualTo("expulsionOrder");

        var departed = send("/api/v1/transfers/" + id + "/departure-abroad", admin(school),
                "{\"expulsionOrder\": \"№ 14-ш\"}", "kk");
        assertThat(departed.getResponse().getStatus()).as(departed.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(body(departed).get("state").asString()).isEqualTo("DEPARTED_ABROAD");
        long person = body(departed).get("childPersonId").asLong();
        assertThat(fixture.owner.sql("select count(*) from enrolment where person_id = :p and enrolled_to is null")
                .param("p", person).query(Long.class).single()).isZero();
        assertThat(fixture.owner.sql("select expulsion_order from enrolment where person_id = :p")
                .param("p", person).query(String.class).list()).containsExactly("№ 14-ш");
        var stages = json.readTree(mvc.perform(get("/api/v1/transfers/" + id + "/stages").with(admin(school)))
                .andReturn().getResponse().getContentAsString());
        assertThat(stages.valueStream().map(s -> s.get("stage").asString())).containsExactly("SUBMITTED", "DEPARTED_ABROAD");
    }

    @Test
    @DisplayName("TR-15 TR-1 a departure abroad without the confirming document is refused on supportingDocument, nothing written")
    void abroadWithoutDocumentIsRefused() throws Exception {
        Iin child = pupil("Құжатсызова");
        long before = fixture.owner.sql("select count(*) from transfer_application").query(Long.class).single();
        var refused = send("/api/v1/transfers/paper", admin(school), paperForm(child, "Құжатсызова", school, null), "ru");
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
        var problem = body(refused);
        assertThat(problem.get("clause").asString()).isEqualTo("TR-15");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("supportingDocument");
        assertThat(problem.get("errors").get(0).get("reason").asString()).contains("подтверждающий документ");
        assertThat(fixture.owner.sql("select count(*) from transfer_application").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    @DisplayName("TR-15 a departure abroad is registered at the child's own school, not at another one")
    void abroadAtAnotherSchoolIsRefused() throws Exception {
        Iin child = pupil("Басқамектепова");
        var refused = send("/api/v1/transfers/paper", admin(other),
                paperForm(child, "Басқамектепова", other, "Анықтама № 5"), "en");
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(refused).get("clause").asString()).isEqualTo("TR-15");
        assertThat(body(refused).get("errors").get(0).get("field").asString()).isEqualTo("requestedOrganisationId");
    }
}
