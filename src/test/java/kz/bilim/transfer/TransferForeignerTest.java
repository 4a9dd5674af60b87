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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import static kz.bilim.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * TR-11: a child who is not a citizen of Kazakhstan comes under order No. 468 — the application carries the document
 * of permanent residence (a foreigner's residence permit, a stateless person's certificate); without it, refused.
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransferForeignerTest {

    @Autowired MockMvc mvc;
    @Autowired OwnerDataSource ownerDataSource;
    @Autowired SigningKeys keys;
    @Autowired Clock clock;
    @Autowired JsonMapper json;

    TransferFixture fixture;
    String settlement;
    long departing;
    long receiving;

    @BeforeAll
    void fixtures() {
        fixture = new TransferFixture(ownerDataSource, keys, YearMonth.of(2015, 9), 8170);
        settlement = fixture.registry.districtWithSettlement("277500000", false);
        departing = fixture.school(settlement, "Шетелдік шығатын");
        receiving = fixture.school(settlement, "Шетелдік қабылдайтын");
    }

    Iin pupil(String lastName, String citizenship) {
        Iin child = fixture.childIin(4);
        long k = fixture.schoolClass(departing, 4, "Ф" + child.value().substring(8), 25);
        long person = fixture.pupil(child, lastName, departing, k, 4, settlement);
        fixture.owner.sql("update person set citizenship = :c where id = :id").param("c", citizenship).param("id", person).update();
        return child;
    }

    MvcResult paper(Iin child, String lastName, String residenceDocument, String language) throws Exception {
        Iin applicant = fixture.registry.nextIin(LocalDate.of(1986, 7, 9), Sex.MALE);
        String form = TransferFixture.unsigned(TransferFixture.form(child, lastName, receiving,
                        LocalDate.now(clock).toString(), "MOVE", "Пәтер шарты № 44", true, null))
                .replace("\"consent\"", "\"applicantIin\": \"" + applicant.value() + "\", \"applicantName\": \"Рустам Каримов\", "
                        + (residenceDocument == null ? "" : "\"residenceDocument\": \"" + residenceDocument + "\", ")
                        + "\"consent\"");
        return mvc.perform(post("/api/v1/transfers/paper").with(as(TransferFixture.schoolAdmin(receiving, fixture.kato(receiving))))
                .header("Accept-Language", language).contentType(MediaType.APPLICATION_JSON).content(form)).andReturn();
    }

    JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    @Test
    @DisplayName("TR-11 a foreign child's application without the residence permit is refused on residenceDocument; with it, registered and marked")
    void foreignChildNeedsTheResidencePermit() throws Exception {
        Iin child = pupil("Каримова", "UZ");
        long before = fixture.owner.sql("select count(*) from transfer_application").query(Long.class).single();
        var refused = paper(child, "Каримова", null, "ru");
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(body(refused).get("clause").asString()).isEqualTo("TR-11");
        assertThat(body(refused).get("errors").get(0).get("field").asString()).isEqualTo("residenceDocument");
        assertThat(body(refused).get("errors").get(0).get("reason").asString()).contains("вид на жительство");
        assertThat(fixture.owner.sql("select count(*) from transfer_application").query(Long.class).single()).isEqualTo(before);

        var registered = paper(child, "Каримова", "Ықтиярхат № 0012345, 01.02.2024", "kk");
        assertThat(registered.getResponse().getStatus()).as(registered.getResponse().getContentAsString()).isEqualTo(201);
        assertThat(body(registered).get("foreignChild").asBoolean()).isTrue();
        assertThat(body(registered).get("residenceDocument").asString()).isEqualTo("Ықтиярхат № 0012345, 01.02.2024");
    }

    @Test
    @DisplayName("TR-11 a stateless child needs the stateless person's certificate; a citizen's application needs no such document")
    void statelessAndCitizen() throws Exception {
        var stateless = paper(pupil("Азаматсыз", "XX"), "Азаматсыз", null, "en");
        assertThat(stateless.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(stateless).get("errors").get(0).get("reason").asString()).contains("stateless person's certificate");

        var citizen = paper(pupil("Азаматова", "KZ"), "Азаматова", null, "en");
        assertThat(citizen.getResponse().getStatus()).as(citizen.getResponse().getContentAsString()).isEqualTo(201);
        assertThat(body(citizen).get("foreignChild").asBoolean()).isFalse();
    }
}
