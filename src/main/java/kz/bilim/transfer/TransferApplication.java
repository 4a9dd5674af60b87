package kz.bilim.transfer;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * An application as stored: the TR-18 form (filled from the registries where they know the answer), where the child
 * moves from and to, the term (TR-13, TR-14) and the decision. Personal data: shown to the applicant, the two schools
 * and their territories' officers; the contact centre gets {@link TransferStatus} only.
 */
public record TransferApplication(TransferId id, Route route, TransferState state,
                                  String applicantIin, String applicantName, String applicantPhone,
                                  long childPersonId, String childIin, String childName, LocalDate childBirthDate,
                                  String childCitizenship, boolean foreignChild, int grade,
                                  String settlement, String district, String city, String region,
                                  String registeredAddress, boolean consent, LocalDate applicationDate,
                                  ExceptionGround exceptionGround, String supportingDocument, String documents,
                                  Long departingOrganisationId, Long departingEnrolmentId,
                                  long receivingOrganisationId, String kato,
                                  ZonedDateTime receivedAt, ZonedDateTime registeredAt, ZonedDateTime dueAt,
                                  boolean signedOnServer, Long classId, Long enrolmentId,
                                  RefusalGround refusalGround, String refusalReason, ZonedDateTime decidedAt,
                                  String decidedBy, LocalDate arrivalCouponIssuedOn,
                                  ZonedDateTime arrivalCouponValidTo, LocalDate departureCouponIssuedOn, long version,
                                  String residenceDocument) {

    /**
     * TR-15: a departure abroad on paper — registered at the child's own school with the document confirming the
     * departure instead of an arrival coupon; the route ends there with the expulsion order.
     */
    public boolean abroad() {
        return route == Route.PAPER && exceptionGround == ExceptionGround.DEPARTURE_ABROAD
                && departingOrganisationId != null && departingOrganisationId == receivingOrganisationId;
    }

    /** Whether the term ran out before a decision (open and past its due moment). */
    public boolean overdueAt(java.time.Instant now) {
        return state.open() && now.isAfter(dueAt.toInstant());
    }
}
