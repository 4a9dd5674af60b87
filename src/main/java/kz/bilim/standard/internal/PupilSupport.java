package kz.bilim.standard.internal;

import kz.bilim.standard.SupportKind;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of the support register: the pupil (by enrolment) of a school, the kind, the school year, the MS-3
 * category (meals and camps) or the place of study (home schooling: HOME or HOSPITAL), and its basis — a document's
 * number and date, or the registry's own mark; for transport (MS-4) the distance to the school and the natural barrier.
 */
public record PupilSupport(long id, SupportKind kind, long enrolmentId, long organisationId, String kato,
                           int schoolYear, SupportCategory category, String place, String basis, LocalDate basisDate,
                           String recordedBy, Instant recordedAt, java.math.BigDecimal distanceKm, String barrier) {
}
