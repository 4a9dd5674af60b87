package kz.bilim.enrolment;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.identity.Iin;
import kz.bilim.identity.Sex;
import kz.bilim.kernel.Almaty;
import kz.bilim.organisation.AcademicYear;
import kz.bilim.organisation.RegistryFixture;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A school types an IIN of a child registered in another region: what it must know, and what it learns. */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdmissionOfRegisteredPersonTest {

    static final String HOME = "278000000";
    static final String SCHOOL_DISTRICT = "438000000";
    static final LocalDate TODAY = LocalDate.now(Almaty.ZONE);
    static final int YEAR = AcademicYear.current(Clock.system(Almaty.ZONE)).startYear();

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;

    RegistryFixture fixture;
    String home;
    String settlement;
    long school;
    long grade6;
    long preschoolClass;
    long childId;
    Iin child;
    LocalDate born;

    @BeforeAll
    void fixtures() {
        fixture = new RegistryFixture(ownerDataSource, YearMonth.of(2007, 4), 8000);
        home = fixture.districtWithSettlement(HOME, false);
        settlement = fixture.districtWithSettlement(SCHOOL_DISTRICT, false);
        school = fixture.organisation(settlement, "Жұлдыз", "GENERAL_SECONDARY_SCHOOL", 1, "kk");
        grade6 = fixture.schoolClass(school, settlement, YEAR, 6, "А", "kk", 25);
        preschoolClass = fixture.schoolClass(school, settlement, YEAR, 0, "А", "kk", 25);
        born = LocalDate.of(YEAR - 12, 3, 3);
        child = fixture.nextIin(born, Sex.FEMALE);
        childId = fixture.person(child, "Серікбаева", "Дана", home);
    }

    String admission(long schoolClass, Iin iin, String lastName, String firstName, LocalDate birthDate) {
        return """
                {"organisationId": %d, "classId": %d, "from": "%s", "admissionOrder": "№ 9-қ",
                 "person": {"iin": "%s", "lastName": "%s", "firstName": "%s", "birthDate": "%s",
                            "residenceKato": "%s"}}
                """.formatted(school, schoolClass, TODAY, iin.value(), lastName, firstName, birthDate, settlement);
    }

    long enrolmentsOfChild() {
        return fixture.owner().sql("select count(*) from enrolment where person_id = :id").param("id", childId)
                .query(Long.class).single();
    }

    @Test
    @DisplayName("TR-7 an IIN with any other name links no record: refused, the registry's name not shown, nothing written")
    void wrongNameRefused() throws Exception {
        mvc.perform(post("/api/v1/enrolments").with(TestUsers.district(SCHOOL_DISTRICT)).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content(admission(grade6, child, "Иванова", "Мария", born)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("person.iin"))
                .andExpect(jsonPath("$.errors[0].reason")
                        .value("the name and birth date do not agree with the registry record of this IIN"))
                .andExpect(content().string(not(containsString("Серікбаева"))))
                .andExpect(content().string(not(containsString(HOME.substring(0, 4)))));
        assertThat(enrolmentsOfChild()).isZero();
    }

    @Test
    @DisplayName("TR-7 the child's name and birth date as registered link the record; the home territory's trail records the admission")
    void agreeingDataLinkAndAuditAtHome() throws Exception {
        mvc.perform(post("/api/v1/enrolments").with(TestUsers.district(SCHOOL_DISTRICT))
                        .contentType(MediaType.APPLICATION_JSON).content(admission(grade6, child, "серікбаева ", "Дана", born)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.personId").value(childId));
        assertThat(fixture.owner().sql("""
                        select count(*) from audit_event where subject_type = 'person' and subject_id = :id
                           and kato = :home and purpose = 'admission'
                        """).param("id", String.valueOf(childId)).param("home", home).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    @DisplayName("an eighteen-year-old is not admitted to a pre-school class")
    void ageForGrade() throws Exception {
        var adult = fixture.nextIin(LocalDate.of(YEAR - 18, 1, 5), Sex.MALE);
        mvc.perform(post("/api/v1/enrolments").with(TestUsers.district(SCHOOL_DISTRICT))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(admission(preschoolClass, adult, "Ержанов", "Ерлан", LocalDate.of(YEAR - 18, 1, 5))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("classId"));
    }

    @Test
    @DisplayName("TR-17 the contact centre answers about applications, not from the registry: no child's record, no pupil list")
    void contactCentreReadsNoPersonalData() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/persons/" + childId)
                        .with(TestUsers.contactCentre()))
                .andExpect(status().isForbidden());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/organisations/" + school + "/pupils")
                        .with(TestUsers.contactCentre()))
                .andExpect(status().isForbidden());
        org.assertj.core.api.Assertions.assertThat(kz.bilim.kernel.Role.CONTACT_CENTRE.readsPersonalData()).isFalse();
    }
}
