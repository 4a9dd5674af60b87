package kz.bilim.transfer;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.calendar.WorkingCalendar;
import kz.bilim.identity.Iin;
import kz.bilim.platform.database.OwnerDataSource;
import kz.bilim.signature.Signatures;
import kz.bilim.signature.SigningKey;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Base64;

import static kz.bilim.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The applicant's portal over the API: a signed application filled from the registries (TR-2, TR-17, TR-18), every
 * bad input refused with the field named in the caller's language and nothing written, and the status in the cabinet
 * and at the contact centre (TR-17).
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransferPortalTest {

    static final String DISTRICT = "398800000";

    @Autowired MockMvc mvc;
    @Autowired OwnerDataSource ownerDataSource;
    @Autowired kz.bilim.signature.SigningKeys keys;
    @Autowired Signatures signatures;
    @Autowired WorkingCalendar calendar;
    @Autowired Clock clock;
    @Autowired JsonMapper json;

    TransferFixture fixture;
    String settlement;
    long departing;
    long receiving;
    TransferFixture.Applicant parent;
    TransferFixture.Applicant otherParent;

    @BeforeAll
    void fixtures() {
        fixture = new TransferFixture(ownerDataSource, keys, YearMonth.of(2012, 11), 8800);
        settlement = fixture.registry.districtWithSettlement(DISTRICT, true);
        departing = fixture.school(settlement, "Порталдан шығатын");
        receiving = fixture.school(settlement, "Порталға қабылдайтын");
        fixture.schoolClass(receiving, 5, "Ә", 25);
        parent = fixture.applicant("transfer.portal.parent");
        otherParent = fixture.applicant("transfer.portal.other");
    }

    String today() {
        return LocalDate.now(clock).toString();
    }

    Iin pupil(String lastName) {
        Iin iin = fixture.childIin(5);
        long schoolClass = fixture.schoolClass(departing, 5, "Б" + iin.value().substring(8), 25);
        fixture.pupil(iin, lastName, departing, schoolClass, 5, settlement);
        return iin;
    }

    String form(Iin child, String lastName, boolean consent) {
        return TransferFixture.form(child, lastName, receiving, today(), "MOVE", "Тұрғын үй куәлігі № 44", consent, null);
    }

    byte[] textToSign(TransferFixture.Applicant who, String form) throws Exception {
        var answer = mvc.perform(post("/api/v1/transfers/application-text").with(as(who.user()))
                        .contentType(MediaType.APPLICATION_JSON).content(TransferFixture.unsigned(form)))
                .andReturn().getResponse();
        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(200);
        return Base64.getDecoder().decode(json.readTree(answer.getContentAsString()).get("content").asString());
    }

    MvcResult submit(TransferFixture.Applicant who, String form, byte[] signature, String language) throws Exception {
        return mvc.perform(post("/api/v1/transfers").with(as(who.user())).header("Accept-Language", language)
                .contentType(MediaType.APPLICATION_JSON).content(TransferFixture.withSignature(form, signature))).andReturn();
    }

    long applications(Iin child) {
        return fixture.owner.sql("select count(*) from transfer_application where child_iin = :iin")
                .param("iin", child.value()).query(Long.class).single();
    }

    JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    @Test
    @DisplayName("TR-17 TR-18 a signed application is registered, filled from the registries, with its 1-working-day term (TR-13)")
    void signedApplication() throws Exception {
        Iin child = pupil("Сәрсенова");
        String form = form(child, "сәрсенова", true);
        byte[] signature = signatures.sign(textToSign(parent, form), parent.key());
        Instant before = clock.instant();
        var result = submit(parent, form, signature, "kk");
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
        var a = body(result);
        assertThat(a.get("state").asString()).isEqualTo("SUBMITTED");
        assertThat(a.get("route").asString()).isEqualTo("PORTAL");
        assertThat(a.get("childName").asString()).isEqualTo("Сәрсенова Әлия");
        assertThat(a.get("childBirthDate").asString()).isEqualTo(child.birthDate().toString());
        assertThat(a.get("grade").asInt()).isEqualTo(5);
        assertThat(a.get("applicantIin").asString()).isEqualTo(parent.iin().value());
        assertThat(a.get("applicantName").asString()).isEqualTo("Жанар Мұратқызы Тоқтарова");
        assertThat(a.get("departingOrganisationId").asLong()).isEqualTo(departing);
        assertThat(a.get("receivingOrganisationId").asLong()).isEqualTo(receiving);
        assertThat(a.get("settlement").asString()).isEqualTo("Аумақ " + settlement);
        assertThat(a.get("region").asString()).isEqualTo("Қостанай облысы");
        assertThat(a.get("foreignChild").asBoolean()).isFalse();
        var term = calendar.term(before, 1);
        assertThat(OffsetDateTime.parse(a.get("dueAt").asString()).toInstant())
                .isIn(term.due().toInstant(), calendar.term(clock.instant(), 1).due().toInstant());
        long id = a.get("id").asLong();
        assertThat(fixture.owner.sql("select count(*) from transfer_stage where application_id = :id and stage = 'SUBMITTED'")
                .param("id", id).query(Long.class).single()).isEqualTo(1);

        // TR-17: status in the personal cabinet
        var mine = json.readTree(mvc.perform(get("/api/v1/transfers/mine").with(as(parent.user())))
                .andReturn().getResponse().getContentAsString());
        assertThat(mine.valueStream().map(n -> n.get("id").asLong())).contains(id);
        // another parent sees nothing of it
        assertThat(mvc.perform(get("/api/v1/transfers/" + id).with(as(otherParent.user()))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        // TR-17: the contact centre reads the stage and the term, and no personal data
        var status = mvc.perform(get("/api/v1/transfers/" + id + "/status").with(TestUsers.contactCentre()))
                .andReturn().getResponse();
        assertThat(status.getStatus()).isEqualTo(200);
        assertThat(status.getContentAsString()).contains("\"state\":\"SUBMITTED\"", "dueAt")
                .doesNotContain(child.value(), parent.iin().value(), "Сәрсенова", "Тоқтарова");
        // a second application for the same child while the first is open is refused
        var again = submit(parent, form, signature, "en");
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(applications(child)).isEqualTo(1);
    }

    @Test
    @DisplayName("TR-17 with Prefer: return=minimal the signed submission answers 201 with its Location only; the application is registered there")
    void minimalAnswer() throws Exception {
        Iin child = pupil("Минималова");
        String form = form(child, "Минималова", true);
        byte[] signature = signatures.sign(textToSign(parent, form), parent.key());
        var answer = mvc.perform(post("/api/v1/transfers").with(as(parent.user())).header("Prefer", "return=minimal")
                .contentType(MediaType.APPLICATION_JSON).content(TransferFixture.withSignature(form, signature)))
                .andReturn().getResponse();
        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(201);
        assertThat(answer.getContentAsString()).isEmpty();
        assertThat(answer.getHeader("Preference-Applied")).isEqualTo("return=minimal");
        String location = answer.getHeader("Location");
        assertThat(location).matches("/api/v1/transfers/[0-9]+");
        var registered = json.readTree(mvc.perform(get(location).with(as(parent.user()))).andReturn().getResponse()
                .getContentAsString());
        assertThat(registered.get("state").asString()).isEqualTo("SUBMITTED");
        assertThat(registered.get("childIin").asString()).isEqualTo(child.value());
        assertThat(applications(child)).isEqualTo(1);
        // the read of the child's record and the application, both in the trail (written together at the commit)
        long id = registered.get("id").asLong();
        assertThat(fixture.owner.sql("""
                        select count(*) from audit_event where action = 'READ' and subject_type = 'person'
                           and subject_id = :person and purpose = 'transfer-application' and actor = :actor""")
                .param("person", String.valueOf(registered.get("childPersonId").asLong()))
                .param("actor", parent.user().getUsername()).query(Long.class).single()).isGreaterThanOrEqualTo(2); // text and submission
        assertThat(fixture.owner.sql("""
                        select count(*) from audit_event where action = 'CREATE' and subject_type = 'transfer'
                           and subject_id = :id and actor = :actor and actor_role = 'APPLICANT'""")
                .param("id", String.valueOf(id)).param("actor", parent.user().getUsername())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @DisplayName("TR-17 a tampered application (a field changed after signing) is refused on the signature, nothing written")
    void tampered() throws Exception {
        Iin child = pupil("Жұмабаева");
        String signedForm = form(child, "Жұмабаева", true);
        byte[] signature = signatures.sign(textToSign(parent, signedForm), parent.key());
        String changed = signedForm.replace("Абай даңғылы, 10", "Абай даңғылы, 12");
        var result = submit(parent, changed, signature, "ru");
        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        var problem = body(result);
        assertThat(problem.get("clause").asString()).isEqualTo("TR-17");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("signature");
        assertThat(applications(child)).isZero();
        // a signature of garbage bytes, and none at all
        assertThat(submit(parent, signedForm, new byte[]{1, 2, 3}, "en").getResponse().getStatus()).isEqualTo(422);
        var none = submit(parent, signedForm, null, "en");
        assertThat(none.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(none).get("errors").get(0).get("field").asString()).isEqualTo("signature");
        assertThat(applications(child)).isZero();
    }

    @Test
    @DisplayName("TR-17 a valid signature by another person's certificate is refused: the IIN must be the applicant's")
    void anotherPersonsCertificate() throws Exception {
        Iin child = pupil("Омарова");
        String form = form(child, "Омарова", true);
        SigningKey someoneElse = otherParent.key();
        var result = submit(parent, form, signatures.sign(textToSign(parent, form), someoneElse), "en");
        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(result).get("clause").asString()).isEqualTo("TR-17");
        assertThat(result.getResponse().getContentAsString()).contains("signature");
        assertThat(applications(child)).isZero();
    }

    @Test
    @DisplayName("TR-16 without consent to the use of protected data: refused on ground 6 naming consent, nothing written")
    void noConsent() throws Exception {
        Iin child = pupil("Ахметова");
        String form = form(child, "Ахметова", false);
        var result = submit(parent, form, signatures.sign(textToSign(parent, form), parent.key()), "kk");
        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        var problem = body(result);
        assertThat(problem.get("clause").asString()).isEqualTo("TR-16");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("consent");
        assertThat(problem.get("errors").get(0).get("reason").asString()).contains("келісім");
        assertThat(applications(child)).isZero();
    }

    @Test
    @DisplayName("TR-18 a child not in the registry, a bad IIN and a bad phone: 422 naming each field in Russian, nothing written")
    void badInput() throws Exception {
        Iin unknown = fixture.childIin(5);
        var result = mvc.perform(post("/api/v1/transfers/application-text").with(as(parent.user()))
                .header("Accept-Language", "ru").contentType(MediaType.APPLICATION_JSON)
                .content(TransferFixture.unsigned(form(unknown, "Белгісіз", true)))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(result).get("errors").get(0).get("field").asString()).isEqualTo("childIin");
        assertThat(body(result).get("errors").get(0).get("reason").asString()).contains("реестре");

        String bad = form(unknown, "Белгісіз", true).replace(unknown.value(), "123456789012")
                .replace("+7 701 234 56 78", "12");
        var both = mvc.perform(post("/api/v1/transfers").with(as(parent.user())).header("Accept-Language", "ru")
                .contentType(MediaType.APPLICATION_JSON).content(TransferFixture.unsigned(bad))).andReturn();
        assertThat(both.getResponse().getStatus()).isEqualTo(422);
        var fields = body(both).get("errors").valueStream().map(e -> e.get("field").asString()).toList();
        assertThat(fields).contains("childIin", "parentPhone");
        assertThat(applications(unknown)).isZero();
    }

    void link(Iin child, Iin parentIin) {
        fixture.owner.sql("insert into person_parent (person_id, parent_iin) select id, :parent from person where iin = :iin")
                .param("parent", parentIin.value()).param("iin", child.value()).update();
    }

    @Test
    @DisplayName("TR-18 a child the registry links to other parents only: the text and the submission refused on childIin, nothing written; a linked parent applies")
    void childOfOthers() throws Exception {
        Iin child = pupil("Нұрланова");
        link(child, otherParent.iin());
        String form = form(child, "Нұрланова", true);
        var text = mvc.perform(post("/api/v1/transfers/application-text").with(as(parent.user()))
                .header("Accept-Language", "ru").contentType(MediaType.APPLICATION_JSON)
                .content(TransferFixture.unsigned(form))).andReturn();
        assertThat(text.getResponse().getStatus()).isEqualTo(422);
        assertThat(text.getResponse().getContentType()).startsWith("application/problem+json");
        var problem = body(text);
        assertThat(problem.get("clause").asString()).isEqualTo("TR-18");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("childIin");
        assertThat(problem.get("errors").get(0).get("reason").asString()).contains("другие родители");
        // a signature made anyhow (here over the linked parent's text) changes nothing: refused before it is read
        var result = submit(parent, form, signatures.sign(textToSign(otherParent, form), parent.key()), "kk");
        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(result).get("errors").get(0).get("field").asString()).isEqualTo("childIin");
        assertThat(body(result).get("errors").get(0).get("reason").asString()).contains("басқа ата-анасы");
        assertThat(applications(child)).isZero();

        // the parent the registry links applies
        var linked = submit(otherParent, form, signatures.sign(textToSign(otherParent, form), otherParent.key()), "en");
        assertThat(linked.getResponse().getStatus()).as(linked.getResponse().getContentAsString()).isEqualTo(201);
        assertThat(applications(child)).isEqualTo(1);
    }

    @Test
    @DisplayName("TR-1 on a school day without one of the four grounds the application is refused citing TR-1, nothing written")
    void outsideTheWindow() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(calendar.isSchoolHoliday(LocalDate.now(clock), 5),
                "today is in the school holidays");
        Iin child = pupil("Қасымова");
        String form = TransferFixture.form(child, "Қасымова", receiving, today(), null, null, true, null);
        var result = submit(parent, form, signatures.sign(textToSign(parent, form), parent.key()), "en");
        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(result).get("clause").asString()).as(result.getResponse().getContentAsString()).isEqualTo("TR-1");
        assertThat(body(result).get("errors").get(0).get("field").asString()).isEqualTo("exceptionGround");
        assertThat(applications(child)).isZero();
    }

    @Test
    @DisplayName("TR-17 a staff member or an account without an IIN cannot apply on the portal")
    void onlyApplicants() throws Exception {
        Iin child = pupil("Серікова");
        String form = form(child, "Серікова", true);
        var school = mvc.perform(post("/api/v1/transfers").with(as(TransferFixture.schoolAdmin(receiving, fixture.kato(receiving))))
                .contentType(MediaType.APPLICATION_JSON).content(TransferFixture.unsigned(form))).andReturn();
        assertThat(school.getResponse().getStatus()).isEqualTo(403);
        var noIin = new kz.bilim.access.BilimUser(parent.user().id(), "no.iin", "", "Ата-ана",
                kz.bilim.kernel.Role.APPLICANT, kz.bilim.kernel.Scope.none(), "", null, "en", true, 0);
        var result = mvc.perform(post("/api/v1/transfers").with(as(noIin)).contentType(MediaType.APPLICATION_JSON)
                .content(TransferFixture.unsigned(form))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(applications(child)).isZero();
    }
}
