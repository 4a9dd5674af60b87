package kz.bilim.collection.internal;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditTrail;
import kz.bilim.collection.DataCollection;
import kz.bilim.collection.Draft;
import kz.bilim.collection.Form;
import kz.bilim.collection.Level;
import kz.bilim.collection.PaperSubmission;
import kz.bilim.collection.Period;
import kz.bilim.collection.RegistryQuery;
import kz.bilim.collection.Submission;
import kz.bilim.identity.Iin;
import kz.bilim.kernel.Almaty;
import kz.bilim.kernel.Caller;
import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Paged;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.SignedIn;
import kz.bilim.organisation.Organisation;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.Organisations;
import kz.bilim.signature.SignatureCheck;
import kz.bilim.signature.Signatures;
import kz.bilim.signature.Signer;
import kz.bilim.staff.StaffHeads;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** EIS-4…EIS-8: a participant reads and fills its submission and submits it signed; the addressee records paper. */
@Component
class Submitting {

    private static final Set<String> SCAN_TYPES = Set.of("application/pdf", "image/jpeg", "image/png");
    private static final int MAX_SCAN = 10 * 1024 * 1024;

    private final CollectionRepository repository;
    private final Organisations organisations;
    private final StaffHeads heads;
    private final Signatures signatures;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final SubmissionViews views;
    private final EnterOnce enterOnce;
    private final Arrivals arrivals;

    Submitting(CollectionRepository repository, Organisations organisations, StaffHeads heads, Signatures signatures,
               AuditTrail audit, PlatformTransactionManager transactions, Clock clock, SubmissionViews views,
               EnterOnce enterOnce, Arrivals arrivals) {
        this.repository = repository;
        this.organisations = organisations;
        this.heads = heads;
        this.signatures = signatures;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.views = views;
        this.enterOnce = enterOnce;
        this.arrivals = arrivals;
    }

    Paged<Submission> submissions(DataCollection.Filter filter, int page, int size) {
        var rows = repository.submissions(new CollectionRepository.Filter(filter.periodId(), filter.level(),
                filter.status(), filter.late(), filter.katoPrefix()), page, size);
        boolean more = rows.size() > size;
        var periods = new java.util.HashMap<Long, Period>();
        var items = rows.stream().limit(size)
                .map(r -> views.view(r, periods.computeIfAbsent(r.periodId(), id -> views.periodOf(r)), List.of(),
                        List.of()))
                .toList();
        return new Paged<>(items, page, size, null, more);
    }

    Optional<Draft> submission(long id) {
        return repository.submission(id, false).map(row -> {
            Period period = views.periodOf(row);
            Form form = views.formOf(period);
            List<Submission.Value> values = repository.values(id);
            List<RegistryQuery> queries = List.of();
            if (row.level() == Level.ORGANISATION && row.status().editable()) {
                var checked = FormValidation.check(form.definition(), EnterOnce.raw(values), enterOnce.registry(row, form),
                        EnterOnce.explanations(values));
                if (values.isEmpty()) values = checked.values(); // enter once: what the registries know, marked
                queries = checked.queries();
            }
            return new Draft(views.view(row, period, values, repository.history(id)), queries);
        });
    }

    Outcome<Draft> fill(long id, Map<String, Object> values, Map<String, String> explanations) {
        Caller caller = SignedIn.required();
        return Outcome.attempt(() -> transaction.execute(status -> {
            var row = repository.submission(id, true).orElseThrow(() -> Refusal.notFound("submission", id).exception());
            if (!CollectionPolicy.isParticipant(caller, row.level(), row.organisationId(), row.kato())
                    || row.level() != Level.ORGANISATION)
                throw Refusal.forbidden(CollectionPolicy.EIS_6, "collection.forbidden.participant").exception();
            if (!row.status().editable())
                throw Refusal.conflict("collection.locked", row.status().name()).exception();
            Period period = views.periodOf(row);
            Form form = views.formOf(period);
            var checked = FormValidation.check(form.definition(), values, enterOnce.registry(row, form), explanations);
            if (!checked.errors().isEmpty())
                throw new Refusal(Refusal.Code.INVALID_INPUT, FormValidation.EIS_4, "error.invalid-input.detail",
                        List.of(), checked.errors()).exception();
            repository.replaceValues(row, checked.values());
            audit.record(SubmissionViews.entry(AuditAction.UPDATE, row).because("filled"));
            return new Draft(views.view(row, period, repository.values(id), repository.history(id)), checked.queries());
        }));
    }

