package kz.bilim.platform.database;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A table its owning module lets others fill in bulk — the demo generator, a restore: the table's name, the columns
 * a row gives and the encoder of the owner's record type into PostgreSQL's binary COPY format, and what a bulk load
 * drops before and rebuilds after ({@link Rebuild}, read from the catalogue by {@link TableKeys}, so whatever later
 * migrations add is honoured). The owner declares it as a public constant of its base package; the loader never
 * spells a table or a column. Runs as the schema owner ({@link OwnerDataSource}): no row-level security, no audit,
 * no rule of the owner's services — for synthetic or restored data only.
 * <p>
 * Names and columns are fixed identifiers of the owner's code (checked here), the only text ever joined into SQL;
 * every value is a parameter.
 *
 * @param <R> the owner's record type, one per row
 */
public final class BulkTable<R> {

    /** Writes one record as the fields of one row, in the order of the columns. */
    @FunctionalInterface
    public interface RowEncoder<R> {
        void encode(R row, CopyBinary out);
    }

    /** What a bulk load takes off the table before the copy and puts back after it. */
    public enum Rebuild {
        /** Nothing: a small table, loaded with its keys in place. */
        NOTHING,
        /** Keys, unique, exclusion and foreign-key constraints, indexes, and the foreign keys of tables referring to it. */
        KEYS_AND_INDEXES,
        /** As {@link #KEYS_AND_INDEXES}, and its check constraints too (validated after, all in one scan). */
        KEYS_INDEXES_AND_CHECKS
    }

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    private final String name;
    private final List<String> columns;
    private final RowEncoder<R> encoder;
    private final Rebuild rebuild;
    private final String identity;
    private final String key;

    private BulkTable(String name, List<String> columns, RowEncoder<R> encoder, Rebuild rebuild, String identity,
                      String key) {
        for (String identifier : columns) identifier(identifier);
        this.name = identifier(name);
        this.columns = List.copyOf(columns);
        this.encoder = encoder;
        this.rebuild = rebuild;
        this.identity = identity == null ? null : identifier(identity);
        this.key = identifier(key);
    }

    /**
     * A table written by COPY of these columns (comma-separated, in the order the encoder writes them), told apart by
     * its {@code key} column (to find clashes and remove a failed load's rows), loaded with its keys in place.
     */
    public static <R> BulkTable<R> of(String name, String columns, String key, RowEncoder<R> encoder) {
        return new BulkTable<>(name, Arrays.stream(columns.split(",")).map(String::trim).toList(), encoder,
                Rebuild.NOTHING, null, key);
    }

    /** The same table whose ids come from this identity column, which the load continues. */
    public BulkTable<R> withIdentity(String column) {
        return new BulkTable<>(name, columns, encoder, rebuild, column, key);
    }

    /** The same table with this much taken off before a bulk load and rebuilt after. */
    public BulkTable<R> rebuilding(Rebuild what) {
        return new BulkTable<>(name, columns, encoder, what, identity, key);
    }

    public String name() {
        return name;
    }

    public List<String> columns() {
        return columns;
    }

    public Rebuild rebuild() {
        return rebuild;
    }

    @Override
    public String toString() {
        return name;
    }

    // ------------------------------------------------------------------------------------------------ the copy

