package kz.bilim.enrolment.internal;

import kz.bilim.enrolment.Enrolment;
import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Refusal;
import kz.bilim.organisation.AcademicYear;
import kz.bilim.organisation.OrganisationKind;
import kz.bilim.organisation.SchoolClass;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Every rule of admission and expulsion, in one place; each answers a {@link Refusal} or nothing.
 * <ul>
 *   <li><b>TR-7</b> — admission and expulsion happen by order of the school, and the records of both schools agree:
 *       a person is never enrolled in two organisations at once (checked over every territory, not only the
 *       caller's); an enrolment already ended cannot be ended again.</li>
 *   <li><b>TR-10</b> — admission to grades 2–9 only while the class set's occupancy norm (its capacity, by default the
 *       organisation's norm of 25, MS-9) is not exceeded. Grades 0–1 (first admission) and 10–12 (TR-12, its own
 *       rules) are not limited by this clause.</li>
 *   <li><b>TR-16 (7)</b> — a full class set is a ground for refusal; the refusal cites TR-10, the norm it measures.</li>
 *   <li><b>Age for the grade</b> — a child starts grade 1 at six (the pre-school class at five); on 1 September of the
 *       class's year a pupil of grade g is between g + 4 and g + 9 years old (a year early, up to four late), a
 *       pre-school pupil between 4 and 7. Evening schools teach adults: only the lower bound applies there.</li>
 *   <li><b>Dates of an order</b> — an order takes effect on a day that has come: an admission or an expulsion dated
 *       after today is refused (a future-dated admission could be neither corrected nor ended); an admission is not
 *       before the child's birth and falls in the class's academic year or the summer before it; an expulsion is not
 *       before the admission.</li>
 * </ul>
 */
final class EnrolmentPolicy {

    static final String TR_7 = "TR-7";
    static final String TR_10 = "TR-10";
    static final int FIRST_LIMITED_GRADE = 2;
    static final int LAST_LIMITED_GRADE = 9;
    /** Admissions for September open in June. */
    static final int MONTHS_OF_SUMMER_ADMISSION = 3;

    private EnrolmentPolicy() {
    }

    /** TR-10: may one more pupil join this class, which has {@code activePupils} now? */
    static Optional<Refusal> occupancy(SchoolClass schoolClass, int activePupils) {
        boolean limited = schoolClass.grade() >= FIRST_LIMITED_GRADE && schoolClass.grade() <= LAST_LIMITED_GRADE;
        if (limited && activePupils >= schoolClass.capacity())
            return Optional.of(Refusal.byRule(TR_10, "enrolment.refused.class-full", schoolClass.label(),
                    schoolClass.capacity()));
        return Optional.empty();
    }

    /** TR-7: the person is already enrolled somewhere, in whichever territory. */
    static Refusal alreadyEnrolled() {
        return Refusal.byRule(TR_7, "enrolment.refused.two-organisations");
    }

    /** TR-7: an expulsion ends an active enrolment, once. */
    static Optional<Refusal> expulsion(Enrolment enrolment) {
        if (!enrolment.active())
            return Optional.of(Refusal.byRule(TR_7, "enrolment.refused.already-expelled", enrolment.enrolledTo()));
        return Optional.empty();
    }

    /** TR-7: another order ended the enrolment between reading and writing it. */
    static Refusal expelledMeanwhile() {
        return Refusal.byRule(TR_7, "enrolment.refused.already-expelled", "—");
    }

    static final int SCHOOL_AGE = 6;
    static final int YEARS_EARLY = 1;
    static final int YEARS_LATE = 4;

    /** Is the child of an age for this class's grade, on 1 September of its year? */
    static Optional<FieldError> ageForGrade(LocalDate birthDate, SchoolClass schoolClass, OrganisationKind kind) {
        if (!kind.isSchool()) return Optional.empty();
        int age = java.time.Period.between(birthDate, new AcademicYear(schoolClass.academicYear()).start()).getYears();
        int grade = schoolClass.grade();
        int youngest = grade == 0 ? SCHOOL_AGE - 2 : grade + SCHOOL_AGE - 1 - YEARS_EARLY;
        int oldest = grade == 0 ? SCHOOL_AGE + 1 : grade + SCHOOL_AGE - 1 + YEARS_LATE;
        if (age < youngest || (kind != OrganisationKind.EVENING_SCHOOL && age > oldest))
            return Optional.of(new FieldError("classId", "enrolment.age.not-for-grade", age, schoolClass.label()));
        return Optional.empty();
    }

    /** The first day of an admission: after birth, in the class's year (or the summer before), not after today. */
    static Optional<FieldError> admissionDate(LocalDate from, LocalDate birthDate, int academicYear, LocalDate today) {
        if (birthDate != null && from.isBefore(birthDate))
            return Optional.of(new FieldError("from", "enrolment.from.before-birth"));
        var year = new AcademicYear(academicYear);
        if (from.isBefore(year.start().minusMonths(MONTHS_OF_SUMMER_ADMISSION)) || from.isAfter(year.end()))
            return Optional.of(new FieldError("from", "enrolment.from.outside-year", year.toString()));
        if (from.isAfter(today)) return Optional.of(new FieldError("from", "enrolment.date.future"));
        return Optional.empty();
    }

    /** The last day of an expulsion: not before the admission, not after today. */
    static Optional<FieldError> expulsionDate(LocalDate date, Enrolment enrolment, LocalDate today) {
        if (date.isBefore(enrolment.enrolledFrom()))
            return Optional.of(new FieldError("date", "enrolment.date.before-admission", enrolment.enrolledFrom()));
        if (date.isAfter(today)) return Optional.of(new FieldError("date", "enrolment.date.future"));
        return Optional.empty();
    }
}
