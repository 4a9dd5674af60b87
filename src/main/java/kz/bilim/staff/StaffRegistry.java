package kz.bilim.staff;

import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Paged;
import kz.bilim.organisation.OrganisationId;

import java.util.List;
import java.util.Optional;

/**
 * The employees of organisations and their contracts, within the caller's scope (a school sees its own staff, a
 * district its district's); what lies outside looks missing. Commands answer an {@link Outcome}: done, or a
 * {@link kz.bilim.kernel.Refusal} — bad fields, or HB-1's {@code HIRING_BANNED} naming the verdict — and then nothing
 * of the command was written (a refused hire leaves only its audit record).
 */
public interface StaffRegistry {

    /** The positions of the classifier, in their order. */
    List<Position> positions();

    /**
     * HB-1: concludes an employment contract in the organisation, registering the employee there if new; refused
     * when a verdict in force covers the position on any day from the contract's date to its end.
     */
    Outcome<StaffMember> hire(OrganisationId organisation, Hiring hiring);

    /** An employee's record with their contracts; the read is audited with its purpose. */
    Optional<StaffMember> read(StaffMemberId id, String purpose);

    /**
     * One page of an organisation's contracts, by name; {@code current} only those in force today. Audited per page.
     * An organisation outside the scope is refused as missing ({@link kz.bilim.kernel.RefusedException}).
     */
    Paged<StaffListing> staff(OrganisationId organisation, String query, boolean current, int page, int size);

    /** A contract (no personal data on it), if within the caller's scope. */
    Optional<EmploymentContract> contract(ContractId id);

    /** Ends a contract by order; a flagged contract stops being a task. */
    Outcome<EmploymentContract> dismiss(ContractId contract, Dismissal dismissal);

    /** HB-1: current contracts that a verdict in force covers, within the caller's scope, newest flag first. Audited. */
    Paged<FlaggedContract> flagged(int page, int size);
}
