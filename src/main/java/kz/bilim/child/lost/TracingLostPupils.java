package kz.bilim.child.lost;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
import kz.bilim.kernel.CurrentScope;
import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.KatoRange;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Paged;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.Scope;
import kz.bilim.kernel.SignedIn;
import kz.bilim.kernel.Text;
import kz.bilim.territory.KatoCode;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Issue 9 item 5: the "left and not arrived" list of the territory the caller sees (the children's residence): the
 * pupils past {@link LostPupilPolicy#afterSchoolDays()} school days since they left a school, admitted nowhere. An
 * officer takes a case (then it is theirs) and closes it with a reason. Every page shown is one audited read with its
 * size; a case opened, taken or closed is an audit event. Outside the caller's scope a case is missing (404).
 */
@Service
@PreAuthorize(TracingLostPupils.READERS)
public class TracingLostPupils {

    static final String READERS = "hasAnyRole('MINISTRY_ADMIN', 'REGION_OFFICER', 'DISTRICT_OFFICER')";
    static final String OFFICERS = "hasAnyRole('DISTRICT_OFFICER', 'REGION_OFFICER')";

    private final LostPupilRepository repository;
    private final LostPupilPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;

    TracingLostPupils(LostPupilRepository repository, LostPupilPolicy policy, AuditTrail audit, Clock clock,
                      PlatformTransactionManager transactions) {
        this.repository = repository;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * The lost pupils of a territory ({@code kato} null: all the caller sees), those longest gone first; only the
     * caller's own cases when {@code mine}. Counted; the page is audited.
     */
    public Outcome<Paged<LostPupil>> list(String kato, boolean mine, int page, int size) {
        return Outcome.attempt(() -> transaction.execute(status -> {
            String territory = territory(kato);
            LocalDate today = today();
            var range = KatoRange.under(territory == null ? "" : new KatoCode(territory).scopePrefix());
            var listing = new LostPupilRepository.Listing(policy.listedBefore(today), adult(today), range.first(),
                    range.last(), mine ? actor() : null);
            long total = repository.count(listing);
            var items = (long) page * size >= total ? java.util.List.<LostPupil>of()
                    : repository.list(listing, size, (long) page * size).stream().map(p -> since(p, today)).toList();
            var details = new LinkedHashMap<String, Object>();
            details.put("rows", items.size());
            details.put("page", page);
            details.put("mine", mine);
            audit.record(AuditEntry.of(AuditAction.READ, "lost-pupil-list", territory, territory, null)
                    .because("lost-pupils").with(details));
            return Paged.counted(items, page, size, total);
        }));
    }

    /** One case (on the list now, or closed); the read is audited. */
    public Outcome<LostPupil> read(long id) {
        return Outcome.attempt(() -> transaction.execute(status -> {
            var found = find(id);
            audit.record(AuditEntry.of(AuditAction.READ, "child", found.childId(), found.kato(), null)
                    .because("lost-pupil").with(Map.of("case", id)));
            return found;
        }));
    }

    /** The caller takes the case: it is theirs until closed. Taken by someone else or closed: 409. */
    @PreAuthorize(OFFICERS)
    public Outcome<LostPupil> take(long id) {
        return Outcome.attempt(() -> transaction.execute(status -> {
            var found = find(id);
            if (found.closed()) throw Refusal.conflict("lost.case.closed").exception();
            if (found.ownedBy(actor())) return found;
            if (found.owner() != null) throw Refusal.conflict("lost.case.taken", found.owner()).exception();
            if (!repository.take(id, actor(), clock.instant()))
                throw Refusal.conflict("lost.case.taken-meanwhile").exception();
            audit.record(AuditEntry.of(AuditAction.UPDATE, "lost-pupil", id, found.kato(), null)
                    .because("lost-pupil-take").with(Map.of("child", found.childId())));
            return find(id);
        }));
    }

    /**
     * The owner closes the case: ENROLLED_ELSEWHERE (found in an organisation this system does not keep), MOVED_ABROAD,
     * or OTHER with a note (at most {@value LostPupilPolicy#NOTE_MAX} characters). Bad input: 422 naming the field;
     * not the caller's case, or closed: 409.
     */
    @PreAuthorize(OFFICERS)
    public Outcome<LostPupil> close(long id, String reason, String note) {
        var errors = new ArrayList<FieldError>();
        String r = Text.blankToNull(reason);
        LostPupilPolicy.CloseReason parsed = LostPupilPolicy.CloseReason.officers(r);
        if (r == null) errors.add(new FieldError("reason", "error.field.required"));
        else if (parsed == null) errors.add(new FieldError("reason", "lost.reason.unknown"));
        String text = Text.blankToNull(note);
        if (text != null) text = text.strip();
        if (parsed == LostPupilPolicy.CloseReason.OTHER && text == null)
            errors.add(new FieldError("note", "lost.note.required"));
        if (text != null && text.length() > LostPupilPolicy.NOTE_MAX)
            errors.add(new FieldError("note", "lost.note.long", LostPupilPolicy.NOTE_MAX));
        final String kept = text;
        return Outcome.attempt(() -> transaction.execute(status -> {
            var found = find(id);
            if (found.closed()) throw Refusal.conflict("lost.case.closed").exception();
            if (!found.ownedBy(actor()))
                throw (found.owner() == null ? Refusal.conflict("lost.case.not-taken")
                        : Refusal.conflict("lost.case.taken", found.owner())).exception();
            if (!errors.isEmpty()) throw Refusal.invalid(errors).exception();
            if (!repository.close(id, actor(), clock.instant(), parsed, kept))
                throw Refusal.conflict("lost.case.closed").exception();
            audit.record(AuditEntry.of(AuditAction.UPDATE, "lost-pupil", id, found.kato(), null)
                    .because("lost-pupil-close").with(Map.of("child", found.childId(), "reason", parsed.name())));
            return find(id);
        }));
    }

    /** The rule in force: how many school days make a pupil lost, and the cut-off of today's list. */
    public int afterSchoolDays() {
        return policy.afterSchoolDays();
    }

    private LostPupil find(long id) {
        LocalDate today = today();
        return repository.find(id, policy.listedBefore(today), adult(today)).map(p -> since(p, today))
                .orElseThrow(() -> Refusal.notFound("lost-pupil", id).exception());
    }

    private LostPupil since(LostPupil p, LocalDate today) {
        return p.since(policy.schoolDaysSince(p.leftOn(), p.closed() ? p.closedAt().atZone(kz.bilim.kernel.Almaty.ZONE)
                .toLocalDate().plusDays(1) : today));
    }

    /** The territory asked for, inside the caller's scope (a code outside it is missing, like one that does not exist). */
    private static String territory(String kato) {
        String code = Text.blankToNull(kato);
        if (code == null) return null;
        code = code.trim();
        if (!KatoCode.isWellFormed(code)) throw Refusal.invalid("kato", KatoCode.FORMAT_REASON).exception();
        var scope = CurrentScope.get();
        boolean inside = scope.kind() == Scope.Kind.ALL
                || scope.kind() == Scope.Kind.KATO && new KatoCode(code).scopePrefix().startsWith(scope.katoPrefix());
        if (!inside) throw Refusal.notFound("territory", code).exception();
        return code;
    }

    /** Born after this day: under 18 today (the list is of children). */
    private static LocalDate adult(LocalDate today) {
        return today.minusYears(18);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String actor() {
        return SignedIn.required().username();
    }
}
