package kz.bilim.demo.internal;

import kz.bilim.demo.DemoLoadReport;
import kz.bilim.demo.DemoScale;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Loads a {@link Plan} into the tables of V2–V5 with COPY in binary format, as the schema owner.
 * <p>
 * <b>Bulk load</b> (organisations, classes, persons and enrolments all empty): territories, organisations and users in
 * one transaction; then the keys, indexes and foreign keys of the big tables are dropped, persons and
 * classes + enrolments are copied in two parallel sessions (COPY FREEZE into the tables just truncated in the same
 * transaction), the keys and indexes are rebuilt in two parallel sessions, the foreign keys validated, the identity
 * sequences advanced and the tables analysed. If any step fails, the loaded rows are removed and every dropped key,
 * index and constraint is put back: the database is as before.
 * <p>
 * <b>Transactional load</b> (some of those tables hold data): everything in one transaction with all keys in place,
 * ids after the highest in use; a failure rolls it all back.
 */
public final class DemoLoader {

    /** A point in a bulk load where a test may make it fail, to see that the database is left as before. */
    enum Step { AFTER_COPY, AFTER_INDEXES }

    private static final String STATE = """
            select exists (select 1 from organisation) or exists (select 1 from school_class)
                   or exists (select 1 from person) or exists (select 1 from enrolment),
                   greatest(coalesce((select max(id) from organisation), 0),
                            coalesce(pg_sequence_last_value(pg_get_serial_sequence('organisation', 'id')::regclass), 0)),
                   greatest(coalesce((select max(id) from school_class), 0),
                            coalesce(pg_sequence_last_value(pg_get_serial_sequence('school_class', 'id')::regclass), 0)),
                   greatest(coalesce((select max(id) from person), 0),
                            coalesce(pg_sequence_last_value(pg_get_serial_sequence('person', 'id')::regclass), 0)),
                   greatest(coalesce((select max(id) from enrolment), 0),
                            coalesce(pg_sequence_last_value(pg_get_serial_sequence('enrolment', 'id')::regclass), 0))""";
    private static final String CONFLICTS = """
            select (select count(*) from territory where kato = any (?)) + (select count(*) from app_user where username = any (?))""";
    private static final String ADVANCE_SEQUENCES = """
            select setval(pg_get_serial_sequence('organisation', 'id'), greatest(?, 1), ? > 0),
                   setval(pg_get_serial_sequence('school_class', 'id'), greatest(?, 1), ? > 0),
                   setval(pg_get_serial_sequence('person', 'id'), greatest(?, 1), ? > 0),
                   setval(pg_get_serial_sequence('enrolment', 'id'), greatest(?, 1), ? > 0)""";
    private static final String LOCK_EMPTY = """
            lock table school_class, person, enrolment in access exclusive mode""";
    private static final String STILL_EMPTY = """
            select not (exists (select 1 from school_class) or exists (select 1 from person) or exists (select 1 from enrolment))""";
    private static final String TRUNCATE_PERSON = "truncate person";
    private static final String TRUNCATE_ENROLMENT = "truncate school_class, enrolment";
    private static final String EMPTY_BIG_TABLES = "truncate enrolment, school_class, person";
    private static final String[] DELETE_BIG_TABLES = {"delete from enrolment", "delete from school_class", "delete from person"};
    private static final String DELETE_USERS = "delete from app_user where username = any (?)";
    private static final String DELETE_ORGANISATIONS = "delete from organisation where id > ? and id <= ?";
    private static final String DELETE_TERRITORIES = "delete from territory where kato = any (?)";

    private final DataSource owner;
    private final Function<String, String> passwordHasher;
    private Step failAt;
    /** The big tables' keys and constraints as they were before a bulk load dropped them. */
    private Ddl savedDdl;

    public DemoLoader(DataSource owner, Function<String, String> passwordHasher) {
        this.owner = owner;
        this.passwordHasher = passwordHasher;
    }

    /** For tests: fail on purpose at this step of a bulk load. */
    DemoLoader failingAt(Step step) {
        this.failAt = step;
        return this;
    }

