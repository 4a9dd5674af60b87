package kz.bilim.access.internal;

import kz.bilim.access.BilimUser;
import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Logins and failed logins go to the audit trail, placed in the user's territory. */
@Component
class LoginAudit {

    private final AuditTrail audit;

    LoginAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof BilimUser user) {
            audit.record(AuditEntry.of(AuditAction.LOGIN, "user", user.id(), user.kato(), user.organisationId()),
                    user.getUsername(), user.role().name());
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        // the password never reaches here; what was typed as the name is kept only if it could be a username —
        // never an IIN typed by mistake, nor a password typed into the wrong field
        audit.record(AuditEntry.of(AuditAction.LOGIN_FAILED, "user", null, "", null),
                attemptedName(event.getAuthentication().getName()), "ANONYMOUS");
    }

    static String attemptedName(String typed) {
        String name = typed == null ? "" : typed.trim().toLowerCase();
        if (!name.matches("[a-z0-9._-]{3,64}") || name.matches(".*[0-9]{12}.*")) return "(not a username)";
        return name;
    }
}
