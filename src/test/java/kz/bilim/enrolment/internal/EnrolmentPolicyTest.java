package kz.bilim.enrolment.internal;

import kz.bilim.enrolment.Decision;
import kz.bilim.enrolment.Enrolment;
import kz.bilim.enrolment.EnrolmentId;
import kz.bilim.enrolment.PersonId;
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
        assertThat(EnrolmentPolicy.expulsion(ended)).map(Decision.Refused::clause).hasValue("TR-7");
    }

    @Test
    @DisplayName("TR-7 periods overlap unless the other enrolment ended before the new one starts")
    void overlap() {
        var from = LocalDate.of(2026, 1, 10);
        assertThat(EnrolmentPolicy.overlaps(from, enrolment(null))).isTrue();
        assertThat(EnrolmentPolicy.overlaps(from, enrolment(from))).isTrue();
        assertThat(EnrolmentPolicy.overlaps(from, enrolment(from.minusDays(1)))).isFalse();
    }

    static Enrolment enrolment(LocalDate to) {
        return new Enrolment(new EnrolmentId(1), new PersonId(1), new OrganisationId(1), new SchoolClassId(1),
                "191433101", 5, LocalDate.of(2025, 9, 1), to, "A-1", to == null ? null : "E-1");
    }
}
