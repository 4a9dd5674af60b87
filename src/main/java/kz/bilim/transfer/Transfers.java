package kz.bilim.transfer;

import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Paged;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The transfer service. Commands answer an {@link Outcome}: done, or a {@link kz.bilim.kernel.Refusal} — bad fields
 * (named, in the caller's language), a rule of law with its clause (TR-1, TR-12, TR-16, TR-17, TR-8, TR-10) — and then
 * nothing was written, except where a refusal is itself the decision (a full class refuses the application on ground
 * 7; a coupon presented late refuses it under TR-8), which is recorded with its refusal receipt.
 */
public interface Transfers {

    /** The exact bytes the applicant signs for this form (UTF-8 text of the TR-18 application). */
    Outcome<byte[]> applicationText(ApplicationForm form);

    /** TR-2, TR-17: the signed-in applicant submits on the portal, with a detached signature over the text. */
    Outcome<TransferApplication> submit(ApplicationForm form);

    /** TR-2, TR-15: the receiving school registers a paper application. */
    Outcome<TransferApplication> registerPaper(ApplicationForm form, long receivingOrganisationId);

    /** TR-4, TR-10: the receiving school accepts into a class: the enrolment moves, the signed notification is issued. */
    Outcome<TransferApplication> accept(TransferId id, long classId, String admissionOrder);

    /** TR-4, TR-8, TR-16: a motivated refusal on one ground, with the refusal receipt. */
    Outcome<TransferApplication> refuse(TransferId id, String ground, String reason);

    /** TR-5: the receiving school issues the arrival coupon (valid 3 working days). */
    Outcome<TransferApplication> issueArrivalCoupon(TransferId id);

    /** TR-6, TR-8: the departing school registers the arrival coupon and issues the departure coupon and the file. */
    Outcome<TransferApplication> issueDepartureCoupon(TransferId id);

    /**
     * TR-15: the departing school closes a departure abroad (registered with the confirming document instead of an
     * arrival coupon) by its expulsion order; the enrolment ends the day before.
     */
    Outcome<TransferApplication> departAbroad(TransferId id, String expulsionOrder);

    /** TR-7: the receiving school's admission order with the departing school's expulsion, in one transaction. */
    Outcome<TransferApplication> admit(TransferId id, long classId, String admissionOrder);

    /** An application within the caller's reach (the applicant's own; a school's incoming or departing); audited. */
    Optional<TransferApplication> find(TransferId id);

    /** TR-17: the stage and term, without personal data (contact centre, help desk). */
    Optional<TransferStatus> status(TransferId id);

    /** TR-17: the signed-in applicant's applications, newest first. */
    List<TransferApplication> mine();

    /** TR-4: the provider's desk: applications within the caller's scope, open first by due moment (overdue first). */
    Paged<TransferApplication> desk(boolean openOnly, int page, int size);

    /** TR-9: every stage of the application. */
    List<TransferStage> stages(TransferId id);

    /** Which documents have been issued for the application (nothing read of them). */
    List<DocumentKind> documents(TransferId id);

    /** A document issued for the application, if the caller may read it; the read is audited. */
    Optional<IssuedDocument> document(TransferId id, DocumentKind kind);

    /** TR-9: district monitoring: counts by state and route within the caller's scope, and how many are overdue. */
    Map<String, Long> monitoring();

    /** TR-9: the stages within the caller's scope as CSV for the public-services monitoring system (no personal data). */
    String monitoringExport(java.time.LocalDate from, java.time.LocalDate to);
}
