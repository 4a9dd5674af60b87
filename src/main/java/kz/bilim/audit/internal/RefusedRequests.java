package kz.bilim.audit.internal;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
import kz.bilim.kernel.SignedIn;
import kz.bilim.platform.web.RequestRefused;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Refused reads are part of the story: someone asking for another territory's records, or for what their role may
 * not see, leaves a trace in their own territory's trail (where their supervisors read), with the path — never the
 * query, which may hold a name or an IIN.
 */
@Component
class RefusedRequests {

    private final AuditTrail audit;

    RefusedRequests(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void on(RequestRefused refused) {
        var caller = SignedIn.caller();
        audit.record(AuditEntry.of(AuditAction.READ, "request", null, caller.map(c -> c.kato()).orElse(""),
                        caller.map(c -> c.organisationId()).orElse(null))
                .because("refused")
                .with(Map.of("method", refused.method(), "path", refused.path(), "status", refused.status(),
                        "code", refused.code())),
                SignedIn.actor(), SignedIn.actorRole());
    }
}