    public DemoLoadReport load(DemoScale scale, long seed) {
        long started = System.nanoTime();
        try (Connection control = owner.getConnection()) {
            control.setAutoCommit(false);
            boolean bulk;
            Plan.Ids ids;
            try (var statement = control.createStatement(); var rs = statement.executeQuery(STATE)) {
                rs.next();
                bulk = !rs.getBoolean(1);
                ids = new Plan.Ids(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
            }
            Plan plan = Planner.plan(scale, seed, ids);
            refuseConflicts(control, plan);
            String label = plan.scale;
            try (var progress = new Progress(label, plan.rows())) {
                progress.line(String.format(Locale.ROOT, "%s load of %,d rows (%,d persons, %,d enrolments, %,d organisations)",
                        bulk ? "bulk" : "transactional", plan.rows(), plan.persons, plan.enrolments, plan.organisations.size()));
                List<String> hashes = plan.users.parallelStream().map(u -> passwordHasher.apply(u.password())).toList();
                copy(control, Table.TERRITORY, progress, out -> Rows.territories(plan, out), false);
                copy(control, Table.ORGANISATION, progress, out -> Rows.organisations(plan, out), false);
                copy(control, Table.APP_USER, progress, out -> {
                    var it = hashes.iterator();
                    Rows.users(plan, out, password -> it.next());
                }, false);
                double copySeconds, indexSeconds = 0;
                if (!bulk) {
                    copy(control, Table.SCHOOL_CLASS, progress, out -> Rows.classes(plan, out, progress.counter(Table.SCHOOL_CLASS)), false);
                    copy(control, Table.PERSON, progress, out -> Rows.persons(plan, out, progress.counter(Table.PERSON), 0, 1), false);
                    copy(control, Table.ENROLMENT, progress, out -> Rows.enrolments(plan, out, progress.counter(Table.ENROLMENT)), false);
                    advanceSequences(control, plan);
                    control.commit();
                    copySeconds = progress.seconds();
                } else {
                    control.commit();
                    try {
                        double indexStart = bulkLoad(control, plan, progress);
                        copySeconds = indexStart;
                        indexSeconds = progress.seconds() - indexStart;
                    } catch (Exception e) {
                        progress.line("failed, putting the database back as it was: " + e.getMessage());
                        try {
                            undo(plan);
                        } catch (RuntimeException cleanUp) {
                            e.addSuppressed(cleanUp);
                        }
                        throw e;
                    }
                }
                Map<String, Long> rows = new LinkedHashMap<>();
                rows.put(Table.TERRITORY.table, (long) plan.territories.size());
                rows.put(Table.ORGANISATION.table, (long) plan.organisations.size());
                rows.put(Table.SCHOOL_CLASS.table, plan.classes);
                rows.put(Table.PERSON.table, plan.persons);
                rows.put(Table.ENROLMENT.table, plan.enrolments);
                rows.put(Table.APP_USER.table, (long) plan.users.size());
                return new DemoLoadReport(scale, seed, bulk, rows, plan.rows(), (System.nanoTime() - started) / 1e9,
                        copySeconds, indexSeconds, progress.peakHeapBytes());
            } catch (Exception e) {
                control.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Demo data not loaded: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Demo data not loaded: " + e.getMessage(), e);
        }
    }

    private void refuseConflicts(Connection control, Plan plan) throws SQLException {
        try (var ps = control.prepareStatement(CONFLICTS)) {
            ps.setArray(1, control.createArrayOf("text", plan.territories.stream().map(Plan.TerritoryNode::kato).toArray()));
            ps.setArray(2, control.createArrayOf("text", plan.users.stream().map(Plan.DemoUser::username).toArray()));
            try (var rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0)
                    throw new IllegalStateException("Demo data not loaded: its territories or users are already there");
            }
        }
    }

    /** Returns the seconds (since the progress started) when the last COPY ended. */
    private double bulkLoad(Connection control, Plan plan, Progress progress) throws Exception {
        Ddl ddl = Ddl.read(control);
        savedDdl = ddl;
        control.commit();
        Ddl.execute(control, LOCK_EMPTY);
        try (var statement = control.createStatement(); var rs = statement.executeQuery(STILL_EMPTY)) {
            rs.next();
            if (!rs.getBoolean(1)) throw new IllegalStateException("the tables filled up meanwhile");
        }
        for (String drop : ddl.drops()) Ddl.execute(control, drop);
        control.commit();
        progress.line("dropped " + ddl.drops().size() + " keys, indexes and constraints of the big tables");

        // Two sessions take these steps in this order of preference, each as soon as what it needs is done: the
        // exclusion constraint of enrolments (the longest step) starts when the enrolments are in, while the other
        // session copies persons and builds their keys.
        double[] copied = new double[2];
        var graph = new TaskGraph(progress);
        String persons = "copy person", enrolments = "copy school_class, enrolment";
        graph.add(persons, Set.of(), connection -> inTransaction(connection, () -> {
            Ddl.execute(connection, TRUNCATE_PERSON);
            copy(connection, Table.PERSON, progress, out -> Rows.persons(plan, out, progress.counter(Table.PERSON), 0, 1), true);
            copied[0] = progress.seconds();
        }));
        graph.add(enrolments, Set.of(), connection -> inTransaction(connection, () -> {
            Ddl.execute(connection, TRUNCATE_ENROLMENT);
            copy(connection, Table.SCHOOL_CLASS, progress, out -> Rows.classes(plan, out, progress.counter(Table.SCHOOL_CLASS)), true);
            copy(connection, Table.ENROLMENT, progress, out -> Rows.enrolments(plan, out, progress.counter(Table.ENROLMENT)), true);
            copied[1] = progress.seconds();
        }));
        graph.add("copied", Set.of(persons, enrolments), connection -> {
            double seconds = Math.max(copied[0], copied[1]);
            progress.line(String.format(Locale.ROOT, "copied %,d rows in %.1f s (%,.0f rows/s)", plan.rows(), seconds,
                    plan.rows() / seconds));
            if (failAt == Step.AFTER_COPY) throw new IllegalStateException("failing on purpose after the copy");
        });
        // preference: the exclusion constraint, then everything on person (so that session never waits for the lock
        // the exclusion constraint holds on enrolment), then the indexes of classes and enrolments
        Map<String, Set<String>> builtOn = new LinkedHashMap<>();
        for (String table : ddl.tables()) builtOn.put(table, new HashSet<>(Set.of("copied")));
        List<Ddl.Build> builds = new ArrayList<>(ddl.builds().stream().filter(Ddl.Build::exclusion).toList());
        builds.addAll(ddl.builds().stream().filter(b -> !b.exclusion() && b.onPerson()).toList());
        builds.addAll(ddl.builds().stream().filter(b -> !b.exclusion() && !b.onPerson()).toList());
        Set<String> attached = new HashSet<>();
        boolean personAttached = false;
        for (Ddl.Build build : builds) {
            if (!personAttached && !build.exclusion() && !build.onPerson()) {
                attachAndAnalysePerson(graph, ddl, builtOn, attached);
                personAttached = true;
            }
            graph.sql(build.sql(), Set.of(build.onPerson() ? persons : enrolments), build.sql());
            builtOn.get(build.table()).add(build.sql());
        }
        if (!personAttached) attachAndAnalysePerson(graph, ddl, builtOn, attached);
        for (String table : ddl.tables()) {
            if (isPerson(table)) continue;
            String attach = "attach keys of " + table;
            graph.add(attach, builtOn.get(table), connection -> {
                for (String sql : ddl.attaches(table)) Ddl.execute(connection, sql);
            });
            attached.add(attach);
        }
        Set<String> keys = new HashSet<>(attached);
        for (String fk : ddl.foreignKeys()) {
            graph.sql(fk, attached, fk);
            keys.add(fk);
        }
        graph.add("advance identity sequences", keys, connection -> {
            if (failAt == Step.AFTER_INDEXES) throw new IllegalStateException("failing on purpose after the indexes");
            advanceSequences(connection, plan);
        });
        graph.sql("analyze enrolment, school_class, organisation, territory, app_user",
                Set.of("advance identity sequences"), "analyze enrolment, school_class, organisation, territory, app_user");
        try (Connection first = owner.getConnection(); Connection second = owner.getConnection()) {
            first.setAutoCommit(true);
            second.setAutoCommit(true);
            for (Connection session : List.of(first, second)) Ddl.execute(session, BUILD_SETTINGS);
            graph.run(List.of(first, second));
        }
        double copyEnd = Math.max(copied[0], copied[1]);
        progress.line(String.format(Locale.ROOT, "keys, indexes and statistics in %.1f s after the copy",
                progress.seconds() - copyEnd));
        return copyEnd;
    }

    /**
     * Two sessions already keep both cores busy; parallel workers for each index build would only take turns with
     * them. Measured on the national set: see docs/benchmarks.md.
     */
    static final String BUILD_SETTINGS = "set max_parallel_maintenance_workers = 0";

    private static boolean isPerson(String table) {
        return table.equals("person") || table.endsWith(".person");
    }

    private static void attachAndAnalysePerson(TaskGraph graph, Ddl ddl, Map<String, Set<String>> builtOn,
                                               Set<String> attached) {
        for (String table : ddl.tables()) {
            if (!isPerson(table)) continue;
            String attach = "attach keys of " + table;
            graph.add(attach, builtOn.get(table), connection -> {
                for (String sql : ddl.attaches(table)) Ddl.execute(connection, sql);
            });
            attached.add(attach);
            graph.sql("analyze person", Set.of(attach), "analyze person");
        }
    }

    private interface TransactionWork {
        void run() throws Exception;
    }

    private static void inTransaction(Connection connection, TransactionWork work) throws Exception {
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (Exception e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private interface RowWriter {
        void write(CopyBinary out) throws Exception;
    }

    private static void copy(Connection connection, Table table, Progress progress, RowWriter rows, boolean freeze)
            throws Exception {
        PGConnection pg = connection.unwrap(PGConnection.class);
        String sql = freeze ? table.copySql().replace("(format binary)", "(format binary, freeze)") : table.copySql();
        CopyIn copy = pg.getCopyAPI().copyIn(sql);
        try {
            var out = new CopyBinary(copy::writeToCopy);
            rows.write(out);
            out.close();
            copy.endCopy();
            if (table == Table.TERRITORY || table == Table.ORGANISATION || table == Table.APP_USER)
                progress.counter(table).addAndGet(out.rows());
        } catch (Exception e) {
            if (copy.isActive()) copy.cancelCopy();
            throw e;
        }
    }

    private static void advanceSequences(Connection connection, Plan plan) throws SQLException {
        long[] last = {plan.ids.organisation() + plan.organisations.size(), plan.ids.schoolClass() + plan.classes,
                plan.ids.person() + plan.persons, plan.ids.enrolment() + plan.enrolments};
        try (var ps = connection.prepareStatement(ADVANCE_SEQUENCES)) {
            for (int i = 0; i < 4; i++) {
                ps.setLong(2 * i + 1, last[i]);
                ps.setLong(2 * i + 2, last[i]);
            }
            ps.executeQuery().close();
        }
    }

    /** Removes what a failed bulk load wrote and restores the dropped keys, indexes and constraints. */
    private void undo(Plan plan) {
        try (Connection connection = owner.getConnection()) {
            connection.setAutoCommit(true);
            Ddl ddl = savedDdl;
            try {
                Ddl.execute(connection, EMPTY_BIG_TABLES);
            } catch (SQLException referenced) {
                for (String delete : DELETE_BIG_TABLES) Ddl.execute(connection, delete);
            }
            if (ddl != null) ddl.restoreMissing(connection);
            try (var ps = connection.prepareStatement(DELETE_USERS)) {
                ps.setArray(1, connection.createArrayOf("text", plan.users.stream().map(Plan.DemoUser::username).toArray()));
                ps.executeUpdate();
            }
            try (var ps = connection.prepareStatement(DELETE_ORGANISATIONS)) {
                ps.setLong(1, plan.ids.organisation());
                ps.setLong(2, plan.ids.organisation() + plan.organisations.size());
                ps.executeUpdate();
            }
            try (var ps = connection.prepareStatement(DELETE_TERRITORIES)) {
                ps.setArray(1, connection.createArrayOf("text", plan.territories.stream().map(Plan.TerritoryNode::kato).toArray()));
                ps.executeUpdate();
            }
            Plan.Ids before = plan.ids;
            try (var ps = connection.prepareStatement(ADVANCE_SEQUENCES)) {
                long[] last = {before.organisation(), before.schoolClass(), before.person(), before.enrolment()};
                for (int i = 0; i < 4; i++) {
                    ps.setLong(2 * i + 1, last[i]);
                    ps.setLong(2 * i + 2, last[i]);
                }
                ps.executeQuery().close();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Demo load failed and the clean-up failed too: " + e.getMessage(), e);
        }
    }

}
