package kz.bilim.access.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
import kz.bilim.kernel.CurrentScope;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Stops a sign-in at a locked door before its password is even checked ({@link LoginThrottlePolicy}): the sign-in
 * form answers with its "try again later" message, HTTP Basic with 429 and {@code Retry-After}. Each stopped try
 * is audited with the address it came from.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    interface Answer {
        void locked(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds) throws IOException;
    }

    private final LoginThrottle throttle;
    private final AuditTrail audit;
    private final java.time.Clock clock;
    private final Answer answer;

    LoginThrottleFilter(LoginThrottle throttle, AuditTrail audit, java.time.Clock clock, Answer answer) {
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
        this.answer = answer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var username = attemptedUsername(request);
        if (username.isPresent()) {
            String address = request.getRemoteAddr();
            Optional<Instant> until = CurrentScope.asSystem(() -> throttle.lockedUntil(username.get(), address));
            if (until.isPresent()) {
                CurrentScope.asSystem(() -> audit.record(AuditEntry.of(AuditAction.LOGIN_FAILED, "user", null, "", null)
                                .with(Map.of("address", address, "locked", true)),
                        LoginAudit.attemptedName(username.get()), "ANONYMOUS"));
                answer.locked(request, response, Math.max(1, until.get().getEpochSecond() - clock.instant().getEpochSecond()));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The name a sign-in tries: the login form's POST, or an HTTP Basic header. */
    static Optional<String> attemptedUsername(HttpServletRequest request) {
        if ("POST".equals(request.getMethod()) && (request.getContextPath() + "/login").equals(request.getRequestURI()))
            return Optional.ofNullable(request.getParameter("username")).map(LoginThrottleFilter::normal);
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? Optional.empty() : Optional.of(normal(decoded.substring(0, colon)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static String normal(String username) {
        return username.trim().toLowerCase();
    }
}
