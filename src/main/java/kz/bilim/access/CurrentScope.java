package kz.bilim.access;

import org.springframework.security.core.context.SecurityContextHolder;

import java.util.function.Supplier;

/**
 * The scope of the work on this thread: the signed-in user's, or the whole country for a system job that asked for
 * it explicitly with {@link #asSystem}. Anonymous callers see nothing that row-level security protects.
 */
public final class CurrentScope {

    private static final ThreadLocal<Scope> SYSTEM = new ThreadLocal<>();

    private CurrentScope() {
    }

    public static Scope get() {
        Scope system = SYSTEM.get();
        if (system != null) return system;
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof BilimUser user) return user.scope();
        return Scope.none();
    }

    /**
     * Runs work for the whole country (scheduled jobs, login, demo loading). The connection — and so the transaction —
     * must be opened inside, so call this outside any {@code @Transactional} method.
     */
    public static <T> T asSystem(Supplier<T> work) {
        Scope previous = SYSTEM.get();
        SYSTEM.set(Scope.all(true));
        try {
            return work.get();
        } finally {
            if (previous == null) SYSTEM.remove(); else SYSTEM.set(previous);
        }
    }

    public static void asSystem(Runnable work) {
        asSystem(() -> {
            work.run();
            return null;
        });
    }
}
