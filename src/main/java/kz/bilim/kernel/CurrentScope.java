package kz.bilim.kernel;

import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.function.Supplier;

/**
 * The scope of the work on this thread: the signed-in user's, or the whole country for a system run that asked for
 * it explicitly with {@link #asSystem}. Anonymous callers see nothing that row-level security protects.
 */
public final class CurrentScope {

    private static final ThreadLocal<Scope> SYSTEM = new ThreadLocal<>();

    /**
     * The guard of a service that signed-in users and system runs both call ({@code @PreAuthorize}): a scheduled job
     * (the live statistics snapshot, the 5-October one) runs on a thread of its own, with no one signed in.
     */
    public static final String SIGNED_IN_OR_SYSTEM = "isAuthenticated() or T(kz.bilim.kernel.CurrentScope).isSystem()";

    private CurrentScope() {
    }

    public static Scope get() {
        Scope system = SYSTEM.get();
        if (system != null) return system;
        return SignedIn.caller().map(Caller::scope).orElse(Scope.none());
    }

    /** Whether the work on this thread is a system run. */
    public static boolean isSystem() {
        return SYSTEM.get() != null;
    }

    /**
     * Runs work for the whole country (scheduled jobs, login, demo loading). The database session learns its scope
     * when a connection is checked out, so a system run must open its own connection and transaction: called inside
     * an open transaction (or with a connection already bound to the thread) it would let the Java side and the
     * database disagree about the scope, and is refused with an {@link IllegalStateException}. Inside a system run
     * it simply runs the work: the connection that run checked out already carries the whole country, so one system
     * transaction may call services that are system runs of their own (one transaction instead of several).
     */
    public static <T> T asSystem(Supplier<T> work) {
        if (isSystem()) return work.get();
        if (TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.getResourceMap().isEmpty())
            throw new IllegalStateException("A system run must start outside any transaction: its connection would keep "
                    + "the scope " + get().setting() + " while the code filters as the whole country");
        Scope previous = SYSTEM.get();
        SYSTEM.set(Scope.all(true));
        try {
            return work.get();
        } finally {
            if (previous == null) SYSTEM.remove(); else SYSTEM.set(previous);
        }
    }

    /**
     * A system run on a thread no request started (a scheduled job, a background refresh): method security needs an
     * authentication to decide at all, so the thread holds an anonymous one named {@code system} while the work runs
     * — it passes only {@link #SIGNED_IN_OR_SYSTEM}, never a role check.
     */
    public static void asScheduledSystem(Runnable work) {
        var context = org.springframework.security.core.context.SecurityContextHolder.getContext();
        if (context.getAuthentication() != null) {
            asSystem(work);
            return;
        }
        context.setAuthentication(new org.springframework.security.authentication.AnonymousAuthenticationToken(
                "system", "system", org.springframework.security.core.authority.AuthorityUtils.createAuthorityList(
                "ROLE_SCHEDULED_SYSTEM")));
        try {
            asSystem(work);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    public static void asSystem(Runnable work) {
        asSystem(() -> {
            work.run();
            return null;
        });
    }
}
