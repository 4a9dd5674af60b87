package kz.bilim.audit;

import kz.bilim.kernel.ScopeCondition;
import kz.bilim.kernel.Almaty;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * Appends to the audit trail in the caller's transaction: if the change is rolled back, so is its record, and a
 * record of a read is written before the data leave the service.
 * <p>
 * Reading the trail is scoped twice: by row-level security on {@code audit_event} and by the explicit
 * {@link AuditScope} every search takes. Searches go newest first by keyset ({@code occurred_at, id}), so that a
 * page costs the same on the millionth row as on the first; no total is counted.
 */
@Service
public class AuditTrail {

    private static final String APPEND = """
            insert into audit_event (actor, actor_role, action, subject_type, subject_id, kato, organisation_id, purpose, details)
            values (:actor, :role, :action, :subjectType, :subjectId, :kato, :organisationId, :purpose, cast(:details as jsonb))
            """;

    private static final String SELECT = """
            select id, occurred_at, actor, actor_role, action, subject_type, subject_id, kato, organisation_id,
                   purpose, details::text as details
              from audit_event
            """;

    // Conditions are fixed SQL fragments chosen by which criteria are present; values are always bound parameters.
    private static final String BY_ACTOR = "actor = :actor";
    private static final String BY_ACTION = "action = :action";
    private static final String BY_SUBJECT_TYPE = "subject_type = :subjectType";
    private static final String BY_SUBJECT_ID = "subject_id = :subjectId";
    private static final String FROM = "occurred_at >= :from";
    private static final String UNTIL = "occurred_at < :until";
    // A subtree by the stored region or district prefix (indexed, and = is leakproof, so usable under row-level
    // security); a deeper subtree adds the code prefix as a filter on top of its district's index.
    private static final String IN_REGION = "region_prefix = :%sRegion";
    private static final String IN_DISTRICT = "district_prefix = :%sDistrict";
    private static final String UNDER_CODE = "kato like :%sCode";
    private static final String BEFORE = "(occurred_at, id) < (:beforeTime, :beforeId)";
    private static final String NEWEST_FIRST = " order by occurred_at desc, id desc limit :limit";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final JsonMapper json;

