package kz.bilim.access.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.bilim.kernel.CurrentScope;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** Authenticates machine clients by {@code Authorization: Bearer blm_…}. An unknown token is simply not a login. */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;

    private final MachineSignIns machines;
    private final kz.bilim.audit.AuditTrail audit;

    BearerTokenFilter(ApiTokens tokens, MachineSignIns machines, kz.bilim.audit.AuditTrail audit) {
        this.tokens = tokens;
        this.machines = machines;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String secret = header.substring(7).trim();
            CurrentScope.asSystem(() -> tokens.userOf(secret))
                    .filter(user -> user.isEnabled())
                    .ifPresent(user -> {
                        var context = SecurityContextHolder.createEmptyContext();
                        context.setAuthentication(Authenticated.as(user));
                        SecurityContextHolder.setContext(context);
                        // a token authenticates every request: the trail records its use once an hour
                        if (machines.recordNow("token:" + user.id() + ":" + secret.hashCode()))
                            CurrentScope.asSystem(() -> audit.record(kz.bilim.audit.AuditEntry.of(
                                            kz.bilim.audit.AuditAction.LOGIN, "user", user.id(), user.kato(), user.organisationId())
                                    .with(java.util.Map.of("via", "token")), user.getUsername(), user.role().name()));
                    });
        }
        chain.doFilter(request, response);
    }
}
