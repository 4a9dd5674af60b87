package kz.bilim.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a bulk load takes off its tables and puts back: the keys, unique, exclusion and foreign-key constraints and the
 * indexes of each {@link BulkTable} that asks for it ({@link BulkTable.Rebuild}), its check constraints if it asks
 * for those too, and the foreign keys of any table that refers to one of them — read from the catalogue, so that
 * whatever later migrations add is dropped before a bulk load and put back after it, exactly as it was defined.
 */
public final class TableKeys {

    /** The bulk tables that rebuild, by name, with their place in the given order and whether checks go too. */
    private static final String TABLES = """
            with bulk as (
                select t.name, t.position, to_regclass(t.name)::oid as oid, t.checks
                  from unnest(?::text[], ?::boolean[]) with ordinality as t(name, checks, position))
            """;

    private static final String CONSTRAINTS = TABLES + """
            select c.conrelid::regclass::text, quote_ident(c.conname), c.contype, pg_get_constraintdef(c.oid),
                   case when c.contype in ('p', 'u') then pg_get_indexdef(c.conindid) end,
                   (select b.name from bulk b where b.oid = c.conrelid)
              from pg_constraint c
             where (c.contype in ('p', 'u', 'x', 'f')
                    and (c.conrelid in (select oid from bulk)
                         or (c.contype = 'f' and c.confrelid in (select oid from bulk))))
                or (c.contype = 'c' and c.conrelid in (select oid from bulk where checks))
             order by c.conrelid::regclass::text, c.conname""";

    private static final String INDEXES = TABLES + """
            select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid), b.name
              from pg_index i
              join bulk b on b.oid = i.indrelid
             where not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.conrelid = i.indrelid)
             order by 1""";

    /**
     * One constraint; {@code owner} is the bulk table it belongs to, null for a foreign key of another table that
     * refers to one of them.
     */
    record Constraint(String table, String name, char type, String definition, String indexDefinition,
                             BulkTable<?> owner) {

        String add() {
            return "alter table " + table + " add constraint " + name + " " + definition;
        }

        String attach() {
            return "alter table " + table + " add constraint " + name + (type == 'p' ? " primary key" : " unique")
                    + " using index " + name;
        }
    }

    record Index(String name, String definition, BulkTable<?> owner) {
    }

    /**
     * One index or constraint to build, on a table. An exclusion constraint is added by ALTER TABLE, which locks its
     * table for the whole build; plain and unique indexes only block writes, so several build at once.
     */
    public record Build(BulkTable<?> table, String sql, boolean exclusion) {
    }

    private final List<BulkTable<?>> order;
    private final List<Constraint> constraints = new ArrayList<>();
    private final List<Index> indexes = new ArrayList<>();

    private TableKeys(List<BulkTable<?>> order) {
        this.order = order;
    }

