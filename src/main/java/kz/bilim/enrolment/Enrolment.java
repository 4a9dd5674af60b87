package kz.bilim.enrolment;

import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.SchoolClassId;

import java.time.LocalDate;

/** A person in an organisation (and class, grade) from a date, admitted by order; expelled by order to a date. */
public record Enrolment(EnrolmentId id, PersonId personId, OrganisationId organisationId, SchoolClassId classId,
                        String kato, Integer grade, LocalDate enrolledFrom, LocalDate enrolledTo,
                        String admissionOrder, String expulsionOrder) {

    public boolean active() {
        return enrolledTo == null;
    }
}
