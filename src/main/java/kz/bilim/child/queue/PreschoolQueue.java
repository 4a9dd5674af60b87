package kz.bilim.child.queue;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
import kz.bilim.kernel.Dates;
import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.ScopeCondition;
import kz.bilim.kernel.SignedIn;
import kz.bilim.kernel.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The queue for places in preschool organisations (SC-5 indicator 41): the district education office puts a child of
 * the single database on the queue of a territory — where a place is wanted, by default the child's residence — from
 * a day, and closes the entry when the child is placed, the parents withdraw or the family moves away. One open entry
 * per child; only children living in (and queues of) the caller's territory; audited. Indicator 41 counts the entries
 * open on the snapshot day.
 */
@Service
@PreAuthorize(PreschoolQueue.RECORDERS)
public class PreschoolQueue {

    static final String RECORDERS = "hasAnyRole('DISTRICT_OFFICER', 'REGION_OFFICER')";

    public enum Closing {PLACED, WITHDRAWN, MOVED_AWAY}

    public record Entry(long id, long childId, String kato, LocalDate registeredOn, LocalDate wantedFrom,
                        LocalDate closedOn, String outcome) {
    }

    private static final String CHILD = "select c.kato from child c where c.id = :id and {scope: kato=c.kato}";
    private static final String OPEN = "select id from preschool_queue_entry where child_id = :id and closed_on is null";
    private static final String INSERT = """
            insert into preschool_queue_entry (child_id, kato, registered_on, wanted_from, recorded_by)
            values (:child, :kato, :registered, :wanted, :actor) returning id""";
    private static final String FIND = """
            select id, child_id, kato, registered_on, wanted_from, closed_on, outcome from preschool_queue_entry q
             where q.id = :id and {scope: kato=q.kato}""";
    private static final String CLOSE = """
            update preschool_queue_entry set closed_on = :on, outcome = :outcome, closed_by = :actor
             where id = :id and closed_on is null""";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;

    PreschoolQueue(JdbcClient jdbc, AuditTrail audit, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Puts the child on the queue of {@code kato} (null: the child's residence) from {@code registeredOn}. */
    public Outcome<Entry> enter(long childId, String kato, String registeredOn, String wantedFrom) {
        var errors = new ArrayList<FieldError>();
        LocalDate registered = day("registeredOn", registeredOn, true, errors);
        LocalDate wanted = day("wantedFrom", wantedFrom, false, errors);
        if (registered != null && registered.isAfter(LocalDate.now(clock)))
            errors.add(new FieldError("registeredOn", "child.queue.registered.future"));
        String territory = Text.blankToNull(kato);
        if (territory != null && !territory.strip().matches("\\d{9}"))
            errors.add(new FieldError("kato", "child.queue.kato.format"));
        if (!errors.isEmpty()) return Refusal.invalid(errors).outcome();
        LocalDate from = wanted == null ? registered : wanted;
        if (from.isBefore(registered.minusDays(366)))
            return Refusal.invalid("wantedFrom", "child.queue.wanted.before").outcome();
        return Outcome.attempt(() -> transaction.execute(status -> {
            String residence = ScopeCondition.current().sql(jdbc, CHILD).param("id", childId).query(String.class)
                    .optional().orElseThrow(() -> Refusal.notFound("child", childId).exception());
            String queue = territory == null ? residence : territory.strip();
            if (!ScopeCondition.current().scope().covers(queue, null))
                throw Refusal.invalid("kato", "child.queue.kato.scope").exception();
            if (jdbc.sql(OPEN).param("id", childId).query(Long.class).optional().isPresent())
                throw Refusal.conflict("child.queue.open").exception();
            long id = jdbc.sql(INSERT).param("child", childId).param("kato", queue).param("registered", registered)
                    .param("wanted", from).param("actor", actor()).query(Long.class).single();
            audit.record(AuditEntry.of(AuditAction.CREATE, "preschool-queue", id, queue, null).because("preschool-queue")
                    .with(Map.of("child", childId)));
            return new Entry(id, childId, queue, registered, from, null, null);
        }));
    }

    /** Closes an open entry on {@code closedOn} with its outcome. */
    public Outcome<Entry> close(long entryId, String outcome, String closedOn) {
        var errors = new ArrayList<FieldError>();
        Closing parsed = null;
        String o = Text.blankToNull(outcome);
        if (o == null) errors.add(new FieldError("outcome", "error.field.required"));
        else try {
            parsed = Closing.valueOf(o.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("outcome", "child.queue.outcome.unknown", String.join(", ",
                    List.of("PLACED", "WITHDRAWN", "MOVED_AWAY"))));
        }
        LocalDate on = day("closedOn", closedOn, true, errors);
        if (on != null && on.isAfter(LocalDate.now(clock))) errors.add(new FieldError("closedOn", "child.queue.closed.future"));
        if (!errors.isEmpty()) return Refusal.invalid(errors).outcome();
        Closing ok = parsed;
        return Outcome.attempt(() -> transaction.execute(status -> {
            Entry entry = find(entryId);
            if (entry.closedOn() != null) throw Refusal.conflict("child.queue.closed").exception();
            if (on.isBefore(entry.registeredOn()))
                throw Refusal.invalid("closedOn", "child.queue.closed.before").exception();
            jdbc.sql(CLOSE).param("on", on).param("outcome", ok.name()).param("actor", actor()).param("id", entryId)
                    .update();
            audit.record(AuditEntry.of(AuditAction.UPDATE, "preschool-queue", entryId, entry.kato(), null)
                    .because("preschool-queue").with(Map.of("outcome", ok.name())));
            return new Entry(entry.id(), entry.childId(), entry.kato(), entry.registeredOn(), entry.wantedFrom(), on,
                    ok.name());
        }));
    }

    private Entry find(long id) {
        return ScopeCondition.current().sql(jdbc, FIND).param("id", id)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getLong("child_id"), rs.getString("kato"),
                        rs.getDate("registered_on").toLocalDate(), rs.getDate("wanted_from").toLocalDate(),
                        rs.getDate("closed_on") == null ? null : rs.getDate("closed_on").toLocalDate(),
                        rs.getString("outcome"))).optional()
                .orElseThrow(() -> Refusal.notFound("preschool-queue", id).exception());
    }

    private static LocalDate day(String field, String text, boolean required, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            if (required) errors.add(new FieldError(field, "error.field.required"));
            return null;
        }
        try {
            return Dates.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "child.queue.day.format"));
            return null;
        }
    }

    private static String actor() {
        return SignedIn.required().username();
    }
}
