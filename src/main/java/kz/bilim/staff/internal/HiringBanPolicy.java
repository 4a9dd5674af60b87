package kz.bilim.staff.internal;

import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Refusal;
import kz.bilim.staff.VerdictReference;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Every rule of hiring, in one place.
 * <ul>
 *   <li><b>HB-1</b> — the head of an education organisation must not conclude an employment contract with a citizen
 *       whom a court verdict in force deprived of the right to hold the position or engage in the activity (Labour
 *       Code art. 26 p.1 sub.3). A ban covers a position by its kind: {@code PEDAGOGICAL} every pedagogical position,
 *       {@code WORK_WITH_MINORS} every position involving work with minors, {@code POSITION:<code>} that position only
 *       ({@link kz.bilim.staff.BanKind#covers}; the database applies the same rule in {@code bilim_ban_covers}). A ban
 *       counts on every day from its entry into force to its last day inclusive — for life, on every day after —
 *       so a ban for years no longer counts from the day after its end. A hire is refused when a ban counts on any day
 *       from the contract's date (or its first day, if earlier) to its last day (open-ended: for ever): the contract
 *       would be concluded, or would run, while the person is banned. There is no override. The refusal names the
 *       verdict (court, date in force, case), never the register; the refused attempt is audited.</li>
 *   <li><b>HB-1, identification</b> — the check runs on the IIN; a person without one cannot be hired until
 *       identified.</li>
 *   <li><b>Contract</b> — it ends on or after its first day; one person holds one undismissed contract of one
 *       position in one organisation at a time; it is dated no later than today; a worker is at least 16 on the
 *       first day (Labour Code art. 31; younger workers need consents the registry does not hold).</li>
 *   <li><b>Dismissal</b> — by order, on a day that has come, not before the contract's first day, once.</li>
 * </ul>
 */
final class HiringBanPolicy {

    static final String HB_1 = "HB-1";
    static final int MINIMUM_AGE = 16;

    private HiringBanPolicy() {
    }

    /** The first day a hire must be free of bans: the contract's date or its first day, whichever is earlier. */
    static LocalDate checkedFrom(LocalDate contractDate, LocalDate startsOn) {
        return contractDate.isBefore(startsOn) ? contractDate : startsOn;
    }

    /** HB-1: the verdict refuses the hire. The problem names it; the field at fault is the IIN. */
    static Refusal banned(VerdictReference verdict) {
        return Refusal.hiringBanned(HB_1, new FieldError("iin", "staff.refused.hiring-banned", verdict.court(),
                verdict.inForceOn(), verdict.caseNumber()));
    }

    /** HB-1: no IIN, no check, no hire. */
    static FieldError unidentified() {
        return new FieldError("iin", "staff.iin.unidentified");
    }

    static Optional<FieldError> contractDates(LocalDate contractDate, LocalDate startsOn, LocalDate endsOn,
                                              LocalDate today) {
        if (endsOn != null && startsOn != null && endsOn.isBefore(startsOn))
            return Optional.of(new FieldError("endsOn", "staff.contract.ends-before-start"));
        if (contractDate != null && contractDate.isAfter(today))
            return Optional.of(new FieldError("contractDate", "staff.date.future"));
        return Optional.empty();
    }

    static Optional<FieldError> age(LocalDate birthDate, LocalDate startsOn) {
        if (birthDate != null && startsOn != null && birthDate.plusYears(MINIMUM_AGE).isAfter(startsOn))
            return Optional.of(new FieldError("birthDate", "staff.person.too-young", MINIMUM_AGE));
        return Optional.empty();
    }

    static FieldError secondContract() {
        return new FieldError("position", "staff.contract.second-open");
    }

    static Optional<FieldError> dismissalDate(LocalDate date, LocalDate startsOn, LocalDate today) {
        if (date.isBefore(startsOn)) return Optional.of(new FieldError("date", "staff.dismissal.before-start", startsOn));
        if (date.isAfter(today)) return Optional.of(new FieldError("date", "staff.date.future"));
        return Optional.empty();
    }

    static Refusal alreadyDismissed(LocalDate on) {
        return Refusal.conflict("staff.dismissal.already", String.valueOf(on));
    }
}
