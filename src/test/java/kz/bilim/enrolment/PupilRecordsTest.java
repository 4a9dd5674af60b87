package kz.bilim.enrolment;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.identity.Sex;
import kz.bilim.kernel.Outcome;
import kz.bilim.organisation.RegistryFixture;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SC-5 inputs held by the pupils' registry: marks with their basis (SEN only with the PMPK conclusion), the study
 * form, graduations ending the enrolment with the certificate, the year-end outcome once per school year — refused fields write nothing; another school's
 * administrator does not find the enrolment. Fixture: district 5947 (North Kazakhstan), BINs of May 2014, IIN serial 9870.
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PupilRecordsTest {

    @Autowired
    OwnerDataSource ownerDataSource;
    @Autowired
    PupilRecords records;

    RegistryFixture registry;
    String kato;
    long school;
    long otherSchool;
    long enrolment;
    long other;

    @BeforeAll
    void registry() {
        registry = new RegistryFixture(ownerDataSource, YearMonth.of(2014, 5), 9870);
        kato = registry.districtWithSettlement("594700000", true);
        school = registry.organisation(kato, "Жазба-Мектеп", "GENERAL_SECONDARY_SCHOOL", 1, "kk");
        otherSchool = registry.organisation(kato, "Жазба-Басқа", "GENERAL_SECONDARY_SCHOOL", 1, "kk");
        var from = LocalDate.of(2025, 9, 1);
        enrolment = registry.enrolment(registry.person(registry.nextIin(LocalDate.of(2009, 2, 3), Sex.FEMALE),
                "Жазбаева", "Әсем", kato), school, null, kato, 11, from);
        other = registry.enrolment(registry.person(registry.nextIin(LocalDate.of(2010, 3, 4), Sex.MALE),
                "Жазбаев", "Ерлан", kato), school, null, kato, 9, from);
    }

    void signIn(long organisation) {
        var user = TestUsers.organisationAdminUser(organisation, kato);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    long count(String sql, long id) {
        return registry.owner().sql(sql).param("id", id).query(Long.class).single();
    }

    @Test
    @DisplayName("SC-5, MS-6 special educational needs are recorded only with the PMPK conclusion; a mark is the school's own")
    void marks() {
        signIn(school);
        var refused = records.mark(new EnrolmentId(enrolment), PupilRecords.Mark.SPECIAL_NEEDS, " ", LocalDate.of(2025, 9, 2));
        assertThat(refused).isInstanceOf(Outcome.Refused.class);
        assertThat(((Outcome.Refused<Long>) refused).refusal().errors().get(0).field()).isEqualTo("basis");
        assertThat(count("select count(*) from pupil_mark m join enrolment e on e.person_id = m.person_id where e.id = :id",
                enrolment)).isZero();
        records.mark(new EnrolmentId(enrolment), PupilRecords.Mark.SPECIAL_NEEDS, "ПМПК № 5, 02.09.2025",
                LocalDate.of(2025, 9, 2)).orElseThrow();
        records.studyForm(new EnrolmentId(enrolment), PupilRecords.StudyForm.EVENING).orElseThrow();
        assertThat(count("select count(*) from pupil_mark m join enrolment e on e.person_id = m.person_id where e.id = :id "
                + "and m.mark = 'SPECIAL_NEEDS' and m.basis like 'ПМПК%'", enrolment)).isOne();
        assertThat(count("select count(*) from enrolment where id = :id and study_form = 'EVENING'", enrolment)).isOne();
        signIn(otherSchool);
        assertThat(records.mark(new EnrolmentId(enrolment), PupilRecords.Mark.ORPHAN, "Шешім № 1",
                LocalDate.of(2025, 9, 2))).isInstanceOf(Outcome.Refused.class);
    }

    @Test
    @DisplayName("SC-5 a graduation ends the open enrolment with its certificate; Altyn belgi only with the general one")
    void graduation() {
        signIn(school);
        var wrong = records.graduate(new EnrolmentId(other), new PupilRecords.Graduation(LocalDate.of(2026, 6, 10),
                PupilRecords.Certificate.BASIC, "ЖОБ-1", PupilRecords.Distinction.ALTYN_BELGI, PupilRecords.NextStep.TVET));
        assertThat(((Outcome.Refused<EnrolmentId>) wrong).refusal().errors().get(0).field()).isEqualTo("distinction");
        assertThat(count("select count(*) from enrolment where id = :id and enrolled_to is null", other)).isOne();
        records.graduate(new EnrolmentId(other), new PupilRecords.Graduation(LocalDate.of(2026, 6, 10),
                PupilRecords.Certificate.BASIC, "ЖОБ-2", PupilRecords.Distinction.HONOURS, PupilRecords.NextStep.TVET))
                .orElseThrow();
        assertThat(count("select count(*) from enrolment where id = :id and enrolled_to = date '2026-06-10'", other)).isOne();
        assertThat(count("select count(*) from pupil_graduation where enrolment_id = :id and certificate_kind = 'BASIC' "
                + "and distinction = 'HONOURS' and next_step = 'TVET'", other)).isOne();
        var again = records.graduate(new EnrolmentId(other), new PupilRecords.Graduation(LocalDate.of(2026, 6, 11),
                PupilRecords.Certificate.BASIC, "ЖОБ-3", null, null));
        assertThat(again).isInstanceOf(Outcome.Refused.class);
        assertThat(count("select count(*) from pupil_graduation where enrolment_id = :id", other)).isOne();
    }

    @Test
    @DisplayName("SC-5 the year-end outcome is recorded once per school year with the council's decision, in the pupil's grade")
    void yearEnd() {
        signIn(school);
        var id = new EnrolmentId(enrolment);
        var refused = records.yearEnd(id, PupilRecords.YearEnd.PROMOTED, LocalDate.of(2026, 5, 25), " ");
        assertThat(((Outcome.Refused<EnrolmentId>) refused).refusal().errors().get(0).field()).isEqualTo("basis");
        var early = records.yearEnd(id, PupilRecords.YearEnd.PROMOTED, LocalDate.of(2025, 8, 31), "Кеңес № 4");
        assertThat(((Outcome.Refused<EnrolmentId>) early).refusal().errors().get(0).field()).isEqualTo("on");
        assertThat(count("select count(*) from pupil_year_end where enrolment_id = :id", enrolment)).isZero();
        records.yearEnd(id, PupilRecords.YearEnd.COMPLETED, LocalDate.of(2026, 5, 25), "Педагогикалық кеңес № 4")
                .orElseThrow();
        assertThat(count("select count(*) from pupil_year_end where enrolment_id = :id and school_year = 2025 "
                + "and grade = 11 and outcome = 'COMPLETED' and basis like 'Педагогикалық%'", enrolment)).isOne();
        var again = records.yearEnd(id, PupilRecords.YearEnd.NOT_PROMOTED, LocalDate.of(2026, 6, 1), "Кеңес № 5");
        assertThat(again).isInstanceOf(Outcome.Refused.class);
        assertThat(count("select count(*) from pupil_year_end where enrolment_id = :id", enrolment)).isOne();
        signIn(otherSchool);
        assertThat(records.yearEnd(new EnrolmentId(other), PupilRecords.YearEnd.PROMOTED, LocalDate.of(2026, 5, 25),
                "Кеңес № 6")).isInstanceOf(Outcome.Refused.class);
        assertThat(count("select count(*) from pupil_year_end where enrolment_id = :id", other)).isZero();
    }
}
