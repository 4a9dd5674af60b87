package kz.bilim.staff;

import kz.bilim.organisation.OrganisationId;

import java.time.Instant;
import java.time.LocalDate;

/**
 * HB-1 for existing staff: a current contract that a verdict in force covers, a task for the head and the district
 * office until the contract is ended by a dismissal order.
 */
public record FlaggedContract(ContractId contractId, StaffMemberId memberId, OrganisationId organisationId, String kato,
                              String iin, String lastName, String firstName, String patronymic, String position,
                              LocalDate startsOn, VerdictReference verdict, Instant flaggedAt) {
}
