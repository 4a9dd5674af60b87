package kz.bilim.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to the audit trail in the caller's transaction: if the change is rolled back, so is its record, and a
 * record of a read is written before the data leave the service.
 */
@Service
public class AuditTrail {

    private static final String APPEND = """
            insert into audit_event (actor, actor_role, action, subject_type, subject_id, kato, organisation_id, purpose, details)
            values (:actor, :role, :action, :subjectType, :subjectId, :kato, :organisationId, :purpose, cast(:details as jsonb))
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditTrail(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void record(AuditEntry entry) {
        record(entry, SecurityContextHolder.getContext().getAuthentication());
    }

    /** For facts about someone not (yet) signed in: a login, a failed login. */
    public void record(AuditEntry entry, String actor, String actorRole) {
        jdbc.sql(APPEND)
                .param("actor", actor)
                .param("role", actorRole)
                .param("action", entry.action().name())
                .param("subjectType", entry.subjectType())
                .param("subjectId", entry.subjectId())
                .param("kato", entry.kato())
                .param("organisationId", entry.organisationId())
                .param("purpose", entry.purpose())
                .param("details", json.writeValueAsString(entry.details()))
                .update();
    }

    private void record(AuditEntry entry, Authentication authentication) {
        String actor = authentication == null ? "system" : authentication.getName();
        String role = authentication == null ? "SYSTEM" : authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .findFirst().orElse("ANONYMOUS");
        record(entry, actor, role);
    }
}
