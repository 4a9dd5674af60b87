package kz.bilim.enrolment;

import kz.bilim.organisation.OrganisationId;

import java.time.LocalDate;

/** A pupil was expelled by order (TR-7); {@code date} is the last day in the organisation. */
public record PupilExpelled(EnrolmentId enrolmentId, PersonId personId, OrganisationId organisationId,
                            LocalDate date, String expulsionOrder) {
}
