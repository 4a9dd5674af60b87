package kz.bilim.platform.database;

import kz.bilim.kernel.CurrentScope;
import kz.bilim.kernel.SignedIn;
import org.postgresql.PGConnection;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Stamps the caller's scope on each checked-out connection; row-level security policies read it. The role goes with
 * it ({@code bilim.role}: the caller's role, {@code SYSTEM} for a system run, {@code ANONYMOUS} for nobody) for the
 * few registers that are readable by role rather than by territory, such as the court verdicts of HB-1.
 * <p>
 * A connection that already carries exactly this stamp is not stamped again: the stamp is a round trip of its own,
 * two of a portal submission's ten (the token's system run and the submission's), and both carry the same system
 * stamp. What a connection carries is remembered per physical connection, and only for a stamp this preparer set
 * itself with autocommit on (so no rollback can undo it). Nothing else may set these settings for the session:
 * code that needs another scope for a while sets it {@code set local} (transaction-local, undone at its end), and
 * {@code ScopeStampTest} checks the sources for any session-level {@code set_config('bilim.…', …, false)}.
 */
@Component
class ScopeConnectionPreparer implements ConnectionPreparer {

    /** The physical connection (weakly: the pool may retire it) → the stamp it carries. */
    private final Map<Object, String> stamped = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public void prepare(Connection connection) throws SQLException {
        var scope = CurrentScope.get();
        String role = CurrentScope.isSystem() ? "SYSTEM" : SignedIn.role().map(Enum::name).orElse("ANONYMOUS");
        String pii = scope.personalData() ? "on" : "off";
        String stamp = scope.setting() + '\n' + pii + '\n' + role;
        Object physical = connection.isWrapperFor(PGConnection.class) ? connection.unwrap(PGConnection.class) : connection;
        boolean autoCommit = connection.getAutoCommit();
        if (autoCommit && stamp.equals(stamped.get(physical))) return;
        stamped.remove(physical);
        try (var statement = connection.prepareStatement(
                "select set_config('bilim.scope', ?, false), set_config('bilim.pii', ?, false), "
                        + "set_config('bilim.role', ?, false)")) {
            statement.setString(1, scope.setting());
            statement.setString(2, pii);
            statement.setString(3, role);
            statement.execute();
        }
        if (autoCommit) stamped.put(physical, stamp);
    }
}
