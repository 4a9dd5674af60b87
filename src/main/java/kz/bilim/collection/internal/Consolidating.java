package kz.bilim.collection.internal;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditTrail;
import kz.bilim.collection.Level;
import kz.bilim.collection.Period;
import kz.bilim.collection.Submission;
import kz.bilim.kernel.Caller;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.SignedIn;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Map;

/** EIS-6: a territory consolidates the accepted submissions of its participants — all must be — in one set-based
 * statement. */
@Component
class Consolidating {

    private final CollectionRepository repository;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final SubmissionViews views;

    Consolidating(CollectionRepository repository, AuditTrail audit, PlatformTransactionManager transactions, Clock clock,
                  SubmissionViews views) {
        this.repository = repository;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.views = views;
    }

    Outcome<Submission> consolidate(long periodId) {
        Caller caller = SignedIn.required();
        var own = CollectionPolicy.ownParticipant(caller).orElse(null);
        if (own == null) return Refusal.forbidden(CollectionPolicy.EIS_6, "collection.forbidden.territory").outcome();
        return Outcome.attempt(() -> transaction.execute(status -> {
            Period period = repository.period(periodId).orElseThrow(() -> Refusal.notFound("period", periodId).exception());
            var participation = repository.participation(periodId, own.level(), own.kato());
            if (!participation.complete())
                throw Refusal.byRule(CollectionPolicy.EIS_6, "collection.consolidate.missing",
                        participation.missing(), participation.expected()).exception();
            String addressee = own.level() == Level.MINISTRY ? null : own.level().above().participantKato(own.kato());
            var found = repository.territorySubmission(periodId, own.level(), own.kato(), true);
            var row = found.orElseGet(() -> repository.insertTerritorySubmission(periodId, own.level(), own.kato(),
                    addressee));
            if (!row.status().editable()) throw Refusal.conflict("collection.locked", row.status().name()).exception();
            var written = repository.consolidate(row.id(), own.kato(), periodId, found.isEmpty());
            var history = repository.event(row, "CONSOLIDATED", row.version(), caller.username(), clock.instant(), null);
            audit.record(SubmissionViews.entry(AuditAction.UPDATE, row).because("consolidated")
                    .with(Map.of("participants", participation.expected(), "values", written.size(), "clause", "EIS-6")));
            return views.view(row, period, written, history);
        }));
    }
}