    /**
     * Opens {@code COPY … FROM STDIN} in binary format on the connection. With {@code freeze} the rows are written
     * frozen, which PostgreSQL allows only into a table created or truncated in the same transaction.
     */
    public Writer copyInto(Connection connection, boolean freeze) throws SQLException {
        String sql = "copy " + name + " (" + String.join(", ", columns) + ") from stdin (format binary"
                + (freeze ? ", freeze)" : ")");
        return new Writer(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql));
    }

    /** One COPY stream into the table. {@link #finish()} commits the stream; {@link #close()} without it cancels. */
    public final class Writer implements AutoCloseable {

        private final CopyIn copy;
        private final CopyBinary out;
        private final int fields = columns.size();

        private Writer(CopyIn copy) {
            this.copy = copy;
            this.out = new CopyBinary(copy::writeToCopy);
        }

        public void write(R row) {
            out.row(fields);
            encoder.encode(row, out);
        }

        public long rows() {
            return out.rows();
        }

        /** Ends the stream; returns the rows written. */
        public long finish() throws Exception {
            out.close();
            copy.endCopy();
            return out.rows();
        }

        @Override
        public void close() throws SQLException {
            if (copy.isActive()) copy.cancelCopy();
        }
    }

    /** One record as the bytes COPY would receive — for tests of determinism, without a database. */
    public void encode(R row, CopyBinary out) {
        out.row(columns.size());
        encoder.encode(row, out);
    }

    // ------------------------------------------------------------------------------------------------ around the copy

    public boolean isEmpty(Connection connection) throws SQLException {
        return !queryBoolean(connection, "select exists (select 1 from " + name + ")");
    }

    /** The highest id in use or handed out by the identity sequence (0 when none). */
    public long lastId(Connection connection) throws SQLException {
        requireIdentity();
        try (var ps = connection.prepareStatement("select greatest(coalesce((select max(" + identity + ") from " + name
                + "), 0), coalesce(pg_sequence_last_value(pg_get_serial_sequence(?, ?)::regclass), 0))")) {
            ps.setString(1, name);
            ps.setString(2, identity);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Sets the identity sequence so that the next id is {@code lastId + 1} (back to its start for 0). */
    public void continueIdsAfter(Connection connection, long lastId) throws SQLException {
        requireIdentity();
        try (var ps = connection.prepareStatement("select setval(pg_get_serial_sequence(?, ?), greatest(?, 1), ? > 0)")) {
            ps.setString(1, name);
            ps.setString(2, identity);
            ps.setLong(3, lastId);
            ps.setLong(4, lastId);
            ps.executeQuery().close();
        }
    }

    /** How many rows already carry one of these keys. */
    public long countWithKeys(Connection connection, Collection<String> keys) throws SQLException {
        try (var ps = connection.prepareStatement("select count(*) from " + name + " where " + key + "::text = any (?)")) {
            ps.setArray(1, connection.createArrayOf("text", keys.toArray()));
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public int deleteWithKeys(Connection connection, Collection<String> keys) throws SQLException {
        try (var ps = connection.prepareStatement("delete from " + name + " where " + key + "::text = any (?)")) {
            ps.setArray(1, connection.createArrayOf("text", keys.toArray()));
            return ps.executeUpdate();
        }
    }

    /** Removes the rows whose ids lie in {@code (after, upTo]}. */
    public int deleteIdsBetween(Connection connection, long after, long upTo) throws SQLException {
        requireIdentity();
        try (var ps = connection.prepareStatement("delete from " + name + " where " + identity + " > ? and "
                + identity + " <= ?")) {
            ps.setLong(1, after);
            ps.setLong(2, upTo);
            return ps.executeUpdate();
        }
    }

    public static void truncate(Connection connection, List<BulkTable<?>> tables) throws SQLException {
        execute(connection, "truncate " + names(tables));
    }

    public static void lockExclusively(Connection connection, List<BulkTable<?>> tables) throws SQLException {
        execute(connection, "lock table " + names(tables) + " in access exclusive mode");
    }

    public static void deleteAll(Connection connection, BulkTable<?> table) throws SQLException {
        execute(connection, "delete from " + table.name);
    }

    /** The statement that refreshes the planner's statistics of these tables. */
    public static String analyze(List<BulkTable<?>> tables) {
        return "analyze " + names(tables);
    }

    private static String names(List<BulkTable<?>> tables) {
        return tables.stream().map(BulkTable::name).collect(Collectors.joining(", "));
    }

    private void requireIdentity() {
        if (identity == null) throw new IllegalStateException(name + " has no identity column");
    }

    private static String identifier(String text) {
        if (text == null || !IDENTIFIER.matcher(text).matches())
            throw new IllegalArgumentException("not a plain SQL identifier: " + text);
        return text;
    }

    private static boolean queryBoolean(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement(); var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