    Optional<byte[]> content(long id) {
        return repository.submission(id, false).map(row -> {
            Period period = views.periodOf(row);
            Form form = views.formOf(period);
            // EIS-6: a territory signs the sums as they stand now (what its submission checks)
            var values = row.level() == Level.ORGANISATION ? enterOnce.currentValues(row, form) : currentSums(row);
            return arrivals.canonical(form, period, row, values, row.version() + 1);
        });
    }

    Outcome<Submission> submit(long id, byte[] signature) {
        Caller caller = SignedIn.required();
        return Outcome.attempt(() -> transaction.execute(status -> {
            var row = repository.submission(id, true).orElseThrow(() -> Refusal.notFound("submission", id).exception());
            if (!CollectionPolicy.isParticipant(caller, row.level(), row.organisationId(), row.kato()))
                throw Refusal.forbidden(CollectionPolicy.EIS_6, "collection.forbidden.participant").exception();
            Period period = views.periodOf(row);
            Form form = views.formOf(period);
            Instant now = clock.instant();
            arrivals.checkSubmittable(row, period, now);
            if (signature == null || signature.length == 0)
                throw new Refusal(Refusal.Code.INVALID_INPUT, row.level() == Level.ORGANISATION ? CollectionPolicy.EIS_5
                        : CollectionPolicy.EIS_6, "error.invalid-input.detail", List.of(),
                        List.of(new FieldError("signature", "error.field.required"))).exception();
            return row.level() == Level.ORGANISATION
                    ? submitOrganisation(row, form, period, signature, now, caller)
                    : submitTerritory(row, form, period, signature, now, caller);
        }));
    }

    /** EIS-5: the head's signature over exactly the stored values; a signature over other data is "tampered". */
    private Submission submitOrganisation(CollectionRepository.SubmissionRow row, Form form, Period period, byte[] signature,
                                    Instant now, Caller caller) {
        var values = enterOnce.checkedValues(row, form);
        Organisation organisation = organisations.find(OrganisationId.of(row.organisationId()))
                .orElseThrow(() -> Refusal.notFound("organisation", row.organisationId()).exception());
        byte[] content = arrivals.canonical(form, period, row, values.checked(), row.version() + 1);
        Signer signer = signatures.verify(content, signature,
                SignatureCheck.byOrganisation(CollectionPolicy.EIS_5, organisation.bin())).orElseThrow();
        // EIS-5: signed by the head — where the staff registry knows the director, it must be them (or a deputy)
        if (heads.head(organisation.id(), signer.iin(), LocalDate.ofInstant(now, Almaty.ZONE)) == StaffHeads.Head.NOT_HEAD)
            throw Refusal.byRule(CollectionPolicy.EIS_5,
                    new FieldError("signature", "collection.signature.not-head")).exception();
        return arrived(arrivals.record(row, content, now, period, "ELECTRONIC", signature, signer, null, caller),
                period, values.stored());
    }

    /** The answer to a submission, from what was just written and read (no read-back). */
    private Submission arrived(Arrivals.Arrived arrived, Period period, List<Submission.Value> values) {
        return views.view(arrived.row(), period, values, arrived.history());
    }

