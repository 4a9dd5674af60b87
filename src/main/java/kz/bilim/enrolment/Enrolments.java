package kz.bilim.enrolment;

import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Paged;

import java.util.List;
import java.util.Optional;

/**
 * Admission and expulsion of pupils by order and the lists of pupils, all within the caller's scope. Admission and
 * expulsion answer an {@link Outcome}: the enrolment, or the {@link kz.bilim.kernel.Refusal} — bad fields, or a rule of
 * law with its clause — and then nothing was written.
 */
public interface Enrolments {

    Outcome<Enrolment> admit(Admission admission);

    Outcome<Enrolment> expel(EnrolmentId enrolment, Expulsion expulsion);

    Optional<Enrolment> find(EnrolmentId id);

    /** Pupils matching the filter, ordered by name; counted when the list is one organisation's. */
    Paged<Pupil> pupils(PupilFilter filter, int page, int size);

    /** A person's enrolments the caller may see, newest first. */
    List<Enrolment> history(PersonId person);
}
