package kz.bilim.child.internal;

import kz.bilim.child.ChildRecord;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The review queue of CA-2 (one record per child): a case is a record the linkage made ({@code childId}) and the
 * recorded children it may be ({@code candidates}); a district officer merges it with one of them or keeps it apart.
 */
public final class ChildReview {

    private ChildReview() {
    }

    /** Why the linkage could not decide. */
    public enum Reason {
        /** A row without IIN fitted several children by folded name, birth date and district. */
        AMBIGUOUS_MATCH,
        /** A row with an IIN while the same name, birth date and district were recorded without IIN. */
        IIN_LATER;

        public String messageKey() {
            return "child.review.reason." + name();
        }
    }

    public enum State {
        OPEN, MERGED, KEPT_APART;

        public String messageKey() {
            return "child.review.state." + name();
        }
    }

    /** What the officer decides. */
    public enum Decision {
        MERGE, KEEP_APART
    }

    /** A case as stored: ids and facts, no personal data. */
    public record Case(long id, long childId, Reason reason, String kato, String source, State state, Long survivorId,
                       Long mergedId, String resolvedBy, Instant resolvedAt, Instant createdAt, List<Long> candidates) {

        public boolean open() {
            return state == State.OPEN;
        }
    }

    /** A case on the queue with its record's name, birth date and residence (personal data: the page is audited). */
    public record Queued(Case review, String lastName, String firstName, String patronymic, String iin,
                         LocalDate birthDate, String kato) {

        public String fullName() {
            return lastName + " " + firstName + (patronymic == null ? "" : " " + patronymic);
        }
    }

    /**
     * A case with the records side by side: the record the linkage made and the candidates the caller may see (each
     * read audited), each with what its sources said.
     */
    public record Shown(Case review, ChildRecord child, List<ChildRecord> candidates) {
    }

    /** A record's review history: merged into another (history then), records merged into it, its cases. */
    public record History(Long mergedInto, List<Long> mergedFrom, List<Case> cases) {
    }
}
