package kz.bilim.staff;

import kz.bilim.organisation.OrganisationId;

import java.time.LocalDate;

/** One row of a staff list: a contract with its employee's name and IIN. */
public record StaffListing(StaffMemberId memberId, ContractId contractId, OrganisationId organisationId, String iin,
                           String lastName, String firstName, String patronymic, String position, LocalDate startsOn,
                           LocalDate endsOn, LocalDate dismissedOn, boolean flagged) {
}
