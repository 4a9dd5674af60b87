package kz.bilim.enrolment;

import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.SchoolClassId;

import java.time.LocalDate;

/**
 * An admission order to carry out (TR-7): an existing person ({@code personId}) or a new one ({@code person}; an
 * IIN already registered links that person), into a class of an organisation from a date.
 */
public record Admission(PersonId personId, PersonDraft person, OrganisationId organisationId, SchoolClassId classId,
                        LocalDate from, String admissionOrder) {
}
