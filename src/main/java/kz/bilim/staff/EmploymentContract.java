package kz.bilim.staff;

import kz.bilim.organisation.OrganisationId;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One employment contract: position, number and date, first day, last day ({@code endsOn} null: open-ended), weekly
 * workload, and the dismissal that ended it. {@code bannedBy} names the verdict that flagged it (HB-1), if any.
 */
public record EmploymentContract(ContractId id, StaffMemberId staffMemberId, OrganisationId organisationId, String kato,
                                 String position, String subject, BigDecimal weeklyHours, String contractNumber,
                                 LocalDate contractDate, LocalDate startsOn, LocalDate endsOn, LocalDate dismissedOn,
                                 String dismissalOrder, String dismissalReason, VerdictReference bannedBy) {

    /** Not dismissed and not past its last day. */
    public boolean currentOn(LocalDate day) {
        return dismissedOn == null && (endsOn == null || !endsOn.isBefore(day));
    }

    public boolean flagged() {
        return bannedBy != null && dismissedOn == null;
    }
}
