package kz.bilim.transfer;

import kz.bilim.BilimTest;
import kz.bilim.identity.Iin;
import kz.bilim.platform.database.OwnerDataSource;
import kz.bilim.signature.SigningKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.time.YearMonth;

import static kz.bilim.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The pages: the parent applies on the form (signed on the server with the test key, marked as demo), sees the
 * stage in the cabinet in Kazakh and Russian (TR-17); the school accepts on its desk and the notification appears
 * (TR-4); bad input is shown in place.
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransferPagesTest {

    static final String DISTRICT = "398500000";

    @Autowired MockMvc mvc;
    @Autowired OwnerDataSource ownerDataSource;
    @Autowired SigningKeys keys;

    TransferFixture fixture;
    long receiving;
    long target;
    String receivingBin;
    String settlement;
    long departing;
    TransferFixture.Applicant parent;

    @BeforeAll
    void fixtures() {
        fixture = new TransferFixture(ownerDataSource, keys, YearMonth.of(2013, 3), 8500);
        settlement = fixture.registry.districtWithSettlement(DISTRICT, false);
        departing = fixture.school(settlement, "Беттен шығатын");
        receiving = fixture.school(settlement, "Бетке қабылдайтын");
        target = fixture.schoolClass(receiving, 4, "А", 25);
        receivingBin = fixture.owner.sql("select bin from organisation where id = :id").param("id", receiving)
                .query(String.class).single();
        parent = fixture.applicant("transfer.pages.parent");
        fixture.store(parent.key());
    }

    Iin pupil(String lastName) {
        Iin child = fixture.childIin(4);
        fixture.pupil(child, lastName, departing, fixture.schoolClass(departing, 4, "Е" + child.value().substring(8), 25),
                4, settlement);
        return child;
    }

    @Test
    @DisplayName("TR-17 TR-18 the parent applies on the page (demo signature marked), the school accepts on its desk, the notice is in the cabinet")
    void applyAndAccept() throws Exception {
        for (String lang : new String[]{"kk", "ru"}) {
            var form = mvc.perform(get("/transfers/apply?lang=" + lang).with(as(parent.user()))).andReturn().getResponse();
            assertThat(form.getStatus()).isEqualTo(200);
            assertThat(form.getContentAsString()).contains("id=\"apply-form\"", "id=\"demo-signing\"")
                    .contains(lang.equals("kk") ? "Басқа мектепке ауыстыру" : "Перевод в другую школу");
        }
        Iin child = pupil("Бетова");
        var submitted = mvc.perform(post("/transfers/apply").with(as(parent.user())).with(csrf())
                .param("childIin", child.value()).param("childLastName", "Бетова").param("parentPhone", "+7 701 000 11 22")
                .param("registeredAddress", "Тәуелсіздік к-сі, 3").param("schoolBin", receivingBin)
                .param("consent", "true").param("exceptionGround", "MOVE").param("supportingDocument", "Пәтер шарты № 9"))
                .andReturn().getResponse();
        assertThat(submitted.getStatus()).as(submitted.getContentAsString()).isEqualTo(302);
        String location = submitted.getRedirectedUrl();
        assertThat(location).matches("/transfers/\\d+\\?submitted");
        long id = Long.parseLong(location.replaceAll("\\D+", ""));
        var detail = mvc.perform(get("/transfers/" + id + "?lang=ru").with(as(parent.user()))).andReturn().getResponse();
        assertThat(detail.getContentAsString()).contains("Бетова Әлия", "Демо-подпись", "Подано, ожидает решения");
        var mine = mvc.perform(get("/transfers/mine").with(as(parent.user()))).andReturn().getResponse();
        assertThat(mine.getContentAsString()).contains("transfer-" + id, "Бетова Әлия");

        var school = as(TransferFixture.schoolAdmin(receiving, fixture.kato(receiving)));
        var desk = mvc.perform(get("/transfers/desk").with(school)).andReturn().getResponse();
        assertThat(desk.getStatus()).isEqualTo(200);
        assertThat(desk.getContentAsString()).contains("transfer-" + id);
        var page = mvc.perform(get("/transfers/" + id).with(school)).andReturn().getResponse();
        assertThat(page.getContentAsString()).contains("id=\"accept-form\"", "id=\"refuse-form\"");
        var accepted = mvc.perform(post("/transfers/" + id + "/accept").with(school).with(csrf())
                .param("classId", Long.toString(target)).param("admissionOrder", "№ 4-қ")).andReturn().getResponse();
        assertThat(accepted.getStatus()).as(accepted.getContentAsString()).isEqualTo(302);
        var after = mvc.perform(get("/transfers/" + id).with(as(parent.user()))).andReturn().getResponse();
        assertThat(after.getContentAsString()).contains("doc-notice", "Қабылданды");
        var pdf = mvc.perform(get("/transfers/" + id + "/notice.pdf").with(as(parent.user()))).andReturn().getResponse();
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(new String(pdf.getContentAsByteArray(), 0, 5)).isEqualTo("%PDF-");
    }

    @Test
    @DisplayName("TR-18 bad input on the page is shown next to its field in the page's language, nothing submitted")
    void badInputInPlace() throws Exception {
        var answer = mvc.perform(post("/transfers/apply?lang=ru").with(as(parent.user())).with(csrf())
                .param("childIin", "12345").param("childLastName", "").param("parentPhone", "x")
                .param("registeredAddress", "").param("schoolBin", receivingBin)).andReturn().getResponse();
        assertThat(answer.getStatus()).isEqualTo(200);
        String html = answer.getContentAsString();
        assertThat(html).contains("id=\"childIin-error\"", "id=\"parentPhone-error\"", "id=\"registeredAddress-error\"",
                "Неверный ИИН");
        var unknownSchool = mvc.perform(post("/transfers/apply").with(as(parent.user())).with(csrf())
                .param("childIin", "12345").param("schoolBin", "000000000000")).andReturn().getResponse();
        assertThat(unknownSchool.getContentAsString()).contains("id=\"schoolBin-error\"");
    }

    @Test
    @DisplayName("TR-2 TR-17 the parent's children linked in the registry are listed; picking one fills IIN, surname and grade, the read audited, and the application goes through")
    void linkedChildren() throws Exception {
        var mother = fixture.applicant("transfer.pages.mother");
        fixture.store(mother.key());
        Iin child = fixture.childIin(4);
        long person = fixture.pupil(child, "Байланысова", departing,
                fixture.schoolClass(departing, 4, "Ж" + child.value().substring(8), 25), 4, settlement);
        var before = mvc.perform(get("/transfers/apply?lang=kk").with(as(mother.user()))).andReturn().getResponse();
        assertThat(before.getContentAsString()).doesNotContain("id=\"my-children\"");
        fixture.linkParent(person, mother.iin());

        var list = mvc.perform(get("/transfers/apply?lang=kk").with(as(mother.user()))).andReturn().getResponse();
        assertThat(list.getContentAsString()).contains("id=\"my-children\"", "Байланысова Әлия", "4-сынып",
                "Тізілімдегі балаларыңыз", "/transfers/apply?child=" + child.value());
        assertThat(fixture.owner.sql("select count(*) from audit_event where subject_type = 'person' and subject_id = :p"
                        + " and purpose = 'transfer-children'").param("p", Long.toString(person)).query(Long.class).single())
                .isPositive();
        var picked = mvc.perform(get("/transfers/apply?lang=ru&child=" + child.value()).with(as(mother.user())))
                .andReturn().getResponse().getContentAsString();
        assertThat(picked).contains("value=\"" + child.value() + "\"", "value=\"Байланысова\"", "Ваши дети в реестре");
        // another parent's child is not filled in
        var other = mvc.perform(get("/transfers/apply?child=" + child.value()).with(as(parent.user())))
                .andReturn().getResponse().getContentAsString();
        assertThat(other).doesNotContain("value=\"" + child.value() + "\"", "id=\"my-children\"");

        var submitted = mvc.perform(post("/transfers/apply").with(as(mother.user())).with(csrf())
                .param("childIin", child.value()).param("childLastName", "Байланысова").param("grade", "4")
                .param("parentPhone", "+7 701 000 11 23").param("registeredAddress", "Абай к-сі, 1")
                .param("schoolBin", receivingBin).param("consent", "true").param("exceptionGround", "MOVE")
                .param("supportingDocument", "Пәтер шарты № 10")).andReturn().getResponse();
        assertThat(submitted.getStatus()).as(submitted.getContentAsString()).isEqualTo(302);
        assertThat(submitted.getRedirectedUrl()).matches("/transfers/\\d+\\?submitted");
    }
}
