package kz.bilim.kernel;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** The one place that reads the signed-in user of this request or thread. */
public final class SignedIn {

    private SignedIn() {
    }

    public static Optional<Caller> caller() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller
                ? Optional.of(caller) : Optional.empty();
    }

    /** The signed-in user; work that needs one and has none is refused (403 on the web). */
    public static Caller required() {
        return caller().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }

    public static Optional<Role> role() {
        return caller().map(Caller::role);
    }

    /** The actor named in the audit trail: the username, or {@code system} for a system run or no one. */
    public static String actor() {
        return caller().map(Caller::username).orElse("system");
    }

    /** The actor's role as the audit trail names it. */
    public static String actorRole() {
        return caller().map(c -> c.role().name()).orElse("SYSTEM");
    }
}
