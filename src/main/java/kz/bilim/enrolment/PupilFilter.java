package kz.bilim.enrolment;

import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.SchoolClassId;

/**
 * Which pupils to list: of an organisation or class (null: the whole scope), of a grade, matching an IIN (digits) or
 * the beginning of a surname; active ones only unless {@code activeOnly} is false.
 */
public record PupilFilter(OrganisationId organisation, SchoolClassId schoolClass, Integer grade, String query,
                          boolean activeOnly) {
}
