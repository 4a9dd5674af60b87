package kz.bilim.demo.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The keys, indexes, exclusion and foreign-key constraints of the big tables (school_class, person, enrolment), the
 * check constraints of person, and the foreign keys of any table that refers to them — read from the catalogue, so that whatever later migrations add
 * is dropped before a bulk load and put back after it, exactly as it was defined.
 */
final class Ddl {

    private static final String BIG_TABLES = """
            select oid from pg_class
             where relnamespace = current_schema()::regnamespace and relname in ('school_class', 'person', 'enrolment')""";

    private static final String CONSTRAINTS = """
            select c.conrelid::regclass::text, quote_ident(c.conname), c.contype, pg_get_constraintdef(c.oid),
                   case when c.contype in ('p', 'u') then pg_get_indexdef(c.conindid) end
              from pg_constraint c
             where (c.contype in ('p', 'u', 'x', 'f')
                    and (c.conrelid in (%1$s) or (c.contype = 'f' and c.confrelid in (%1$s))))
                -- the checks of person (the IIN pattern above all) cost more than half of its COPY; validated after,
                -- on the session that is free while the exclusion constraint of enrolment builds
                or (c.contype = 'c' and c.conrelid = to_regclass('person'))
             order by c.conrelid::regclass::text, c.conname""".formatted(BIG_TABLES);

    private static final String INDEXES = """
            select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid), i.indrelid::regclass::text
              from pg_index i
             where i.indrelid in (%s)
               and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.conrelid = i.indrelid)
             order by 1""".formatted(BIG_TABLES);

    record Constraint(String table, String name, char type, String definition, String indexDefinition) {

        String add() {
            return "alter table " + table + " add constraint " + name + " " + definition;
        }

        String attach() {
            return "alter table " + table + " add constraint " + name + (type == 'p' ? " primary key" : " unique")
                    + " using index " + name;
        }
    }

    record Index(String name, String definition, String table) {
    }

    final List<Constraint> constraints = new ArrayList<>();
    final List<Index> indexes = new ArrayList<>();

    static Ddl read(Connection connection) throws SQLException {
        var ddl = new Ddl();
        try (var statement = connection.createStatement(); var rs = statement.executeQuery(CONSTRAINTS)) {
            while (rs.next())
                ddl.constraints.add(new Constraint(rs.getString(1), rs.getString(2), rs.getString(3).charAt(0),
                        rs.getString(4), rs.getString(5)));
        }
        try (var statement = connection.createStatement(); var rs = statement.executeQuery(INDEXES)) {
            while (rs.next()) ddl.indexes.add(new Index(rs.getString(1), rs.getString(2), rs.getString(3)));
        }
        return ddl;
    }

    /** Foreign keys first (they depend on the keys), then keys and exclusion constraints, then plain indexes. */
    List<String> drops() {
        List<String> out = new ArrayList<>();
        for (var c : constraints) if (c.type == 'f') out.add("alter table " + c.table + " drop constraint " + c.name);
        for (var c : constraints) if (c.type != 'f') out.add("alter table " + c.table + " drop constraint " + c.name);
        for (var i : indexes) out.add("drop index " + i.name);
        return out;
    }

    /** Step 1, in parallel: the unique indexes behind keys, plain indexes and exclusion constraints, biggest first. */
    List<Build> builds() {
        List<String[]> out = new ArrayList<>();
        for (var c : constraints) {
            if (c.type == 'x') out.add(new String[]{"0", c.table, c.add()});
            if (c.type == 'p' || c.type == 'u') out.add(new String[]{"1", c.table, c.indexDefinition});
        }
        // all checks of a table in one ALTER TABLE: PostgreSQL validates them in a single scan (one per check took
        // 4–8 s each on 6.8 M persons)
        constraints.stream().filter(c -> c.type == 'c').map(Constraint::table).distinct().forEach(table ->
                out.add(new String[]{"3", table, "alter table " + table + " " + String.join(", ", constraints.stream()
                        .filter(c -> c.type == 'c' && c.table.equals(table))
                        .map(c -> "add constraint " + c.name + " " + c.definition).toList())}));
        // exclusion constraints first: they take longest and lock their table, so they start as early as possible
        for (var i : indexes) out.add(new String[]{"2", i.table, i.definition});
        out.sort(Comparator.<String[], String>comparing(a -> a[0].equals("0") ? "0" : "1")
                .thenComparing(a -> -weight(a[1])).thenComparing(a -> a[0]));
        return out.stream().map(a -> new Build(a[1], a[2], a[0].equals("0"))).toList();
    }

    /**
     * One index or constraint to build, on a table. An exclusion constraint is added by ALTER TABLE, which locks its
     * table for the whole build; plain and unique indexes only block writes, so several build at once.
     */
    record Build(String table, String sql, boolean exclusion) {
        boolean onPerson() {
            return table.equals("person") || table.endsWith(".person");
        }
    }

    private static int weight(String table) {
        return table.endsWith("person") ? 3 : table.endsWith("enrolment") ? 2 : 1;
    }

    /** Step 2: the keys take over their indexes (no scan), for one table. */
    List<String> attaches(String table) {
        return constraints.stream().filter(c -> (c.type == 'p' || c.type == 'u') && c.table.equals(table))
                .map(Constraint::attach).toList();
    }

    /** The tables whose indexes and constraints this holds. */
    List<String> tables() {
        List<String> out = new ArrayList<>();
        for (var c : constraints) if (c.type != 'f' && !out.contains(c.table)) out.add(c.table);
        for (var i : indexes) if (!out.contains(i.table)) out.add(i.table);
        out.sort(Comparator.comparing(t -> -weight(t)));
        return out;
    }

    /** Step 3: foreign keys, each validated by one join. */
    List<String> foreignKeys() {
        return constraints.stream().filter(c -> c.type == 'f').map(Constraint::add).toList();
    }

    /** After a failure: puts back whatever is missing (on emptied tables this takes no time). */
    void restoreMissing(Connection connection) throws SQLException {
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

    static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
