package kz.bilim.child.truancy;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
import kz.bilim.child.TruantListDeadlines;
import kz.bilim.kernel.CurrentScope;
import kz.bilim.kernel.KatoRange;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Paged;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.SignedIn;
import kz.bilim.kernel.Text;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * CA-4: the district's truant list agreed with the police: the police liaison of the district agrees or comments on
 * each child, then the district's education office places the list — by the 10th. Every list shown is audited (its
 * size), every decision and the placement too. A list of a district outside the caller's scope is missing for
 * reading, and forbidden (403) for a decision or the placement.
 */
@Service
@PreAuthorize(AgreeingTruantList.READERS)
class AgreeingTruantList implements TruantListDeadlines {

    static final String READERS = "hasAnyRole('MINISTRY_ADMIN', 'REGION_OFFICER', 'DISTRICT_OFFICER', 'POLICE_LIAISON')";
    static final String POLICE = "hasRole('POLICE_LIAISON')";
    static final String PLACERS = "hasAnyRole('DISTRICT_OFFICER', 'REGION_OFFICER')";
    static final int COMMENT_MAX = 2000;

    record Shown(TruantList list, List<TruantEntry> entries) {
    }

    private final TruancyRepository repository;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;

    AgreeingTruantList(TruancyRepository repository, AuditTrail audit, Clock clock,
                       PlatformTransactionManager transactions) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The lists of districts in the caller's scope, newest month first; {@code month} null: every month. */
    @Transactional(readOnly = true)
    public List<TruantList> lists(YearMonth month, int page, int size) {
        var range = KatoRange.under("");
        return repository.lists(month, range.first(), range.last(), size, page * size);
    }

    /** One list with its children (within the caller's scope), audited once with its size. */
    @Transactional
    public Shown show(long id) {
        var list = visible(id);
        var entries = repository.entries(id);
        audit.record(AuditEntry.of(AuditAction.READ, "truant-list", id, list.district(), null).because("truant-list")
                .with(Map.of("rows", entries.size(), "month", list.month().toString())));
        return new Shown(list, entries);
    }

    /** CA-4: the police liaison of the district agrees with a child's place on the list, or comments on it. */
    @PreAuthorize(POLICE)
    public Outcome<TruantEntry> decide(long listId, long childId, String decision, String comment) {
        return Outcome.attempt(() -> transaction.execute(status -> {
            var list = forOwnDistrict(listId, "truancy.decide.other-district");
            if (list.placed()) throw Refusal.conflict("truancy.list.placed").exception();
            var parsed = parse(decision);
            String text = Text.blankToNull(comment);
            if (text != null) text = text.strip();
            if (parsed == TruantEntry.Decision.COMMENTED && text == null)
                throw Refusal.invalid("comment", "truancy.comment.required").exception();
            if (text != null && text.length() > COMMENT_MAX)
                throw Refusal.invalid("comment", "truancy.comment.long", COMMENT_MAX).exception();
            var entry = repository.entry(listId, childId)
                    .orElseThrow(() -> Refusal.notFound("child", childId).exception());
            repository.decide(listId, childId, parsed, text, actor());
            audit.record(AuditEntry.of(AuditAction.UPDATE, "child", childId, entry.kato(), null)
                    .because("truant-list-decision").with(Map.of("list", listId, "decision", parsed.name())));
            return repository.entry(listId, childId).orElseThrow();
        }));
    }

    /** CA-4: the education office places the agreed list, once every child on it is agreed or commented. */
    @PreAuthorize(PLACERS)
    public Outcome<TruantList> place(long listId) {
        return Outcome.attempt(() -> transaction.execute(status -> {
            var list = forOwnDistrict(listId, "truancy.place.other-district");
            if (list.placed()) throw Refusal.conflict("truancy.list.placed").exception();
            if (list.undecided() > 0)
                throw Refusal.byRule("CA-4", "truancy.place.undecided", list.undecided()).exception();
            var now = clock.instant();
            if (repository.place(listId, now, actor()) == 0) throw Refusal.conflict("truancy.list.placed").exception();
            audit.record(AuditEntry.of(AuditAction.UPDATE, "truant-list", listId, list.district(), null)
                    .because("truant-list-placement").with(Map.of("agreed", list.agreed(),
                            "late", list.lateAt(now))));
            return repository.find(listId).orElseThrow();
        }));
    }

    /** CA-4: the lists of districts in the caller's scope not placed by their due moment or placed after it. */
    @Override
    @Transactional(readOnly = true)
    public List<LateList> late() {
        return repository.late(clock.instant(), Paged.MAX_SIZE).stream()
                .map(l -> new LateList(l.id(), l.district(), l.month(), l.due(), l.placedAt(), l.undecided())).toList();
    }

    private TruantList visible(long id) {
        return repository.find(id).filter(l -> CurrentScope.get().covers(l.district(), null))
                .orElseThrow(() -> Refusal.notFound("truant-list", id).exception());
    }

    private TruantList forOwnDistrict(long id, String reason) {
        var list = repository.find(id).orElseThrow(() -> Refusal.notFound("truant-list", id).exception());
        if (!CurrentScope.get().covers(list.district(), null))
            throw Refusal.forbidden("CA-4", reason).exception();
        return list;
    }

    private static TruantEntry.Decision parse(String decision) {
        String text = Text.blankToNull(decision);
        if (text == null) throw Refusal.invalid("decision", "error.field.required").exception();
        for (var d : TruantEntry.Decision.values()) if (d.name().equalsIgnoreCase(text.trim())) return d;
        throw Refusal.invalid("decision", "truancy.decision.unknown").exception();
    }

    private static String actor() {
        return SignedIn.required().username();
    }
}
