package kz.bilim.enrolment;

import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.SchoolClassId;

import java.time.LocalDate;

/** A pupil was admitted by order (TR-7). Ids only: listeners read what they need through the public API. */
public record PupilAdmitted(EnrolmentId enrolmentId, PersonId personId, OrganisationId organisationId,
                            SchoolClassId classId, Integer grade, LocalDate from, String admissionOrder) {
}
