package kz.bilim.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The journal that makes a bulk load restartable after a crash in any second (issue 7, item 8). A load that is about to
 * drop keys or write outside one transaction first records what it loads ({@link #begin}), in the same transaction as
 * its first rows, and clears that record when it is complete ({@link #finish}). A record found later is a load that
 * never completed: the loader undoes it before doing anything else.
 * <p>
 * A running load also holds a session advisory lock named after its loader ({@link #lock}). PostgreSQL releases it
 * when the session ends, so after a {@code kill -9} the next start gets it at once, while a second application
 * instance on the same database waits for the first one's load instead of mistaking it for an interrupted one.
 */
public final class BulkLoadJournal {

    /** An open record: a load begun and not finished. */
    public record Entry(long id, String loader, String plan, boolean bulk, Instant startedAt) {
    }

    private BulkLoadJournal() {
    }

    /**
     * Takes the loader's lock for this session, waiting at most {@code wait}; false if another session holds it. The
     * lock outlives transactions: release it with {@link #unlock} before the connection goes back to its pool.
     */
    public static boolean lock(Connection connection, String loader, Duration wait) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            TableKeys.execute(connection, "set local lock_timeout = " + Math.max(1, wait.toMillis()));
            try (var ps = connection.prepareStatement("select pg_advisory_lock(hashtext(?))")) {
                ps.setString(1, "bulk_load:" + loader);
                ps.executeQuery().close();
            }
            connection.commit();
            return true;
        } catch (SQLException e) {
            connection.rollback();
            if ("55P03".equals(e.getSQLState())) return false;
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    public static void unlock(Connection connection, String loader) throws SQLException {
        try (var ps = connection.prepareStatement("select pg_advisory_unlock(hashtext(?))")) {
            ps.setString(1, "bulk_load:" + loader);
            ps.executeQuery().close();
        }
    }

    /** Records the start of a load; commits with the caller's transaction. */
    public static long begin(Connection connection, String loader, String plan, boolean bulk) throws SQLException {
        try (var ps = connection.prepareStatement(
                "insert into bulk_load (loader, plan, in_bulk) values (?, ?, ?) returning id")) {
            ps.setString(1, loader);
            ps.setString(2, plan);
            ps.setBoolean(3, bulk);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The load of this loader that began and never finished, if any. */
    public static Optional<Entry> interrupted(Connection connection, String loader) throws SQLException {
        try (var ps = connection.prepareStatement(
                "select id, loader, plan, in_bulk, started_at from bulk_load where loader = ? order by id limit 1")) {
            ps.setString(1, loader);
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getTimestamp(5).toInstant()));
            }
        }
    }

    /** Clears the record (and the key definitions saved with it): the load is complete, or undone. */
    public static void finish(Connection connection, long id) throws SQLException {
        try (var ps = connection.prepareStatement("delete from bulk_load where id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }
}
