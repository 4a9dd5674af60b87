package kz.bilim.organisation;

import kz.bilim.kernel.Almaty;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.identity.Sex;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The registry's and the pupils' pages: ids the browser test relies on, field errors in place, scope (CA-2). */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryPagesTest {

    static final String DISTRICT_A = "479100000";
    static final String DISTRICT_B = "479200000";
    static final int YEAR = AcademicYear.current(java.time.Clock.system(Almaty.ZONE)).startYear();

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;

    RegistryFixture fixture;
    String settlementA;
    String settlementB;
    long schoolA;
    long schoolB;
    long classA;
    long classB;
    long personB;
    long enrolmentB;

    @BeforeAll
    void fixtures() {
        fixture = new RegistryFixture(ownerDataSource, YearMonth.of(2003, 7), 3000);
        settlementA = fixture.districtWithSettlement(DISTRICT_A, false);
        settlementB = fixture.districtWithSettlement(DISTRICT_B, true);
        schoolA = fixture.organisation(settlementA, "Шұғыла", "GENERAL_SECONDARY_SCHOOL", 2, "kk", "ru");
        schoolB = fixture.organisation(settlementB, "Жұлдыз", "PRIMARY_SCHOOL", 1, "kk");
        classA = fixture.schoolClass(schoolA, settlementA, YEAR, 7, "Б", "ru", 25);
        classB = fixture.schoolClass(schoolB, settlementB, YEAR, 3, "А", "kk", 25);
        long personA = fixture.person(fixture.nextIin(LocalDate.of(2012, 2, 2), Sex.MALE), "Беков", "Ержан", settlementA);
        fixture.enrolment(personA, schoolA, classA, settlementA, 7, LocalDate.now(Almaty.ZONE).minusDays(5));
        personB = fixture.person(fixture.nextIin(LocalDate.of(2016, 3, 3), Sex.FEMALE), "Әлиева", "Дана", settlementB);
        enrolmentB = fixture.enrolment(personB, schoolB, classB, settlementB, 3, LocalDate.now(Almaty.ZONE).minusDays(5));
    }

    @Test
    @DisplayName("the organisation list has the filter form, table and total the browser test uses, and filters by name")
    void listPage() throws Exception {
        mvc.perform(get("/organisations").param("q", "шұғыла").param("kind", "GENERAL_SECONDARY_SCHOOL")
                        .param("lang", "kk").with(TestUsers.ministry()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"organisation-filter\""),
                        containsString("id=\"filter-q\""), containsString("name=\"q\""),
                        containsString("id=\"filter-kind\""), containsString("id=\"filter-submit\""),
                        containsString("id=\"organisation-table\""),
                        containsString("<strong id=\"organisation-total\">1</strong>"),
                        containsString("Шұғыла мектебі"), containsString("Жалпы орта білім беретін мектеп"))));
    }

    @Test
    @DisplayName("the organisation page shows contacts and classes with occupancy \"enrolled / capacity\"")
    void detailPage() throws Exception {
        mvc.perform(get("/organisations/" + schoolA).param("lang", "ru").with(TestUsers.district(DISTRICT_A)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Школа Шұғыла"), containsString("1 / 25"),
                        containsString("Контакты"), containsString("/classes/" + classA + "/edit"))));
    }

    @Test
    @DisplayName("a bad BIN in the form is shown in place next to the field, in the reader's language")
    void formErrorsInPlace() throws Exception {
        mvc.perform(post("/organisations").with(TestUsers.district(DISTRICT_A)).with(csrf()).param("lang", "en")
                        .param("bin", "123").param("nameKk", "Мектеп").param("nameRu", "Школа")
                        .param("kind", "PRIMARY_SCHOOL").param("ownership", "STATE").param("kato", settlementA)
                        .param("languages", "kk").param("shifts", "1").param("occupancyNorm", "25"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"bin-error\""),
                        containsString("must have exactly 12 digits"))));
        mvc.perform(post("/organisations/" + schoolA + "/classes").with(TestUsers.district(DISTRICT_A)).with(csrf())
                        .param("lang", "en").param("academicYear", Integer.toString(YEAR)).param("grade", "4")
                        .param("letter", "В").param("language", "kk").param("shift", "3"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"shift-error\""),
                        containsString("the organisation works in 2 shift(s) only"))));
        mvc.perform(post("/organisations/" + schoolA + "/classes").with(TestUsers.district(DISTRICT_A)).with(csrf())
                        .param("academicYear", Integer.toString(YEAR)).param("grade", "4")
                        .param("letter", "В").param("language", "kk").param("shift", "2"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/organisations/*"));
    }

    @Test
    @DisplayName("the admission form shows an IIN/birth-date mismatch in place, and a valid admission lands on the pupils tab")
    void admitForm() throws Exception {
        var iin = fixture.nextIin(LocalDate.of(2012, 8, 8), Sex.FEMALE);
        String today = LocalDate.now(Almaty.ZONE).toString();
        mvc.perform(post("/organisations/" + schoolA + "/admit").with(TestUsers.district(DISTRICT_A)).with(csrf())
                        .param("lang", "ru").param("classId", Long.toString(classA)).param("from", today)
                        .param("admissionOrder", "12").param("iin", iin.value()).param("lastName", "Омарова")
                        .param("firstName", "Сая").param("birthDate", "2012-08-09").param("residenceKato", settlementA))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"birthDate-error\""),
                        containsString("не совпадает с датой рождения в цифрах 1–6 ИИН"))));
        mvc.perform(post("/organisations/" + schoolA + "/admit").with(TestUsers.district(DISTRICT_A)).with(csrf())
                        .param("classId", Long.toString(classA)).param("from", today)
                        .param("admissionOrder", "12").param("iin", iin.value()).param("lastName", "Омарова")
                        .param("firstName", "Сая").param("birthDate", "2012-08-08").param("residenceKato", settlementA))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/organisations/" + schoolA + "/pupils?classId=" + classA))
                .andExpect(flash().attributeExists("admitted", "admittedPerson"));
        mvc.perform(get("/classes/" + classA + "/pupils").with(TestUsers.district(DISTRICT_A)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Омарова Сая")));
        long admitted = fixture.owner().sql("""
                select e.id from enrolment e join person p on p.id = e.person_id where p.iin = :iin""")
                .param("iin", iin.value()).query(Long.class).single();
        String list = mvc.perform(get("/organisations/" + schoolA + "/pupils").param("classId", Long.toString(classA))
                        .param("lang", "ru").flashAttr("admitted", admitted).flashAttr("admittedPerson", 0L)
                        .with(TestUsers.district(DISTRICT_A)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("id=\"admitted\"", "Учащийся зачислен");
        String highlighted = list.substring(list.indexOf("class=\"mine\""));
        assertThat(highlighted.substring(0, highlighted.indexOf("</tr>"))).contains("Омарова Сая");
    }

    @Test
    @DisplayName("CA-2 a district officer opens no page of another district's organisation, class, pupils or person (404)")
    void districtScopeOnPages() throws Exception {
        var officerA = TestUsers.district(DISTRICT_A);
        for (String url : new String[]{"/organisations/" + schoolB, "/organisations/" + schoolB + "/edit",
                "/organisations/" + schoolB + "/classes/new", "/classes/" + classB + "/edit",
                "/organisations/" + schoolB + "/pupils", "/classes/" + classB + "/pupils",
                "/organisations/" + schoolB + "/admit", "/enrolments/" + enrolmentB + "/expel", "/persons/" + personB}) {
            mvc.perform(get(url).with(officerA)).andExpect(status().isNotFound());
        }
        mvc.perform(post("/organisations/" + schoolB).with(officerA).with(csrf()).param("nameRu", "X"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/classes/" + classB).with(officerA).with(csrf()).param("grade", "3").param("letter", "Б"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/enrolments/" + enrolmentB + "/expel").with(officerA).with(csrf())
                .param("date", LocalDate.now(Almaty.ZONE).toString()).param("expulsionOrder", "1"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/organisations").with(officerA))
                .andExpect(content().string(allOf(containsString("Шұғыла"), not(containsString("Жұлдыз")))));
        mvc.perform(get("/enrolments").with(officerA))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Беков"), not(containsString("Әлиева")))));
        // the officer of district B opens them
        var officerB = TestUsers.district(DISTRICT_B);
        mvc.perform(get("/persons/" + personB).with(officerB))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Әлиева Дана")));
        mvc.perform(get("/organisations/" + schoolB + "/edit").with(officerB)).andExpect(status().isOk());
        assertThat(fixture.owner().sql("""
                        select count(*) from audit_event where subject_type = 'person' and subject_id = :id
                           and action = 'READ' and purpose = 'page:person'
                        """).param("id", Long.toString(personB)).query(Long.class).single()).isPositive();
    }

    @Test
    @DisplayName("CA-2 an organisation's administrator sees only their school; SC-3 a statistics analyst no pupils (403)")
    void organisationAdminAndStatistics() throws Exception {
        var admin = TestUsers.organisationAdmin(schoolA, settlementA);
        mvc.perform(get("/organisations/" + schoolB).with(admin)).andExpect(status().isNotFound());
        mvc.perform(get("/organisations").with(admin))
                .andExpect(content().string(containsString("<strong id=\"organisation-total\">1</strong>")));
        mvc.perform(get("/organisations/" + schoolA + "/edit").with(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("<fieldset disabled=\"disabled\">")));
        mvc.perform(get("/organisations/" + schoolB).with(TestUsers.statistics())).andExpect(status().isOk());
        mvc.perform(get("/persons/" + personB).with(TestUsers.statistics())).andExpect(status().isForbidden());
        mvc.perform(get("/enrolments").with(TestUsers.statistics())).andExpect(status().isForbidden());
        mvc.perform(get("/organisations/" + schoolB + "/pupils").with(TestUsers.statistics()))
                .andExpect(status().isForbidden());
    }
}
