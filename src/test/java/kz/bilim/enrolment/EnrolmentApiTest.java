package kz.bilim.enrolment;

import kz.bilim.kernel.Almaty;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.identity.Iin;
import kz.bilim.identity.Sex;
import kz.bilim.organisation.AcademicYear;
import kz.bilim.organisation.RegistryFixture;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@BilimTest
@RecordApplicationEvents
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnrolmentApiTest {

    static final String DISTRICT_A = "599100000";
    static final String DISTRICT_B = "599200000";
    static final LocalDate TODAY = LocalDate.now(Almaty.ZONE);
    static final int YEAR = AcademicYear.current(java.time.Clock.system(Almaty.ZONE)).startYear();

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;
    @Autowired
    ApplicationEvents events;

    RegistryFixture fixture;
    String settlementA;
    String settlementB;
    long schoolA;
    long schoolB;
    long grade5A;
    long grade1A;
    long grade10A;
    long grade5B;
    long personB;
    long enrolmentB;

    @BeforeAll
    void fixtures() {
        fixture = new RegistryFixture(ownerDataSource, YearMonth.of(2002, 5), 2000);
        settlementA = fixture.districtWithSettlement(DISTRICT_A, false);
        settlementB = fixture.districtWithSettlement(DISTRICT_B, false);
        schoolA = fixture.organisation(settlementA, "Алтын", "GENERAL_SECONDARY_SCHOOL", 2, "kk", "ru");
        schoolB = fixture.organisation(settlementB, "Күміс", "GENERAL_SECONDARY_SCHOOL", 1, "kk");
        grade5A = fixture.schoolClass(schoolA, settlementA, YEAR, 5, "А", "kk", 25);
        grade1A = fixture.schoolClass(schoolA, settlementA, YEAR, 1, "А", "kk", 2);
        grade10A = fixture.schoolClass(schoolA, settlementA, YEAR, 10, "А", "ru", 2);
        grade5B = fixture.schoolClass(schoolB, settlementB, YEAR, 5, "Ә", "kk", 25);
        for (int i = 0; i < 25; i++) enrol(grade5A, schoolA, settlementA, 5, LocalDate.of(2014, 3, 1 + i));
        for (int i = 0; i < 2; i++) enrol(grade1A, schoolA, settlementA, 1, LocalDate.of(2018, 4, 1 + i));
        for (int i = 0; i < 2; i++) enrol(grade10A, schoolA, settlementA, 10, LocalDate.of(2009, 5, 1 + i));
        var iinB = fixture.nextIin(LocalDate.of(2014, 6, 6), Sex.FEMALE);
        personB = fixture.person(iinB, "Серікова", "Айым", settlementB);
        enrolmentB = fixture.enrolment(personB, schoolB, grade5B, settlementB, 5, TODAY.minusDays(3));
    }

    long enrol(long schoolClass, long school, String kato, int grade, LocalDate birth) {
        var iin = fixture.nextIin(birth, Sex.MALE);
        long person = fixture.person(iin, "Оқушы", "Бала", kato);
        return fixture.enrolment(person, school, schoolClass, kato, grade, TODAY.minusDays(3));
    }

    String admission(long school, long schoolClass, Iin iin, String birthDate, LocalDate from) {
        return """
                {"organisationId": %d, "classId": %d, "from": "%s", "admissionOrder": "№ 17-қ",
                 "person": {"iin": "%s", "lastName": "Ахметов", "firstName": "Нұрлан", "birthDate": "%s",
                            "residenceKato": "%s"}}
                """.formatted(school, schoolClass, from, iin.value(), birthDate, settlementA);
    }

    RequestPostProcessor officerA() {
        return TestUsers.district(DISTRICT_A);
    }

    @Test
    @DisplayName("TR-10 the 26th pupil of a grade-5 class with capacity 25 is refused (422 RULE_REFUSED, TR-10) and nothing is written")
    void twentySixthRefused() throws Exception {
        var iin = fixture.nextIin(LocalDate.of(2014, 9, 9), Sex.MALE);
        mvc.perform(post("/api/v1/enrolments").with(officerA()).header("Accept-Language", "ru")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(admission(schoolA, grade5A, iin, "2014-09-09", TODAY)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("RULE_REFUSED"))
                .andExpect(jsonPath("$.clause").value("TR-10"))
                .andExpect(jsonPath("$.detail").value("класс 5А заполнен: норма наполняемости — 25 учащихся"));
        assertThat(fixture.owner().sql("select count(*) from person where iin = :iin").param("iin", iin.value())
                .query(Long.class).single()).as("the person registered on the way is rolled back").isZero();
    }

    @Test
    @DisplayName("TR-10 grades 1 and 10 are not limited by the clause: a full class still admits")
    void gradesOneAndTenNotLimited() throws Exception {
        var first = fixture.nextIin(LocalDate.of(2018, 7, 7), Sex.FEMALE);
        mvc.perform(post("/api/v1/enrolments").with(officerA()).contentType(MediaType.APPLICATION_JSON)
                        .content(admission(schoolA, grade1A, first, "2018-07-07", TODAY)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.grade").value(1));
        var tenth = fixture.nextIin(LocalDate.of(2009, 8, 8), Sex.MALE);
        mvc.perform(post("/api/v1/enrolments").with(officerA()).contentType(MediaType.APPLICATION_JSON)
                        .content(admission(schoolA, grade10A, tenth, "2009-08-08", TODAY)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.grade").value(10));
    }

    @Test
    @DisplayName("TR-7 admission and expulsion orders are recorded, events published; never in two schools at once")
    void admissionAndExpulsionByOrder() throws Exception {
        var iin = fixture.nextIin(LocalDate.of(2017, 2, 2), Sex.MALE);
        String body = admission(schoolA, grade1A, iin, "", TODAY.minusDays(2)).replace("\"birthDate\": \"\",", "");
        var admitted = mvc.perform(post("/api/v1/enrolments").with(TestUsers.organisationAdmin(schoolA, settlementA))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.admissionOrder").value("№ 17-қ"))
                .andExpect(jsonPath("$.active").value(true))
                .andReturn().getResponse().getContentAsString();
        long enrolment = Long.parseLong(admitted.replaceAll(".*\"id\":(\\d+).*", "$1"));
        assertThat(events.stream(PupilAdmitted.class).filter(e -> e.enrolmentId().value() == enrolment)).hasSize(1);

        // district B's officer does not see the pupil; TR-7 is checked over every territory and refuses the second school
        String toB = admission(schoolB, grade5B, iin, "2017-02-02", TODAY.minusDays(1)).replace(settlementA, settlementB);
        mvc.perform(post("/api/v1/enrolments").with(TestUsers.district(DISTRICT_B)).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content(toB))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("RULE_REFUSED"))
                .andExpect(jsonPath("$.clause").value("TR-7"));

        mvc.perform(post("/api/v1/enrolments/" + enrolment + "/expulsion").with(officerA())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\": \"%s\", \"expulsionOrder\": \"№ 4-ш\"}".formatted(TODAY.minusDays(1))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.expulsionOrder").value("№ 4-ш"))
                .andExpect(jsonPath("$.to").value(TODAY.minusDays(1).toString()))
                .andExpect(jsonPath("$.active").value(false));
        assertThat(events.stream(PupilExpelled.class).filter(e -> e.enrolmentId().value() == enrolment)).hasSize(1);
        mvc.perform(post("/api/v1/enrolments/" + enrolment + "/expulsion").with(officerA())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\": \"%s\", \"expulsionOrder\": \"№ 5-ш\"}".formatted(TODAY)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.clause").value("TR-7"));

        // now the receiving school admits the same person (found by IIN, one person per IIN)
        mvc.perform(post("/api/v1/enrolments").with(TestUsers.district(DISTRICT_B))
                        .contentType(MediaType.APPLICATION_JSON).content(admission(schoolB, grade5B, iin, "2017-02-02", TODAY)
                                .replace(settlementA, settlementB)))
                .andExpect(status().isCreated());
        assertThat(fixture.owner().sql("select count(*) from person where iin = :iin").param("iin", iin.value())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(fixture.owner().sql("""
                        select string_agg(admission_order || '/' || coalesce(expulsion_order, '-'), ',' order by e.id)
                          from enrolment e join person p on p.id = e.person_id where p.iin = :iin
                        """).param("iin", iin.value()).query(String.class).single())
                .isEqualTo("№ 17-қ/№ 4-ш,№ 17-қ/-");
    }

    @Test
    @DisplayName("bad input names the field: IIN check digit, birth date and sex that disagree with the IIN, a class of another school")
    void badInput() throws Exception {
        var iin = fixture.nextIin(LocalDate.of(2013, 3, 3), Sex.MALE);
        mvc.perform(post("/api/v1/enrolments").with(officerA()).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(admission(schoolA, grade1A, iin, "2013-03-04", TODAY)
                                .replace("\"residenceKato\"", "\"sex\": \"female\", \"residenceKato\"")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("INVALID_INPUT"))
                .andExpect(jsonPath("$.errors[?(@.field == 'person.birthDate')].reason")
                        .value("does not agree with the birth date in digits 1–6 of the IIN"))
                .andExpect(jsonPath("$.errors[?(@.field == 'person.sex')]").exists());
        String wrongCheck = iin.value().substring(0, 11) + ((iin.value().charAt(11) - '0' + 1) % 10);
        mvc.perform(post("/api/v1/enrolments").with(officerA()).header("Accept-Language", "kk")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(admission(schoolA, grade1A, iin, "2013-03-03", TODAY).replace(iin.value(), wrongCheck)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("person.iin"));
        mvc.perform(post("/api/v1/enrolments").with(TestUsers.ministry())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(admission(schoolA, grade5B, iin, "2013-03-03", TODAY)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("classId"));
    }

    @Test
    @DisplayName("CA-2 a district officer reaches another district's pupils, person and enrolment through no endpoint (404)")
    void districtScope() throws Exception {
        mvc.perform(get("/api/v1/organisations/" + schoolB + "/pupils").with(officerA())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/persons/" + personB).with(officerA())).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/enrolments/" + enrolmentB + "/expulsion").with(officerA())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\": \"%s\", \"expulsionOrder\": \"X\"}".formatted(TODAY)))
                .andExpect(status().isNotFound());
        var iin = fixture.nextIin(LocalDate.of(2014, 1, 1), Sex.MALE);
        mvc.perform(post("/api/v1/enrolments").with(officerA()).contentType(MediaType.APPLICATION_JSON)
                        .content(admission(schoolB, grade5B, iin, "2014-01-01", TODAY)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/organisations/" + schoolB + "/pupils").with(TestUsers.organisationAdmin(schoolA, settlementA)))
                .andExpect(status().isNotFound());
        // their own: yes
        mvc.perform(get("/api/v1/organisations/" + schoolB + "/pupils").with(TestUsers.district(DISTRICT_B)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].lastName").value("Серікова"));
        mvc.perform(get("/api/v1/persons/" + personB).with(TestUsers.district(DISTRICT_B)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enrolments[0].id").value(enrolmentB));
    }

    @Test
    @DisplayName("SC-3 statistics analysts get no personal data (403); anonymous callers must sign in (401)")
    void noPersonalDataForStatistics() throws Exception {
        mvc.perform(get("/api/v1/persons/" + personB).with(TestUsers.statistics())).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/organisations/" + schoolB + "/pupils").with(TestUsers.statistics()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/enrolments").with(TestUsers.statistics()).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/persons/" + personB)).andExpect(status().isUnauthorized());
    }

    @Test
    @DisplayName("every read of a person's record is in audit_event: READ, person, the purpose, the organisation's territory")
    void personReadAudited() throws Exception {
        mvc.perform(get("/api/v1/persons/" + personB).param("purpose", "transfer-check").with(TestUsers.district(DISTRICT_B)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.sex").value("female"));
        var row = fixture.owner().sql("""
                        select action, purpose, kato, organisation_id, actor from audit_event
                         where subject_type = 'person' and subject_id = :id and action = 'READ'
                         order by id desc limit 1
                        """).param("id", Long.toString(personB))
                .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|"
                        + rs.getLong(4) + "|" + rs.getString(5)).single();
        assertThat(row).isEqualTo("READ|transfer-check|" + settlementB + "|" + schoolB + "|test.district." + DISTRICT_B);
    }

    @Test
    @DisplayName("a read purpose holding free text or an IIN is refused with 422 naming 'purpose', and nothing is audited")
    void purposeMustBeACode() throws Exception {
        long before = fixture.owner().sql("select count(*) from audit_event where subject_type = 'person'")
                .query(Long.class).single();
        for (String purpose : new String[]{"Ахметов Нұрлан", "check 900101300017"}) {
            mvc.perform(get("/api/v1/persons/" + personB).param("purpose", purpose)
                            .header("Accept-Language", "en").with(TestUsers.district(DISTRICT_B)))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors[0].field").value("purpose"));
        }
        assertThat(fixture.owner().sql("select count(*) from audit_event where subject_type = 'person'")
                .query(Long.class).single()).isEqualTo(before);
    }

    @Test
    @DisplayName("reading a list of pupils is audited per page shown, without the search text (it may be an IIN)")
    void pupilListReadAudited() throws Exception {
        String iinB = fixture.owner().sql("select iin from person where id = :id").param("id", personB)
                .query(String.class).single();
        long before = fixture.owner().sql("select count(*) from audit_event where subject_type = 'pupil-list'")
                .query(Long.class).single();
        mvc.perform(get("/api/v1/organisations/" + schoolB + "/pupils").param("q", iinB)
                .with(TestUsers.district(DISTRICT_B))).andExpect(status().isOk());
        var row = fixture.owner().sql("""
                        select subject_id, kato, organisation_id, details::text from audit_event
                         where subject_type = 'pupil-list' and action = 'READ' order by id desc limit 1
                        """)
                .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getLong(3) + "|" + rs.getString(4))
                .single();
        assertThat(fixture.owner().sql("select count(*) from audit_event where subject_type = 'pupil-list'")
                .query(Long.class).single()).isEqualTo(before + 1);
        assertThat(row).startsWith("organisation:" + schoolB + "|" + settlementB + "|" + schoolB + "|")
                .contains("\"rows\": 1").contains("\"searched\": true").doesNotContain(iinB);
    }

    @Test
    @DisplayName("pupils are found by IIN or by the beginning of the surname, active by default, with paging")
    void pupilSearch() throws Exception {
        String iinB = fixture.owner().sql("select iin from person where id = :id").param("id", personB)
                .query(String.class).single();
        var officerB = TestUsers.district(DISTRICT_B);
        mvc.perform(get("/api/v1/organisations/" + schoolB + "/pupils").param("q", iinB).with(officerB))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/v1/organisations/" + schoolB + "/pupils").param("q", "сері").with(officerB))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/v1/organisations/" + schoolB + "/pupils").param("q", "Жоқ").with(officerB))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/organisations/" + schoolA + "/pupils").param("classId", Long.toString(grade5A))
                        .param("size", "10").param("page", "2").with(officerA()))
                .andExpect(jsonPath("$.total").value(25)).andExpect(jsonPath("$.items.length()").value(5))
                .andExpect(jsonPath("$.items[0].lastName").value(containsString("Оқушы")));
    }
}
