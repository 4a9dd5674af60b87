package kz.bilim.enrolment;

import kz.bilim.identity.Iin;

import java.util.List;
import java.util.Optional;

/**
 * A child named by a parent for a public service (TR-18: the transfer application is filled from the registry, the
 * parent enters only the child's IIN and surname). The lookup is nationwide — a parent has no territory — and tells
 * nothing unless the surname agrees with the record; every answer is written to the audit trail with its purpose, in
 * the territory of the child's school.
 */
public interface ChildLookup {

    /** The child and their current enrolment (if any), when the IIN is registered and the surname agrees. */
    Optional<ChildRecord> identify(Iin iin, String lastName, String purpose);

    /**
     * The children linked to this parent in the registry (by the parent's IIN), each read audited with the purpose;
     * none when the registry links none.
     */
    List<ChildRecord> childrenOf(Iin parent, String purpose);

    /**
     * The person's record, the open enrolment if the child is a pupil now, and the IINs of the parents the registry
     * links to the child ({@code person_parent}; empty when it links none).
     */
    record ChildRecord(Person person, Enrolment current, List<String> parentIins) {

        public ChildRecord {
            parentIins = List.copyOf(parentIins);
        }

        /**
         * May this person apply for the child as its parent? Yes when the registry links them, and also when it links
         * no parent at all (no register of parents is complete yet); no when it links others only.
         */
        public boolean representedBy(Iin applicant) {
            return parentIins.isEmpty() || (applicant != null && parentIins.contains(applicant.value()));
        }
    }
}
