package kz.bilim.child;

import kz.bilim.kernel.Paged;

import java.util.Optional;

/**
 * The single database of children (CA-2, CA-3), always within the caller's scope (the child's residence): what lies
 * outside is missing, exactly like what does not exist. Every child shown is written to the audit trail.
 */
public interface Children {

    /** Children by IIN (digits) or by the beginning of the surname, ordered by name; each one shown is audited. */
    Paged<ChildRecord> search(String iin, String name, int page, int size);

    /** One child's record; the read is audited with its purpose. */
    Optional<ChildRecord> read(long id, String purpose);

    /** The children of a territory on one list, a page ordered by name; the page is audited. */
    Paged<ChildRecord> list(String kato, ChildList list, int page, int size);

    /** Counts of the nine lists for a territory (null: the caller's own), within the caller's scope. */
    ListCounts counts(String kato);

    /**
     * The counts of each of these parts of the territory (its child territories, for the drill-down), from the same
     * kept counts; in the order given.
     */
    java.util.List<ListCounts> partCounts(String kato, java.util.List<String> parts);
}
