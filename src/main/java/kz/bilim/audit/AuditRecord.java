package kz.bilim.audit;

import java.time.Instant;

/** One event of the trail as read back: who did what to which subject, where, when, why; details as JSON text. */
public record AuditRecord(long id, Instant occurredAt, String actor, String actorRole, AuditAction action,
                          String subjectType, String subjectId, String kato, Long organisationId, String purpose,
                          String details) {

    public AuditCursor cursor() {
        return new AuditCursor(occurredAt, id);
    }
}
