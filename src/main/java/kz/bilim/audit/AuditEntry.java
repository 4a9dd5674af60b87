package kz.bilim.audit;

import java.util.Map;
import java.util.Objects;

/**
 * One fact for the trail. {@code kato} and {@code organisationId} place it in the territory of the subject, so that
 * the subject's district can read who touched its records. Details must never hold personal data (names, IINs).
 */
public record AuditEntry(AuditAction action, String subjectType, String subjectId, String kato, Long organisationId,
                         String purpose, Map<String, ?> details) {

    public AuditEntry {
        Objects.requireNonNull(action);
        Objects.requireNonNull(subjectType);
        kato = kato == null ? "" : kato;
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static AuditEntry of(AuditAction action, String subjectType, Object subjectId, String kato,
                                Long organisationId) {
        return new AuditEntry(action, subjectType, subjectId == null ? null : subjectId.toString(), kato,
                organisationId, null, Map.of());
    }

    public AuditEntry because(String purpose) {
        return new AuditEntry(action, subjectType, subjectId, kato, organisationId, purpose, details);
    }

    public AuditEntry with(Map<String, ?> moreDetails) {
        return new AuditEntry(action, subjectType, subjectId, kato, organisationId, purpose, moreDetails);
    }
}
