package kz.bilim.collection.internal;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditTrail;
import kz.bilim.collection.Level;
import kz.bilim.collection.Submission;
import kz.bilim.collection.SubmissionStatus;
import kz.bilim.kernel.Caller;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.SignedIn;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/** EIS-6: a step of the level above on one submission — in one transaction over the row locked, only by the addressee,
 * only from the status it applies to, written to the history and the audit trail. */
@Component
class AddresseeSteps {

    private final CollectionRepository repository;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final SubmissionViews views;

    AddresseeSteps(CollectionRepository repository, AuditTrail audit, PlatformTransactionManager transactions, Clock clock,
                   SubmissionViews views) {
        this.repository = repository;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.views = views;
    }

    /** {@code change}: the step's writes, returning the row as it then stands (so that the answer reads no row back). */
    Outcome<Submission> step(long id, SubmissionStatus from, String comment, String action,
                             BiFunction<CollectionRepository.SubmissionRow, Caller, CollectionRepository.SubmissionRow> change) {
        Caller caller = SignedIn.required();
        return Outcome.attempt(() -> transaction.execute(status -> {
            var row = repository.submission(id, true).orElseThrow(() -> Refusal.notFound("submission", id).exception());
            if (!CollectionPolicy.isAddressee(caller, row.level(), row.addresseeKato()))
                throw Refusal.forbidden(CollectionPolicy.EIS_6, "collection.forbidden.addressee").exception();
            if (from != null && row.status() != from)
                throw Refusal.conflict("collection.step.wrong-status", action, row.status().name()).exception();
            var changed = change.apply(row, caller);
            var history = repository.event(row, action, row.version(), caller.username(), clock.instant(), comment);
            audit.record(SubmissionViews.entry(AuditAction.UPDATE, row).because(action.toLowerCase(Locale.ROOT))
                    .with(Map.of("version", row.version(), "clause", action.equals("DISTORTED") ? "EIS-8" : "EIS-6")));
            return views.view(changed, views.periodOf(changed), repository.values(id), history);
        }));
    }

    /** EIS-6: an approval the level gave cannot be withdrawn under a consolidation that already went up. */
    void notYetGoneUp(CollectionRepository.SubmissionRow row) {
        Level above = row.level().above();
        repository.territorySubmission(row.periodId(), above, row.addresseeKato(), false)
                .filter(t -> t.status() == SubmissionStatus.SUBMITTED || t.status() == SubmissionStatus.ACCEPTED)
                .ifPresent(t -> {
                    throw Refusal.byRule(CollectionPolicy.EIS_6, "collection.unapprove.gone-up", t.status().name())
                            .exception();
                });
    }
}
