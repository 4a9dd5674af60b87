package kz.bilim.child.internal;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
import kz.bilim.child.ChildRecord;
import kz.bilim.child.ChildSource;
import kz.bilim.child.Children;
import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.KatoRange;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Paged;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.SignedIn;
import kz.bilim.kernel.Text;
import kz.bilim.territory.KatoCode;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * CA-2, one record per child: the district officer's review queue of records the linkage could not join by itself,
 * within the caller's territory (the records' residence; outside it a case is missing). A case is resolved once —
 * merged with one of its candidates (the sources of both move to one record, the other stays as history, merged
 * into it; nothing is deleted) or kept apart — audited; a second resolution is a conflict and changes nothing.
 */
@Service
@PreAuthorize(ReviewingChildren.RESOLVERS)
public class ReviewingChildren {

    static final String RESOLVERS = "hasAnyRole('DISTRICT_OFFICER', 'REGION_OFFICER')";
    static final String PURPOSE = "child-review";

    private final ChildReviewQueue queue;
    private final Children children;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    ReviewingChildren(ChildReviewQueue queue, Children children, AuditTrail audit,
                      PlatformTransactionManager transactions) {
        this.queue = queue;
        this.children = children;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The open cases of a territory (null: the caller's own), oldest first; the page is one audited read. */
    public Paged<ChildReview.Queued> queue(String kato, int page, int size) {
        return transaction.execute(status -> {
            String territory = ChildRegistry.territory(kato);
            var range = KatoRange.under(territory == null ? "" : new KatoCode(territory).scopePrefix());
            var rows = queue.queue(range, page, size + 1);
            var shown = rows.subList(0, Math.min(size, rows.size()));
            audit.record(AuditEntry.of(AuditAction.READ, "child-review-list", territory, territory, null)
                    .because(PURPOSE).with(Map.of("rows", shown.size(), "page", page)));
            return new Paged<>(List.copyOf(shown), page, size, null, rows.size() > size);
        });
    }

    /** One case with its records side by side (each record's read audited); missing outside the caller's scope. */
    public Optional<ChildReview.Shown> show(long id) {
        return transaction.execute(status -> queue.find(id).flatMap(c -> {
            var child = children.read(c.childId(), PURPOSE);
            if (child.isEmpty()) return Optional.empty();
            var candidates = new ArrayList<ChildRecord>();
            for (long candidate : c.candidates()) children.read(candidate, PURPOSE).ifPresent(candidates::add);
            return Optional.of(new ChildReview.Shown(c, child.get(), candidates));
        }));
    }

    /**
     * A record's history of review (for its page, to every reader of the record): what it was merged into, which
     * records were merged into it, and the cases it is in, newest first.
     */
    @PreAuthorize(ChildRegistry.READERS)
    public ChildReview.History history(long childId) {
        return transaction.execute(status -> new ChildReview.History(queue.mergedInto(childId).orElse(null),
                queue.mergedFrom(childId), queue.ofChild(childId)));
    }

    /**
     * Resolves a case: {@code MERGE} with one of its candidates, or {@code KEEP_APART}. The record kept is the one
     * holding an IIN when only one does, else the candidate (the earlier record); the other becomes its history.
     */
    public Outcome<ChildReview.Case> resolve(long id, String decision, String candidate) {
        var errors = new ArrayList<FieldError>();
        ChildReview.Decision chosen = null;
        String d = Text.blankToNull(decision);
        if (d == null) errors.add(new FieldError("decision", "error.field.required"));
        else try {
            chosen = ChildReview.Decision.valueOf(d.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("decision", "child.review.decision.unknown"));
        }
        Long with = null;
        String c = Text.blankToNull(candidate);
        if (chosen == ChildReview.Decision.MERGE) {
            if (c == null) errors.add(new FieldError("candidate", "error.field.required"));
            else if (!c.trim().matches("[0-9]{1,18}")) errors.add(new FieldError("candidate", "child.review.candidate.unknown"));
            else with = Long.parseLong(c.trim());
        }
        if (!errors.isEmpty()) return Refusal.invalid(errors).outcome();
        final var decided = chosen;
        final Long other = with;
        return Outcome.attempt(() -> transaction.execute(status -> {
            var review = queue.lock(id).orElseThrow(() -> Refusal.notFound("review", id).exception());
            if (!review.open())
                throw new Refusal(Refusal.Code.CONFLICT, "CA-2", "child.review.resolved", List.of(id), List.of(),
                        review).exception();
            if (decided == ChildReview.Decision.KEEP_APART) return keepApart(review);
            if (!review.candidates().contains(other))
                throw Refusal.invalid("candidate", "child.review.candidate.unknown").exception();
            return merge(review, other);
        }));
    }

    private ChildReview.Case keepApart(ChildReview.Case review) {
        queue.resolve(review.id(), ChildReview.State.KEPT_APART, null, null, SignedIn.actor());
        audit.record(AuditEntry.of(AuditAction.UPDATE, "child-review", review.id(), review.kato(), null)
                .because(PURPOSE).with(Map.of("decision", ChildReview.Decision.KEEP_APART.name(),
                        "child", review.childId())));
        return queue.find(review.id()).orElseThrow();
    }

    private ChildReview.Case merge(ChildReview.Case review, long candidateId) {
        var pair = queue.pair(review.childId(), candidateId);
        var subject = pair.stream().filter(p -> p.id() == review.childId()).findFirst()
                .orElseThrow(() -> Refusal.notFound("child", review.childId()).exception());
        var candidate = pair.stream().filter(p -> p.id() == candidateId).findFirst()
                .orElseThrow(() -> Refusal.notFound("child", candidateId).exception());
        if (subject.mergedInto() != null || candidate.mergedInto() != null)
            throw new Refusal(Refusal.Code.CONFLICT, "CA-2", "child.review.merged-already", List.of(), List.of())
                    .exception();
        if (subject.iin() != null && candidate.iin() != null)
            throw Refusal.byRule("CA-2", new FieldError("candidate", "child.review.two-iins")).exception();
        boolean keepSubject = subject.iin() != null && candidate.iin() == null;
        var survivor = keepSubject ? subject : candidate;
        var merged = keepSubject ? candidate : subject;
        var both = queue.bothHold(survivor.id(), merged.id());
        if (both.isPresent())
            throw Refusal.byRule("CA-2", new FieldError("candidate", "child.review.same-source",
                    new DefaultMessageSourceResolvable(ChildSource.valueOf(both.get()).messageKey()))).exception();
        int held = 0;
        for (String source : queue.move(survivor, merged)) held |= ChildMerge.bit(ChildSource.valueOf(source));
        queue.survivor(survivor, merged, held);
        queue.resolve(review.id(), ChildReview.State.MERGED, survivor.id(), merged.id(), SignedIn.actor());
        var details = Map.of("review", review.id(), "decision", ChildReview.Decision.MERGE.name(),
                "survivor", survivor.id(), "merged", merged.id());
        for (long child : List.of(survivor.id(), merged.id()))
            audit.record(AuditEntry.of(AuditAction.UPDATE, "child", child, review.kato(), null).because(PURPOSE)
                    .with(details));
        return queue.find(review.id()).orElseThrow();
    }
}
