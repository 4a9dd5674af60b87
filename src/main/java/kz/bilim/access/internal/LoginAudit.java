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
    private final LoginThrottle throttle;

    private final MachineSignIns machines;

    LoginAudit(AuditTrail audit, LoginThrottle throttle, MachineSignIns machines) {
        this.audit = audit;
        this.throttle = throttle;
        this.machines = machines;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof BilimUser user) {
            address(event.getAuthentication()).ifPresent(address -> throttle.succeeded(user.getUsername(), address));
            // HTTP Basic on the API authenticates every request: recorded once an hour, a form sign-in every time
            boolean basic = apiRequest();
            if (basic && !machines.recordNow("basic:" + user.getUsername())) return;
            var entry = AuditEntry.of(AuditAction.LOGIN, "user", user.id(), user.kato(), user.organisationId());
            audit.record(basic ? entry.with(java.util.Map.of("via", "basic")) : entry, user.getUsername(), user.role().name());
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        // the password never reaches here; what was typed as the name is kept only if it could be a username —
        // never an IIN typed by mistake, nor a password typed into the wrong field
        String typed = event.getAuthentication().getName() == null ? "" : LoginThrottleFilter.normal(event.getAuthentication().getName());
        var address = address(event.getAuthentication());
        var lockedUntil = address.flatMap(a -> throttle.failed(typed, a));
        var details = new java.util.LinkedHashMap<String, Object>();
        address.ifPresent(a -> details.put("address", a));
        lockedUntil.ifPresent(until -> details.put("lockedUntil", until.toString()));
        audit.record(AuditEntry.of(AuditAction.LOGIN_FAILED, "user", null, "", null).with(details),
                attemptedName(typed), "ANONYMOUS");
    }

    /** Where a sign-in came from (behind a proxy: the client's address it forwarded, see forward-headers-strategy). */
    private static java.util.Optional<String> address(org.springframework.security.core.Authentication authentication) {
        return authentication.getDetails() instanceof org.springframework.security.web.authentication.WebAuthenticationDetails web
                ? java.util.Optional.ofNullable(web.getRemoteAddress()) : java.util.Optional.empty();
    }

    private static boolean apiRequest() {
        return org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attributes
                && attributes.getRequest().getRequestURI().startsWith(attributes.getRequest().getContextPath() + "/api/");
    }

    static String attemptedName(String typed) {
        String name = typed == null ? "" : typed.trim().toLowerCase();
        if (!name.matches("[a-z0-9._-]{3,64}") || name.matches(".*[0-9]{12}.*")) return "(not a username)";
        return name;
    }
}
