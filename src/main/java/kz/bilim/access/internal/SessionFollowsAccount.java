package kz.bilim.access.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.bilim.access.BilimUser;
import kz.bilim.kernel.CurrentScope;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A signed-in session follows its account at every request: the account is read again, so its role, territory and
 * organisation are today's, not the login's; and when the account was disabled, removed, or its password, role or
 * territory changed since the session signed in (its session version rose), the session ends and the request goes on
 * as anonymous — the sign-in page. One primary-key read per page request buys that.
 */
final class SessionFollowsAccount extends OncePerRequestFilter {

    /** Set by the sign-in form on the session it opens: every session of a signed-in person carries it. */
    static final String SIGNED_IN = SessionFollowsAccount.class.getName() + ".signedIn";

    private final Users users;

    SessionFollowsAccount(Users users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var session = request.getSession(false);
        if (session != null && session.getAttribute(SIGNED_IN) != null
                && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context
                && context.getAuthentication() != null
                && context.getAuthentication().getPrincipal() instanceof BilimUser signedIn) {
            var fresh = CurrentScope.asSystem(() -> users.byId(signedIn.id()))
                    .filter(BilimUser::isEnabled)
                    .filter(user -> user.sessionVersion() == signedIn.sessionVersion());
            if (fresh.isEmpty()) {
                session.invalidate();
                SecurityContextHolder.clearContext();
            } else {
                BilimUser user = fresh.get();
                context.setAuthentication(Authenticated.as(user));
                SecurityContextHolder.getContext().setAuthentication(context.getAuthentication());
            }
        }
        chain.doFilter(request, response);
    }
}
