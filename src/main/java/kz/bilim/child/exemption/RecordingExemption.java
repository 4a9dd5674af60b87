package kz.bilim.child.exemption;

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
import java.util.Map;
import java.util.Optional;

/**
 * CA-3 (2), (5): the district education office records that a child is not subject to schooling (health), with its
 * ground and document, or ends it. Only a child living in the caller's territory (missing otherwise); audited.
 * The flag {@code child.exempt} that the nine lists read is set in the same transaction.
 */
@Service
@PreAuthorize(RecordingExemption.RECORDERS)
public class RecordingExemption {

    public static final String RECORDERS = "hasAnyRole('DISTRICT_OFFICER', 'REGION_OFFICER')";
    static final String READERS = "hasAnyRole('MINISTRY_ADMIN', 'REGION_OFFICER', 'DISTRICT_OFFICER', 'POLICE_LIAISON')";
    static final int DOCUMENT_MAX = 200;

    public enum Ground {
        HEALTH, DISABILITY;

        public String messageKey() {
            return "exemption.ground." + name();
        }
    }

    public record Exemption(long id, long childId, Ground ground, String document, LocalDate issuedOn,
                            String recordedBy) {
    }

    private static final String CHILD = "select c.kato from child c where c.id = :id and {scope: kato=c.kato}";
    private static final String END = """
            update child_exemption set ended_at = now(), ended_by = :actor where child_id = :id and ended_at is null
            """;
    private static final String INSERT = """
            insert into child_exemption (child_id, kato, ground, document, issued_on, recorded_by)
            values (:id, :kato, :ground, :document, :issued, :actor) returning id
            """;
    private static final String FLAG = "update child set exempt = :exempt, updated_at = now() where id = :id";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;

    RecordingExemption(JdbcClient jdbc, AuditTrail audit, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    private static final String CURRENT = """
            select e.id, e.child_id, e.ground, e.document, e.issued_on, e.recorded_by
              from child_exemption e join child c on c.id = e.child_id
             where e.child_id = :id and e.ended_at is null and {scope: kato=c.kato}
            """;

    /** The child's current exemption, if any (within the caller's scope), for the child's page. */
    @PreAuthorize(READERS)
    public Optional<Exemption> current(long childId) {
        return ScopeCondition.current().sql(jdbc, CURRENT).param("id", childId)
                .query((rs, n) -> new Exemption(rs.getLong("id"), rs.getLong("child_id"),
                        Ground.valueOf(rs.getString("ground")), rs.getString("document"),
                        rs.getObject("issued_on", LocalDate.class), rs.getString("recorded_by"))).optional();
    }

    /** Records the exemption (replacing a current one). */
    public Outcome<Exemption> record(long childId, String ground, String document, String issuedOn) {
        var errors = new ArrayList<FieldError>();
        Ground parsed = null;
        String g = Text.blankToNull(ground);
        if (g == null) errors.add(new FieldError("ground", "error.field.required"));
        else try {
            parsed = Ground.valueOf(g.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("ground", "exemption.ground.unknown"));
        }
        String doc = Text.blankToNull(document);
        if (doc == null) errors.add(new FieldError("document", "error.field.required"));
        else if (doc.strip().length() > DOCUMENT_MAX) errors.add(new FieldError("document", "exemption.document.long", DOCUMENT_MAX));
        LocalDate issued = null;
        try {
            issued = issuedOn == null || issuedOn.isBlank() ? null : Dates.parse(issuedOn);
            if (issued == null) errors.add(new FieldError("issuedOn", "error.field.required"));
            else if (issued.isAfter(LocalDate.now(clock))) errors.add(new FieldError("issuedOn", "exemption.issued.future"));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("issuedOn", "exemption.issued.format"));
        }
        if (!errors.isEmpty()) return Refusal.invalid(errors).outcome();
        final Ground ok = parsed;
        final LocalDate on = issued;
        return Outcome.attempt(() -> transaction.execute(status -> {
            String kato = kato(childId);
            jdbc.sql(END).param("id", childId).param("actor", actor()).update();
            long id = jdbc.sql(INSERT).param("id", childId).param("kato", kato).param("ground", ok.name())
                    .param("document", doc.strip()).param("issued", on).param("actor", actor()).query(Long.class).single();
            jdbc.sql(FLAG).param("exempt", true).param("id", childId).update();
            audit.record(AuditEntry.of(AuditAction.UPDATE, "child", childId, kato, null).because("child-exemption")
                    .with(Map.of("ground", ok.name(), "exempt", true)));
            return new Exemption(id, childId, ok, doc.strip(), on, actor());
        }));
    }

    /** Ends the current exemption: the child is subject to schooling again. */
    public Outcome<Boolean> end(long childId) {
        return Outcome.attempt(() -> transaction.execute(status -> {
            String kato = kato(childId);
            int ended = jdbc.sql(END).param("id", childId).param("actor", actor()).update();
            jdbc.sql(FLAG).param("exempt", false).param("id", childId).update();
            audit.record(AuditEntry.of(AuditAction.UPDATE, "child", childId, kato, null).because("child-exemption")
                    .with(Map.of("exempt", false)));
            return ended > 0;
        }));
    }

    private String kato(long childId) {
        return ScopeCondition.current().sql(jdbc, CHILD).param("id", childId).query(String.class).optional()
                .orElseThrow(() -> Refusal.notFound("child", childId).exception());
    }

    private static String actor() {
        return SignedIn.required().username();
    }
}