    AuditTrail(JdbcClient jdbc, NamedParameterJdbcTemplate batch, JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    public void record(AuditEntry entry) {
        record(entry, SecurityContextHolder.getContext().getAuthentication());
    }

    /** For facts about someone not (yet) signed in: a login, a failed login. */
    public void record(AuditEntry entry, String actor, String actorRole) {
        jdbc.sql(APPEND).paramSource(row(entry, actor, actorRole)).update();
    }

    /**
     * Like {@link #record(AuditEntry)}, in the same transaction, but written when it commits, together with the other
     * records so deferred: one statement for all of them instead of a round trip each (a portal submission records the
     * read of the child and the application, issue 11's benchmark). The actor is the one signed in now. A rollback
     * discards them with the rest; the commit writes them before the transaction's data leave the service, and if
     * the write fails, the commit fails. Outside a transaction the record is written at once.
     */
    public void recordAtCommit(AuditEntry entry) {
        var row = row(entry, SecurityContextHolder.getContext().getAuthentication());
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            jdbc.sql(APPEND).paramSource(row).update();
            return;
        }
        // the queue belongs to this transaction's synchronizations, which a nested REQUIRES_NEW suspends with it
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations())
            if (s instanceof AtCommit queued) {
                queued.rows.add(row);
                return;
            }
        var queued = new AtCommit();
        queued.rows.add(row);
        TransactionSynchronizationManager.registerSynchronization(queued);
    }

    /** The records deferred to the commit of one transaction, written by one (batched, rewritten) insert. */
    private final class AtCommit implements TransactionSynchronization {

        final List<MapSqlParameterSource> rows = new ArrayList<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            if (rows.size() == 1) batch.update(APPEND, rows.get(0));
            else batch.batchUpdate(APPEND, rows.toArray(new MapSqlParameterSource[0]));
            rows.clear();
        }
    }

    private MapSqlParameterSource row(AuditEntry entry, String actor, String actorRole) {
        return new MapSqlParameterSource()
                .addValue("actor", actor)
                .addValue("role", actorRole)
                .addValue("action", entry.action().name())
                .addValue("subjectType", entry.subjectType())
                .addValue("subjectId", entry.subjectId())
                .addValue("kato", entry.kato())
                .addValue("organisationId", entry.organisationId())
                .addValue("purpose", entry.purpose())
                .addValue("details", json.writeValueAsString(entry.details()));
    }

    /** One page of the trail within the reader's scope, newest first. Reading the trail is not itself audited. */
    public AuditPage search(AuditQuery query, AuditScope scope) {
        if (scope.isNothing()) return new AuditPage(List.of(), null);
        Statement statement = statement(query, scope);
        List<AuditRecord> rows = jdbc.sql(statement.sql()).params(statement.params()).query(AuditTrail::map).list();
        if (rows.size() <= query.size()) return new AuditPage(rows, null);
        List<AuditRecord> page = rows.subList(0, query.size());
        return new AuditPage(page, page.get(page.size() - 1).cursor());
    }

    record Statement(String sql, Map<String, Object> params) {
    }

    /** The search as SQL text made of fixed fragments, and its bound values (one more row than a page). */
    static Statement statement(AuditQuery query, AuditScope scope) {
        List<String> where = new ArrayList<>();
        var params = new HashMap<String, Object>();
        scopeCondition(scope, where, params);
        if (query.actor() != null) {
            where.add(BY_ACTOR);
            params.put("actor", query.actor());
        }
        if (query.action() != null) {
            where.add(BY_ACTION);
            params.put("action", query.action().name());
        }
        if (query.subjectType() != null) {
            where.add(BY_SUBJECT_TYPE);
            params.put("subjectType", query.subjectType());
        }
        if (query.subjectId() != null) {
            where.add(BY_SUBJECT_ID);
            params.put("subjectId", query.subjectId());
        }
        if (query.from() != null) {
            where.add(FROM);
            params.put("from", query.from().atStartOfDay(Almaty.ZONE).toOffsetDateTime());
        }
        if (query.to() != null) {
            where.add(UNTIL);
            params.put("until", query.to().plusDays(1).atStartOfDay(Almaty.ZONE).toOffsetDateTime());
        }
        if (query.territory() != null) subtree("territory", query.territoryPrefix(), where, params);
        if (query.before() != null) {
            where.add(BEFORE);
            params.put("beforeTime", OffsetDateTime.ofInstant(query.before().occurredAt(), ZoneOffset.UTC));
            params.put("beforeId", query.before().id());
        }
        String sql = SELECT + (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + NEWEST_FIRST;
        params.put("limit", query.size() + 1);
        return new Statement(sql, params);
    }

    /** One event, if it lies within the reader's scope. */
    public Optional<AuditRecord> find(long id, AuditScope scope) {
        if (scope.isNothing()) return Optional.empty();
        List<String> where = new ArrayList<>(List.of("id = :id"));
        var params = new HashMap<String, Object>();
        params.put("id", id);
        scopeCondition(scope, where, params);
        return jdbc.sql(SELECT + " where " + String.join(" and ", where)).params(params)
                .query(AuditTrail::map).optional();
    }

    /** The reader's scope over the stored region and district prefixes, which index the trail. */
    private static void scopeCondition(AuditScope scope, List<String> where, Map<String, Object> params) {
        if (scope.isEverything()) return;
        var condition = ScopeCondition.of(scope.asScope());
        where.add(condition.expand(
                "{scope: region=region_prefix, district=district_prefix, kato=kato, organisation=organisation_id}"));
        params.putAll(condition.params());
    }

    /** Conditions for events in the KATO subtree of this prefix (2–9 digits). */
    private static void subtree(String name, String prefix, List<String> where, Map<String, Object> params) {
        if (prefix.length() < 4) {
            where.add(IN_REGION.formatted(name));
            params.put(name + "Region", prefix.substring(0, 2));
        } else {
            where.add(IN_DISTRICT.formatted(name));
            params.put(name + "District", prefix.substring(0, 4));
        }
        if (prefix.length() != 2 && prefix.length() != 4) {
            where.add(UNDER_CODE.formatted(name));
            params.put(name + "Code", prefix + "%");
        }
    }

    private static AuditRecord map(ResultSet rs, int row) throws SQLException {
        return new AuditRecord(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("actor_role"), AuditAction.valueOf(rs.getString("action")),
                rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("kato"),
                rs.getObject("organisation_id", Long.class), rs.getString("purpose"), rs.getString("details"));
    }

    private void record(AuditEntry entry, Authentication authentication) {
        jdbc.sql(APPEND).paramSource(row(entry, authentication)).update();
    }

    private MapSqlParameterSource row(AuditEntry entry, Authentication authentication) {
        String actor = authentication == null ? "system" : authentication.getName();
        String role = authentication == null ? "SYSTEM" : authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .findFirst().orElse("ANONYMOUS");
        return row(entry, actor, role);
    }
}