    /**
     * EIS-6: a territory's consolidation goes up signed by the officer with their personal certificate (their IIN),
     * over the sums recomputed now from what is accepted — so a consolidation signed before a participant's data
     * changed is refused as signed over other data, and nothing is written.
     */
    private Submission submitTerritory(CollectionRepository.SubmissionRow row, Form form, Period period, byte[] signature,
                                 Instant now, Caller caller) {
        var participation = repository.participation(row.periodId(), row.level(), row.kato());
        if (!participation.complete())
            throw Refusal.byRule(CollectionPolicy.EIS_6, "collection.consolidate.missing",
                    participation.missing(), participation.expected()).exception();
        if (caller.iin() == null)
            throw Refusal.byRule(CollectionPolicy.EIS_6, new FieldError("signature", "collection.signature.no-iin"))
                    .exception();
        // the stored consolidation is rewritten only where what it was formed from changed since
        List<Submission.Value> values = row.formedFrom(participation.basis()) ? repository.values(row.id())
                : repository.consolidate(row.id(), row.kato(), row.periodId(), false);
        if (values.isEmpty())
            throw Refusal.byRule(CollectionPolicy.EIS_6, "collection.submit.not-consolidated").exception();
        byte[] content = arrivals.canonical(form, period, row, values, row.version() + 1);
        Signer signer = signatures.verify(content, signature,
                SignatureCheck.byPerson(CollectionPolicy.EIS_6, new Iin(caller.iin()))).orElseThrow();
        return arrived(arrivals.record(row, content, now, period, "CONSOLIDATED", signature, signer, null, caller),
                period, values);
    }

    /**
     * EIS-6: a territory's sums as they stand now: its stored consolidation while the accepted participants and their
     * versions are those it was formed from (the same basis), else summed again (read only).
     */
    private List<Submission.Value> currentSums(CollectionRepository.SubmissionRow row) {
        var stored = repository.consolidationIfCurrent(row);
        return !stored.isEmpty() ? stored : repository.consolidatedSums(row.kato(), row.periodId());
    }

    Outcome<Submission> receivePaper(long id, PaperSubmission paper, Map<String, Object> values) {
        Caller caller = SignedIn.required();
        var errors = new ArrayList<FieldError>();
        LocalDate today = LocalDate.now(clock);
        if (paper == null || paper.scan() == null || paper.scan().length == 0)
            errors.add(new FieldError("scan", "error.field.required"));
        else if (paper.scan().length > MAX_SCAN) errors.add(new FieldError("scan", "collection.paper.scan-too-large"));
        else if (paper.scanType() == null || !SCAN_TYPES.contains(paper.scanType()))
            errors.add(new FieldError("scan", "collection.paper.scan-type"));
        if (paper == null || paper.arrivedOn() == null) errors.add(new FieldError("arrivedOn", "error.field.required"));
        else if (paper.arrivedOn().isAfter(today)) errors.add(new FieldError("arrivedOn", "collection.paper.arrived-future"));
        if (paper == null || paper.reference() == null || paper.reference().isBlank())
            errors.add(new FieldError("reference", "error.field.required"));
        if (!errors.isEmpty())
            return new Refusal(Refusal.Code.INVALID_INPUT, CollectionPolicy.EIS_7, "error.invalid-input.detail",
                    List.of(), errors).outcome();
        return Outcome.attempt(() -> transaction.execute(status -> {
            var row = repository.submission(id, true).orElseThrow(() -> Refusal.notFound("submission", id).exception());
            if (row.level() != Level.ORGANISATION || !CollectionPolicy.isAddressee(caller, row.level(), row.addresseeKato()))
                throw Refusal.forbidden(CollectionPolicy.EIS_6, "collection.forbidden.addressee").exception();
            Period period = views.periodOf(row);
            Form form = views.formOf(period);
            if (paper.arrivedOn().isBefore(period.startsOn()))
                throw Refusal.invalid("arrivedOn", "collection.paper.arrived-before-period", period.startsOn()).exception();
            // EIS-7: the submission date is the day the paper reached the addressee
            Instant arrived = paper.arrivedOn().atStartOfDay(Almaty.ZONE).toInstant();
            arrivals.checkSubmittable(row, period, arrived);
            if (values != null) {
                var checked = FormValidation.check(form.definition(), values, enterOnce.registry(row, form), Map.of());
                if (!checked.errors().isEmpty())
                    throw new Refusal(Refusal.Code.INVALID_INPUT, FormValidation.EIS_4, "error.invalid-input.detail",
                            List.of(), checked.errors()).exception();
                repository.replaceValues(row, checked.values());
            }
            var stored = enterOnce.checkedValues(row, form);
            byte[] content = arrivals.canonical(form, period, row, stored.checked(), row.version() + 1);
            return arrived(arrivals.record(row, content, arrived, period, "PAPER", null, null, paper, caller), period,
                    stored.stored());
        }));
    }
}
