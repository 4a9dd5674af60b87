package kz.bilim.enrolment.internal;

import kz.bilim.enrolment.Decision;
import kz.bilim.enrolment.Enrolment;
import kz.bilim.organisation.SchoolClass;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Every rule of admission and expulsion, in one place.
 * <ul>
 *   <li><b>TR-7</b> — admission and expulsion happen by order of the school, and the records of both schools agree:
 *       a person is never enrolled in two organisations at once; an enrolment already ended cannot be ended again.</li>
 *   <li><b>TR-10</b> — admission to grades 2–9 only while the class set's occupancy norm (its capacity, by default the
 *       organisation's norm of 25, MS-9) is not exceeded. Grades 0–1 (first admission) and 10–12 (TR-12, its own
 *       rules) are not limited by this clause.</li>
 *   <li><b>TR-16 (7)</b> — a full class set is a ground for refusal; the refusal cites TR-10, the norm it measures.</li>
 * </ul>
 */
final class EnrolmentPolicy {

    static final String TR_7 = "TR-7";
    static final String TR_10 = "TR-10";
    static final int FIRST_LIMITED_GRADE = 2;
    static final int LAST_LIMITED_GRADE = 9;

    private EnrolmentPolicy() {
    }

    /** TR-10: may one more pupil join this class, which has {@code activePupils} now? */
    static Optional<Decision.Refused> occupancy(SchoolClass schoolClass, int activePupils) {
        boolean limited = schoolClass.grade() >= FIRST_LIMITED_GRADE && schoolClass.grade() <= LAST_LIMITED_GRADE;
        if (limited && activePupils >= schoolClass.capacity())
            return Optional.of(Decision.Refused.by(TR_10, "enrolment.refused.class-full", schoolClass.label(),
                    schoolClass.capacity()));
        return Optional.empty();
    }

    /** TR-7: the person is already enrolled (the caller sees the enrolment, or the database's exclusion constraint did). */
    static Decision.Refused alreadyEnrolled() {
        return Decision.Refused.by(TR_7, "enrolment.refused.two-organisations");
    }

    /** TR-7: an expulsion ends an active enrolment, once. */
    static Optional<Decision.Refused> expulsion(Enrolment enrolment) {
        if (!enrolment.active())
            return Optional.of(Decision.Refused.by(TR_7, "enrolment.refused.already-expelled", enrolment.enrolledTo()));
        return Optional.empty();
    }

    /** TR-7: another order ended the enrolment between reading and writing it. */
    static Decision.Refused expelledMeanwhile() {
        return Decision.Refused.by(TR_7, "enrolment.refused.already-expelled", "—");
    }

    /** TR-7: periods overlap when neither ends before the other starts (the database checks with the same rule). */
    static boolean overlaps(LocalDate from, Enrolment other) {
        return other.enrolledTo() == null || !other.enrolledTo().isBefore(from);
    }
}
