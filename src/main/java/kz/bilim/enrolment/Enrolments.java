package kz.bilim.enrolment;

import kz.bilim.kernel.Paged;

import java.util.List;
import java.util.Optional;

/**
 * Admission and expulsion of pupils by order and the lists of pupils, all within the caller's scope. Bad input is
 * refused with {@code InvalidInputException} naming the fields; a rule's refusal is a {@link Decision.Refused} value,
 * and then nothing was written.
 */
public interface Enrolments {

    Decision admit(Admission admission);

    Decision expel(EnrolmentId enrolment, Expulsion expulsion);

    Optional<Enrolment> find(EnrolmentId id);

    /** Pupils matching the filter, ordered by name; counted when the list is one organisation's. */
    Paged<Pupil> pupils(PupilFilter filter, int page, int size);

    /** A person's enrolments the caller may see, newest first. */
    List<Enrolment> history(PersonId person);
}