    /** Reads the keys of these tables, given biggest first (the order in which their builds are preferred). */
    public static TableKeys read(Connection connection, List<BulkTable<?>> tables) throws SQLException {
        List<BulkTable<?>> rebuilding = tables.stream().filter(t -> t.rebuild() != BulkTable.Rebuild.NOTHING).toList();
        var keys = new TableKeys(rebuilding);
        Map<String, BulkTable<?>> byName = rebuilding.stream().collect(Collectors.toMap(BulkTable::name, Function.identity()));
        Object[] names = rebuilding.stream().map(BulkTable::name).toArray();
        Object[] checks = rebuilding.stream().map(t -> t.rebuild() == BulkTable.Rebuild.KEYS_INDEXES_AND_CHECKS).toArray();
        try (var ps = connection.prepareStatement(CONSTRAINTS)) {
            ps.setArray(1, connection.createArrayOf("text", names));
            ps.setArray(2, connection.createArrayOf("boolean", checks));
            try (var rs = ps.executeQuery()) {
                while (rs.next())
                    keys.constraints.add(new Constraint(rs.getString(1), rs.getString(2), rs.getString(3).charAt(0),
                            rs.getString(4), rs.getString(5), rs.getString(6) == null ? null : byName.get(rs.getString(6))));
            }
        }
        try (var ps = connection.prepareStatement(INDEXES)) {
            ps.setArray(1, connection.createArrayOf("text", names));
            ps.setArray(2, connection.createArrayOf("boolean", checks));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) keys.indexes.add(new Index(rs.getString(1), rs.getString(2), byName.get(rs.getString(3))));
            }
        }
        return keys;
    }

    /**
     * Saves these definitions with a load's journal record ({@link BulkLoadJournal}), before anything is dropped, so
     * that a load killed halfway can put them back on the next start ({@link #saved}).
     */
    public void save(Connection connection, long loadId) throws SQLException {
        try (var ps = connection.prepareStatement("""
                insert into bulk_load_key (load_id, position, table_name, name, type, definition, index_definition, owner)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            int position = 0;
            for (var c : constraints)
                add(ps, loadId, ++position, c.table, c.name, c.type, c.definition, c.indexDefinition, c.owner);
            for (var i : indexes) add(ps, loadId, ++position, null, i.name, 'i', i.definition, null, i.owner);
            ps.executeBatch();
        }
    }

    private static void add(java.sql.PreparedStatement ps, long loadId, int position, String table, String name,
                            char type, String definition, String indexDefinition, BulkTable<?> owner) throws SQLException {
        ps.setLong(1, loadId);
        ps.setInt(2, position);
        ps.setString(3, table == null ? owner.name() : table);
        ps.setString(4, name);
        ps.setString(5, String.valueOf(type));
        ps.setString(6, definition);
        ps.setString(7, indexDefinition);
        ps.setString(8, owner == null ? null : owner.name());
        ps.addBatch();
    }

    /** The definitions a load saved before it dropped them, for these tables (as given to {@link #read}). */
    public static TableKeys saved(Connection connection, long loadId, List<BulkTable<?>> tables) throws SQLException {
        List<BulkTable<?>> rebuilding = tables.stream().filter(t -> t.rebuild() != BulkTable.Rebuild.NOTHING).toList();
        var keys = new TableKeys(rebuilding);
        Map<String, BulkTable<?>> byName = rebuilding.stream().collect(Collectors.toMap(BulkTable::name, Function.identity()));
        try (var ps = connection.prepareStatement("""
                select table_name, name, type, definition, index_definition, owner
                  from bulk_load_key where load_id = ? order by position""")) {
            ps.setLong(1, loadId);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    char type = rs.getString(3).charAt(0);
                    BulkTable<?> owner = rs.getString(6) == null ? null : byName.get(rs.getString(6));
                    if (type == 'i') keys.indexes.add(new Index(rs.getString(2), rs.getString(4), owner));
                    else keys.constraints.add(new Constraint(rs.getString(1), rs.getString(2), type, rs.getString(4),
                            rs.getString(5), owner));
                }
            }
        }
        return keys;
    }

    /** Foreign keys first (they depend on the keys), then keys and exclusion constraints, then plain indexes. */
    public List<String> drops() {
        List<String> out = new ArrayList<>();
        for (var c : constraints) if (c.type == 'f') out.add("alter table " + c.table + " drop constraint " + c.name);
        for (var c : constraints) if (c.type != 'f') out.add("alter table " + c.table + " drop constraint " + c.name);
        for (var i : indexes) out.add("drop index " + i.name);
        return out;
    }

    /**
     * Step 1, in parallel: exclusion constraints first (they take longest and lock their table, so they start as early
     * as possible), then per table, biggest first, the unique indexes behind keys, plain indexes and the checks.
     */
    public List<Build> builds() {
        record Step(int rank, BulkTable<?> table, String sql) {
        }
        List<Step> out = new ArrayList<>();
        for (var c : constraints) {
            if (c.owner == null) continue;
            if (c.type == 'x') out.add(new Step(0, c.owner, c.add()));
            if (c.type == 'p' || c.type == 'u') out.add(new Step(1, c.owner, c.indexDefinition));
        }
        for (var i : indexes) out.add(new Step(2, i.owner, i.definition));
        // all checks of a table in one ALTER TABLE: PostgreSQL validates them in a single scan (one per check took
        // 4–8 s each on 6.8 M persons)
        for (BulkTable<?> table : order) {
            List<String> checks = constraints.stream().filter(c -> c.type == 'c' && c.owner == table)
                    .map(c -> "add constraint " + c.name + " " + c.definition).toList();
            if (!checks.isEmpty())
                out.add(new Step(3, table, "alter table " + constraints.stream().filter(c -> c.owner == table)
                        .findFirst().orElseThrow().table + " " + String.join(", ", checks)));
        }
        out.sort(Comparator.<Step>comparingInt(s -> s.rank == 0 ? 0 : 1)
                .thenComparingInt(s -> order.indexOf(s.table)).thenComparingInt(Step::rank));
        return out.stream().map(s -> new Build(s.table, s.sql, s.rank == 0)).toList();
    }

    /** Step 2: the keys take over their indexes (no scan), for one table. */
    public List<String> attaches(BulkTable<?> table) {
        return constraints.stream().filter(c -> (c.type == 'p' || c.type == 'u') && c.owner == table)
                .map(Constraint::attach).toList();
    }

    /** The tables whose keys, indexes or checks this holds, biggest first. */
    public List<BulkTable<?>> tables() {
        return order.stream().filter(t -> constraints.stream().anyMatch(c -> c.type != 'f' && c.owner == t)
                || indexes.stream().anyMatch(i -> i.owner == t)).toList();
    }

    /** Step 3: foreign keys, each validated by one join. */
    public List<String> foreignKeys() {
        return constraints.stream().filter(c -> c.type == 'f').map(Constraint::add).toList();
    }

    /** After a failure: puts back whatever is missing (on emptied tables this takes no time). */
    public void restoreMissing(Connection connection) throws SQLException {
        for (var c : constraints) {
            if (c.type == 'f' || constraintExists(connection, c)) continue;
            // a key whose unique index was built but not yet attached takes that index over
            boolean indexBuilt = (c.type == 'p' || c.type == 'u') && indexExists(connection, c.name);
            execute(connection, indexBuilt ? c.attach() : c.add());
        }
        for (var i : indexes) if (!indexExists(connection, i.name)) execute(connection, i.definition);
        for (var c : constraints) if (c.type == 'f' && !constraintExists(connection, c)) execute(connection, c.add());
    }

    private static boolean constraintExists(Connection connection, Constraint c) throws SQLException {
        try (var ps = connection.prepareStatement(
                "select 1 from pg_constraint where conrelid = ?::regclass and quote_ident(conname) = ?")) {
            ps.setString(1, c.table);
            ps.setString(2, c.name);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean indexExists(Connection connection, String name) throws SQLException {
        try (var ps = connection.prepareStatement("select to_regclass(?) is not null")) {
            ps.setString(1, name);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Runs one statement of a bulk load (a drop, a build, an attach). */
    public static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
