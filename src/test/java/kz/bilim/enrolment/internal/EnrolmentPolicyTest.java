package kz.bilim.enrolment.internal;

import kz.bilim.enrolment.Enrolment;
import kz.bilim.enrolment.EnrolmentId;
import kz.bilim.enrolment.PersonId;
import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Refusal;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.SchoolClass;
import kz.bilim.organisation.SchoolClassId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class EnrolmentPolicyTest {

    static SchoolClass grade(int grade, int capacity) {
        return new SchoolClass(new SchoolClassId(1), new OrganisationId(1), "191433101", 2025, grade, "А", "kk", 1,
                capacity);
    }

    @Test
    @DisplayName("TR-10 the 26th pupil of a grade-5 class with capacity 25 is refused, citing TR-10")
    void twentySixthPupilRefused() {
        var refusal = EnrolmentPolicy.occupancy(grade(5, 25), 25);
        assertThat(refusal).hasValueSatisfying(r -> {
            assertThat(r.clause()).isEqualTo("TR-10");
            assertThat(r.reasonKey()).isEqualTo("enrolment.refused.class-full");
            assertThat(r.args()).containsExactly("5А", 25);
        });
        assertThat(EnrolmentPolicy.occupancy(grade(5, 25), 24)).isEmpty();
    }

    @ParameterizedTest(name = "grade {0}, capacity {1}, {2} pupils now → refused: {3}")
    @CsvSource({
            "0, 25, 30, false",
            "1, 25, 25, false",
            "1, 25, 40, false",
            "2, 25, 25, true",
            "2, 25, 24, false",
            "9, 25, 25, true",
            "9, 20, 20, true",
            "9, 30, 25, false",
            "10, 25, 25, false",
            "11, 25, 31, false",
            "12, 25, 25, false"})
    @DisplayName("TR-10 limits admission to grades 2–9 only, at the class's own capacity")
    void onlyGradesTwoToNine(int grade, int capacity, int pupils, boolean refused) {
        assertThat(EnrolmentPolicy.occupancy(grade(grade, capacity), pupils).isPresent()).isEqualTo(refused);
    }

    @Test
    @DisplayName("TR-7 an enrolment ends once: a second expulsion is refused, citing TR-7")
    void expelledOnce() {
        var active = enrolment(null);
        var ended = enrolment(LocalDate.of(2026, 1, 10));
        assertThat(EnrolmentPolicy.expulsion(active)).isEmpty();
        assertThat(EnrolmentPolicy.expulsion(ended)).map(Refusal::clause).hasValue("TR-7");
    }

    @ParameterizedTest(name = "admission on {0} (today {1}, born {2}, class of 2025–2026) → {3}")
    @CsvSource({
            "2026-01-12, 2026-01-12, 2015-03-01, ok",
            "2026-01-13, 2026-01-12, 2015-03-01, enrolment.date.future",
            "2025-06-01, 2026-01-12, 2015-03-01, ok",
            "2025-05-31, 2026-01-12, 2015-03-01, enrolment.from.outside-year",
            "2026-09-01, 2026-09-02, 2015-03-01, enrolment.from.outside-year",
            "2025-09-01, 2026-01-12, 2025-10-01, enrolment.from.before-birth"})
    @DisplayName("An admission is dated after birth, in the class's year or the summer before, and not after today")
    void admissionDate(LocalDate from, LocalDate today, LocalDate born, String expected) {
        var error = EnrolmentPolicy.admissionDate(from, born, 2025, today);
        assertThat(error.map(FieldError::reasonKey).orElse("ok")).isEqualTo(expected);
        error.ifPresent(e -> assertThat(e.field()).isEqualTo("from"));
    }

    @ParameterizedTest(name = "expulsion on {0} (today 2026-01-12, admitted 2025-09-01) → {1}")
    @CsvSource({
            "2026-01-12, ok",
            "2026-01-13, enrolment.date.future",
            "2025-09-01, ok",
            "2025-08-31, enrolment.date.before-admission"})
    @DisplayName("An expulsion is dated not before the admission and not after today")
    void expulsionDate(LocalDate date, String expected) {
        var error = EnrolmentPolicy.expulsionDate(date, enrolment(null), LocalDate.of(2026, 1, 12));
        assertThat(error.map(FieldError::reasonKey).orElse("ok")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "born {0}, grade {1}, {2} → fits: {3}")
    @CsvSource({
            "2020-01-15, 0, GENERAL_SECONDARY_SCHOOL, true",
            "2007-09-01, 0, GENERAL_SECONDARY_SCHOOL, false",
            "2019-08-31, 1, GENERAL_SECONDARY_SCHOOL, true",
            "2021-08-31, 1, GENERAL_SECONDARY_SCHOOL, false",
            "2013-09-02, 1, GENERAL_SECONDARY_SCHOOL, false",
            "2008-09-02, 11, GENERAL_SECONDARY_SCHOOL, true",
            "1990-01-01, 11, EVENING_SCHOOL, true",
            "1990-01-01, 11, GENERAL_SECONDARY_SCHOOL, false",
            "1990-01-01, 0, PRESCHOOL, true"})
    @DisplayName("A pupil is of an age for the grade on 1 September (grade 1 at six, a year early, up to four late)")
    void ageForGrade(LocalDate born, int grade, kz.bilim.organisation.OrganisationKind kind, boolean fits) {
        assertThat(EnrolmentPolicy.ageForGrade(born, grade(grade, 25), kind).isEmpty()).isEqualTo(fits);
    }

    static Enrolment enrolment(LocalDate to) {
        return new Enrolment(new EnrolmentId(1), new PersonId(1), new OrganisationId(1), new SchoolClassId(1),
                "191433101", 5, LocalDate.of(2025, 9, 1), to, "A-1", to == null ? null : "E-1");
    }
}
