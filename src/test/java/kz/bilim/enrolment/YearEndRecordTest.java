package kz.bilim.enrolment;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.identity.Sex;
import kz.bilim.organisation.AcademicYear;
import kz.bilim.organisation.RegistryFixture;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * SC-5 input of indicator 19: a school records its pupils' year-end outcomes on a page (the class's pupils from the
 * registry, the council's day and decision once, one choice per pupil) and over the API — all or none, audited; a bad
 * field is named (problem+json, or the form's message at its place, kk/ru); a school records only its own pupils.
 * Fixture: district 6315 (East Kazakhstan), BINs of February 2018, IIN serial 9940.
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YearEndRecordTest {

    @Autowired
    OwnerDataSource ownerDataSource;
    @Autowired
    MockMvc mvc;

    RegistryFixture registry;
    String kato;
    long school;
    long otherSchool;
    long classA;
    long first;
    long second;
    long third;
    long stranger;
    long fresh;
    long byApi;
    int year;
    LocalDate today;

    @BeforeAll
    void registry() {
        registry = new RegistryFixture(ownerDataSource, YearMonth.of(2018, 2), 9940);
        kato = registry.districtWithSettlement("631500000", false);
        school = registry.organisation(kato, "Қорытынды-Мектеп", "GENERAL_SECONDARY_SCHOOL", 1, "kk");
        otherSchool = registry.organisation(kato, "Қорытынды-Басқа", "GENERAL_SECONDARY_SCHOOL", 1, "kk");
        year = AcademicYear.current(Clock.systemDefaultZone()).startYear();
        today = LocalDate.now();
        var from = LocalDate.of(year, 9, 1);
        classA = registry.schoolClass(school, kato, year, 7, "Ә", "kk", 25);
        long otherClass = registry.schoolClass(otherSchool, kato, year, 7, "Б", "kk", 25);
        first = pupil("Қорытындыбаева", "Аружан", 2013, Sex.FEMALE, school, classA, from);
        second = pupil("Қорытындыбаев", "Нұржан", 2013, Sex.MALE, school, classA, from);
        third = pupil("Қорытындыұлы", "Ален", 2012, Sex.MALE, school, classA, from);
        fresh = pupil("Жаңабаева", "Томирис", 2013, Sex.FEMALE, school, classA, from);
        byApi = pupil("Апибаев", "Санжар", 2012, Sex.MALE, school, classA, from);
        stranger = pupil("Бөгдебаев", "Тимур", 2013, Sex.MALE, otherSchool, otherClass, from);
    }

    private long pupil(String last, String first, int born, Sex sex, long organisation, long schoolClass, LocalDate from) {
        long person = registry.person(registry.nextIin(LocalDate.of(born, 3, 10), sex), last, first, kato);
        return registry.enrolment(person, organisation, schoolClass, kato, 7, from);
    }

    private long count(String sql) {
        return registry.owner().sql(sql).query(Long.class).single();
    }

    private long recorded(long enrolment) {
        return count("select count(*) from pupil_year_end where enrolment_id = " + enrolment);
    }

    @Test
    @DisplayName("SC-5 the year-end page lists the class's pupils from the registry with 'promoted' preselected (kk, ru)")
    void pageListsTheClass() throws Exception {
        mvc.perform(get("/organisations/" + school + "/year-end").param("classId", String.valueOf(classA))
                        .with(TestUsers.organisationAdmin(school, kato)).header("Accept-Language", "kk"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Оқу жылының қорытындысы")))
                .andExpect(content().string(containsString("Қорытындыбаева Аружан")))
                .andExpect(content().string(containsString("Жаңабаева Томирис")))
                .andExpect(content().string(containsString("name=\"outcomes[" + fresh + "]\"")))
                .andExpect(content().string(containsString("selected=\"selected\">Келесі сыныпқа көшірілді")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Бөгдебаев"))));
        mvc.perform(get("/organisations/" + school + "/year-end").with(TestUsers.organisationAdmin(school, kato))
                        .header("Accept-Language", "ru"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Итоги учебного года")))
                .andExpect(content().string(containsString("Переведён в следующий класс")));
    }

    @Test
    @DisplayName("SC-5 the form records the chosen outcomes at once and audits each; recorded ones are shown, not offered again")
    void formRecords() throws Exception {
        mvc.perform(post("/organisations/" + school + "/year-end").with(TestUsers.organisationAdmin(school, kato))
                        .with(csrf()).param("classId", String.valueOf(classA)).param("on", today.toString())
                        .param("basis", "Педкеңес хаттамасы № 7").param("outcomes[" + first + "]", "PROMOTED")
                        .param("outcomes[" + second + "]", "NOT_PROMOTED").param("outcomes[" + third + "]", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/organisations/" + school + "/year-end?classId=*"));
        assertThat(count("select count(*) from pupil_year_end where enrolment_id = " + first
                + " and outcome = 'PROMOTED' and school_year = " + AcademicYear.containing(today).startYear())).isOne();
        assertThat(count("select count(*) from pupil_year_end where enrolment_id = " + second
                + " and outcome = 'NOT_PROMOTED' and basis = 'Педкеңес хаттамасы № 7'")).isOne();
        assertThat(recorded(third)).as("left blank: not recorded now").isZero();
        assertThat(count("select count(*) from audit_event where action = 'UPDATE' and subject_type = 'enrolment' and "
                + "subject_id in ('" + first + "', '" + second + "') and details ->> 'change' = 'yearEnd'")).isEqualTo(2);
        mvc.perform(get("/organisations/" + school + "/year-end").param("classId", String.valueOf(classA))
                        .with(TestUsers.organisationAdmin(school, kato)).header("Accept-Language", "ru"))
                .andExpect(content().string(containsString("Не переведён (остаётся на повторное обучение)")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("name=\"outcomes[" + second + "]\""))))
                .andExpect(content().string(containsString("name=\"outcomes[" + third + "]\"")));
    }

    @Test
    @DisplayName("SC-5 a bad form shows the message at its field (ru) and writes nothing")
    void formRefuses() throws Exception {
        long before = count("select count(*) from pupil_year_end");
        mvc.perform(post("/organisations/" + school + "/year-end").with(TestUsers.organisationAdmin(school, kato))
                        .with(csrf()).header("Accept-Language", "ru").param("classId", String.valueOf(classA))
                        .param("on", today.toString()).param("basis", " ").param("outcomes[" + third + "]", "PROMOTED"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"basis-error\"")));
        mvc.perform(post("/organisations/" + school + "/year-end").with(TestUsers.organisationAdmin(school, kato))
                        .with(csrf()).header("Accept-Language", "ru").param("classId", String.valueOf(classA))
                        .param("on", today.toString()).param("basis", "Протокол № 8")
                        .param("outcomes[" + third + "]", "PROMOTED").param("outcomes[" + stranger + "]", "PROMOTED"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Это не ученик этой организации.")));
        assertThat(count("select count(*) from pupil_year_end")).as("all or none").isEqualTo(before);
    }

    @Test
    @DisplayName("SC-5 the API records a school's lines; bad input is problem+json naming the field (kk, ru)")
    void api() throws Exception {
        mvc.perform(post("/api/v1/organisations/" + school + "/year-end").with(TestUsers.organisationAdmin(school, kato))
                        .with(csrf()).header("Accept-Language", "ru").contentType("application/json")
                        .content("{\"on\": \"" + today + "\", \"basis\": \"Протокол № 9\", \"lines\": ["
                                + "{\"enrolmentId\": " + byApi + ", \"outcome\": \"GRADUATED\"}]}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].outcome"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("Неизвестный итог")));
        mvc.perform(post("/api/v1/organisations/" + school + "/year-end").with(TestUsers.organisationAdmin(school, kato))
                        .with(csrf()).header("Accept-Language", "kk").contentType("application/json")
                        .content("{\"on\": \"" + today.plusDays(3) + "\", \"basis\": \"Хаттама № 9\", \"lines\": ["
                                + "{\"enrolmentId\": " + byApi + ", \"outcome\": \"COMPLETED\"}]}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("on"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("шешім күні")));
        assertThat(recorded(byApi)).isZero();
        mvc.perform(post("/api/v1/organisations/" + school + "/year-end").with(TestUsers.organisationAdmin(school, kato))
                        .with(csrf()).contentType("application/json")
                        .content("{\"on\": \"" + today + "\", \"basis\": \"Хаттама № 9\", \"lines\": ["
                                + "{\"enrolmentId\": " + byApi + ", \"outcome\": \"completed\"}]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.recorded").value(1));
        assertThat(count("select count(*) from pupil_year_end where enrolment_id = " + byApi
                + " and outcome = 'COMPLETED'")).isOne();
    }

    @Test
    @DisplayName("SC-5 scope: a school records only its own pupils; another school's page and lines are refused, nothing written")
    void scope() throws Exception {
        // the other school's administrator names this school's pupil: not one of theirs
        mvc.perform(post("/api/v1/organisations/" + otherSchool + "/year-end")
                        .with(TestUsers.organisationAdmin(otherSchool, kato)).with(csrf()).contentType("application/json")
                        .content("{\"on\": \"" + today + "\", \"basis\": \"Хаттама № 1\", \"lines\": ["
                                + "{\"enrolmentId\": " + stranger + ", \"outcome\": \"PROMOTED\"}, "
                                + "{\"enrolmentId\": " + first + ", \"outcome\": \"PROMOTED\"}]}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("lines[1].enrolment"));
        assertThat(recorded(stranger)).as("all or none").isZero();
        // the district office sees both schools, yet a line of one school's record is that school's pupil only
        mvc.perform(post("/api/v1/organisations/" + school + "/year-end").with(TestUsers.district("631500000"))
                        .with(csrf()).contentType("application/json")
                        .content("{\"on\": \"" + today + "\", \"basis\": \"Хаттама № 2\", \"lines\": ["
                                + "{\"enrolmentId\": " + stranger + ", \"outcome\": \"PROMOTED\"}]}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].enrolment"));
        assertThat(recorded(stranger)).isZero();
        // nor may they open or post to this school's page (out of their scope: not found)
        mvc.perform(get("/organisations/" + school + "/year-end").with(TestUsers.organisationAdmin(otherSchool, kato)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/organisations/" + school + "/year-end")
                        .with(TestUsers.organisationAdmin(otherSchool, kato)).with(csrf()).contentType("application/json")
                        .content("{\"on\": \"" + today + "\", \"basis\": \"Хаттама № 1\", \"lines\": ["
                                + "{\"enrolmentId\": " + second + ", \"outcome\": \"PROMOTED\"}]}"))
                .andExpect(status().isNotFound());
        // the statistics analyst has no business with pupils' records
        mvc.perform(get("/organisations/" + school + "/year-end").with(TestUsers.statistics()))
                .andExpect(status().isForbidden());
    }
}
