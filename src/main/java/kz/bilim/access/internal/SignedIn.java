package kz.bilim.access.internal;

import kz.bilim.access.BilimUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in staff user of this request. */
final class SignedIn {

    private SignedIn() {
    }

    static BilimUser user() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof BilimUser user) return user;
        throw new AccessDeniedException("not signed in");
    }
}
