package kz.bilim.transfer.internal;

import kz.bilim.calendar.WorkingCalendar;
import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Refusal;
import kz.bilim.transfer.ExceptionGround;
import kz.bilim.transfer.RefusalGround;
import kz.bilim.transfer.Route;
import kz.bilim.transfer.TransferState;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.Optional;

/**
 * Every rule of the transfer service, in one place; each answers a {@link Refusal} or nothing.
 * <ul>
 *   <li><b>TR-1</b> — documents are accepted during the school holidays (of the child's grade, as the calendar holds
 *       them), or outside them on one of the four {@link ExceptionGround grounds}, each with its supporting document.</li>
 *   <li><b>TR-12</b> — applications to grades 10–11 (12) are taken from 1 to 31 August inclusive, whatever else.</li>
 *   <li><b>TR-13, TR-14</b> — the term: portal 1 working day, paper 3 ({@link Route#workingDays()}), registered at the
 *       provider's next opening, due at 18:30 of the last working day ({@link WorkingCalendar#term}).</li>
 *   <li><b>TR-5, TR-8</b> — the arrival coupon is valid 3 working days from its issue; presented later, the service is
 *       refused (ground {@link RefusalGround#TERM_MISSED}).</li>
 *   <li><b>TR-10, TR-16 (7)</b> — a full class set refuses on ground 7 (the enrolment module measures the norm).</li>
 *   <li><b>TR-11</b> — a child without Kazakh citizenship (foreign or stateless) is marked: their admission follows
 *       order No. 468, which the receiving school applies (docs/transfer.md).</li>
 *   <li><b>TR-16 (6)</b> — no consent to the use of protected data: refused on ground 6.</li>
 *   <li><b>TR-17</b> — the portal application is signed by the applicant (certificate IIN = the applicant's).</li>
 * </ul>
 */
final class TransferPolicy {

    static final int COUPON_VALID_WORKING_DAYS = 3;
    static final int COUPON_ISSUE_WORKING_DAYS = 1;
    static final String KAZAKHSTAN = "KZ";
    /** The child registry's code for a stateless child (docs/child.md). */
    static final String STATELESS = "XX";

    private TransferPolicy() {
    }

    /** TR-12: whether the grade is admitted only on applications of 1–31 August. */
    static boolean seniorGrade(int grade) {
        return grade >= 10;
    }

    /**
     * TR-1, TR-12: may an application for this grade be received on this day? {@code exception} and its supporting
     * document open the window outside the holidays (TR-1); nothing opens grades 10–11 outside August (TR-12).
     */
    static Optional<Refusal> window(WorkingCalendar calendar, LocalDate received, int grade, ExceptionGround exception,
                                    String supportingDocument) {
        if (seniorGrade(grade)) {
            if (received.getMonth() != Month.AUGUST)
                return Optional.of(Refusal.byRule("TR-12", new FieldError("date", "transfer.refused.senior-window")));
            return Optional.empty();
        }
        if (calendar.isSchoolHoliday(received, grade)) return Optional.empty();
        if (exception == null)
            return Optional.of(Refusal.byRule("TR-1", new FieldError("exceptionGround", "transfer.refused.not-holidays")));
        if (supportingDocument == null || supportingDocument.isBlank())
            return Optional.of(Refusal.byRule("TR-1",
                    new FieldError("supportingDocument", "transfer.refused.document-missing")));
        return Optional.empty();
    }

    /** TR-16 (6): the consent to the use of protected personal data is a condition of the service. */
    static Optional<Refusal> consent(Boolean consent) {
        if (Boolean.TRUE.equals(consent)) return Optional.empty();
        return Optional.of(Refusal.byRule("TR-16", new FieldError("consent", "transfer.refused.no-consent")));
    }

    /** TR-11: a child who is not a citizen of Kazakhstan (foreign or stateless) follows order No. 468. */
    static boolean foreign(String citizenship) {
        return citizenship == null || !KAZAKHSTAN.equalsIgnoreCase(citizenship.strip());
    }

    /**
     * TR-11, order No. 468: foreigners and stateless persons are admitted to primary, basic secondary and general
     * secondary education on a par with citizens when they reside in Kazakhstan permanently, which the application
     * shows by the document of that right — a foreigner's residence permit or a stateless person's certificate.
     * Without it the application is refused on {@code residenceDocument}; a citizen's application needs none.
     */
    static Optional<Refusal> foreignerDocuments(String citizenship, String residenceDocument) {
        if (!foreign(citizenship)) return Optional.empty();
        if (residenceDocument != null && !residenceDocument.isBlank()) return Optional.empty();
        boolean stateless = citizenship == null || citizenship.isBlank() || STATELESS.equalsIgnoreCase(citizenship.strip());
        return Optional.of(Refusal.byRule("TR-11", new FieldError("residenceDocument",
                stateless ? "transfer.foreign.stateless-certificate-missing" : "transfer.foreign.residence-permit-missing")));
    }

    /** TR-5: the arrival coupon issued on {@code issuedOn} is valid to 18:30 of its 3rd working day after. */
    static java.time.ZonedDateTime couponValidTo(WorkingCalendar calendar, LocalDate issuedOn) {
        return calendar.due(issuedOn, COUPON_VALID_WORKING_DAYS);
    }

    /** TR-8: a coupon presented after its validity refuses the service. */
    static Optional<Refusal> couponInTime(java.time.ZonedDateTime validTo, Instant presented) {
        if (!presented.isAfter(validTo.toInstant())) return Optional.empty();
        return Optional.of(Refusal.byRule("TR-8", "transfer.refused.coupon-late", validTo.toLocalDate()));
    }

    /** The stage a command needs the application in. */
    static Optional<Refusal> inState(TransferState actual, TransferState expected) {
        if (actual == expected) return Optional.empty();
        return Optional.of(Refusal.conflict("transfer.refused.wrong-state", actual.name(), expected.name()));
    }

    /** The route a command belongs to. */
    static Optional<Refusal> onRoute(Route actual, Route expected) {
        if (actual == expected) return Optional.empty();
        return Optional.of(Refusal.conflict("transfer.refused.wrong-route", actual.name()));
    }

    /** TR-10, TR-16 (7): the refusal a full class set gives. */
    static Refusal classFull(String label, int capacity) {
        return Refusal.byRule("TR-16", "transfer.refused.class-full", label, capacity);
    }
}
