package kz.bilim.demo.internal;

import kz.bilim.access.BulkAccounts;
import kz.bilim.demo.DemoLoadReport;
import kz.bilim.demo.DemoScale;
import kz.bilim.enrolment.BulkEnrolments;
import kz.bilim.enrolment.Enrolment;
import kz.bilim.enrolment.Person;
import kz.bilim.organisation.BulkOrganisations;
import kz.bilim.organisation.Organisation;
import kz.bilim.organisation.SchoolClass;
import kz.bilim.platform.database.BulkLoadJournal;
import kz.bilim.platform.database.BulkTable;
import kz.bilim.platform.database.TableKeys;
import kz.bilim.territory.BulkTerritories;
import kz.bilim.territory.Territory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Loads a {@link Plan} through the owners' bulk writers ({@link BulkTable}s of the territory, organisation, enrolment
 * and access modules): COPY in binary format, as the schema owner. This class knows the order of the steps, never a
 * table or a column.
 * <p>
 * <b>Bulk load</b> (organisations, classes, persons and enrolments all empty): territories, organisations and users in
 * one transaction; then the keys, indexes and foreign keys the big tables' owners ask to rebuild are dropped, persons
 * and classes + enrolments are copied in two parallel sessions (COPY FREEZE into the tables just truncated in the same
 * transaction), the keys and indexes are rebuilt in two parallel sessions, the foreign keys validated, the identity
 * sequences advanced and the tables analysed. If any step fails, the loaded rows are removed and every dropped key,
 * index and constraint is put back: the database is as before.
 * <p>
 * <b>Transactional load</b> (some of those tables hold data): everything in one transaction with all keys in place,
 * ids after the highest in use; a failure rolls it all back.
 */
public final class DemoLoader {

    /**
     * A point in a load where a test may make it fail (the database must be left as before) or stop it dead (a
     * process killed there must be repaired by the next start).
     */
    enum Step {
        /** Territories, organisations, users and the journal committed; nothing dropped yet. */
        AFTER_BEGIN,
        /** The big tables' keys, indexes and constraints dropped. */
        AFTER_DROPS,
        AFTER_COPY,
        /** Keys and indexes rebuilt, identity sequences not yet advanced. */
        AFTER_INDEXES,
        /** The loader's own tables complete, the dependents (staff) not yet written. */
        AFTER_LOAD,
        /** Everything written, the journal not yet cleared. */
        AFTER_DEPENDENTS
    }

    /**
     * What other modules load for the organisations this load writes (the staff), and how it is removed again when an
     * interrupted load is undone.
     */
    public interface Dependents {
        Dependents NONE = new Dependents() {
            @Override
            public Map<String, Long> write(DataSource owner, long seed, List<DemoStaff.Org> organisations) {
                return Map.of();
            }

            @Override
            public void remove(DataSource owner, long organisationIdAfter, long organisationIdUpTo) {
            }
        };

        /** Writes the dependents of these organisations in one transaction; the rows written by table. */
        Map<String, Long> write(DataSource owner, long seed, List<DemoStaff.Org> organisations);

        /** Removes whatever was written for organisations with ids in {@code (after, upTo]}. */
        void remove(DataSource owner, long organisationIdAfter, long organisationIdUpTo);

        /** These dependents in order (written first to last, removed last to first). */
        static Dependents all(Dependents... dependents) {
            return new Dependents() {
                @Override
                public Map<String, Long> write(DataSource owner, long seed, List<DemoStaff.Org> organisations) {
                    Map<String, Long> rows = new java.util.LinkedHashMap<>();
                    for (Dependents d : dependents) rows.putAll(d.write(owner, seed, organisations));
                    return rows;
                }

                @Override
                public void remove(DataSource owner, long organisationIdAfter, long organisationIdUpTo) {
                    for (int i = dependents.length - 1; i >= 0; i--)
                        dependents[i].remove(owner, organisationIdAfter, organisationIdUpTo);
                }
            };
        }
    }

    /** The journal's name for this loader ({@link BulkLoadJournal}). */
    static final String JOURNAL = "demo";
    /** How long a start waits for another instance's load before giving up. */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(30);

    private static final BulkTable<Territory> TERRITORIES = BulkTerritories.TERRITORIES;
    private static final BulkTable<Organisation> ORGANISATIONS = BulkOrganisations.ORGANISATIONS;
    private static final BulkTable<SchoolClass> CLASSES = BulkOrganisations.CLASSES;
    private static final BulkTable<Person> PERSONS = BulkEnrolments.PERSONS;
    private static final BulkTable<Enrolment> ENROLMENTS = BulkEnrolments.ENROLMENTS;
    private static final BulkTable<BulkAccounts.Account> ACCOUNTS = BulkAccounts.ACCOUNTS;
    /** The national-scale tables, biggest first: loaded in bulk only when all of them are empty. */
    private static final List<BulkTable<?>> BIG = List.of(PERSONS, ENROLMENTS, CLASSES);
    /** Emptied after a failed bulk load, referring tables first. */
    private static final List<BulkTable<?>> BIG_REFERRING_FIRST = List.of(ENROLMENTS, CLASSES, PERSONS);
    private static final List<BulkTable<?>> ANALYSED_AFTER = List.of(ENROLMENTS, CLASSES, ORGANISATIONS, TERRITORIES, ACCOUNTS);
    private static final int PROGRESS_STEP = 8192;

    private final DataSource owner;
    private final Function<String, String> passwordHasher;
    private final Dependents dependents;
    private Step failAt;
    private Step pauseAt;
    private Duration lockWait = LOCK_WAIT;

    public DemoLoader(DataSource owner, Function<String, String> passwordHasher) {
        this(owner, passwordHasher, Dependents.NONE);
    }

    public DemoLoader(DataSource owner, Function<String, String> passwordHasher, Dependents dependents) {
        this.owner = owner;
        this.passwordHasher = passwordHasher;
        this.dependents = dependents;
    }

    /** For tests: fail on purpose at this step of a bulk load. */
    DemoLoader failingAt(Step step) {
        this.failAt = step;
        return this;
    }

    /** For tests: at this step, say so on standard output and stop forever (for the test to kill the process). */
    DemoLoader pausingAt(Step step) {
        this.pauseAt = step;
        return this;
    }

    /** For tests: give up waiting for another instance's load sooner. */
    DemoLoader waitingForLock(Duration wait) {
        this.lockWait = wait;
        return this;
    }

    private void checkpoint(Step step) throws InterruptedException {
        if (failAt == step) throw new IllegalStateException("failing on purpose at " + step);
        if (pauseAt == step) {
            System.out.println(PAUSED + step);
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    static final String PAUSED = "demo load paused at ";

    /** Whether the registry holds no organisation at all — the condition for loading demo data on start. */
    public static boolean registryEmpty(DataSource owner) {
        try (Connection connection = owner.getConnection()) {
            return ORGANISATIONS.isEmpty(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not tell whether the registry is empty: " + e.getMessage(), e);
        }
    }

    private List<DemoStaff.Org> loaded = List.of();

    /** The organisations the last load wrote, with their pupils, for the staff that follows them. */
    public List<DemoStaff.Org> loadedOrganisations() {
        return loaded;
    }

    /**
     * Undoes a load that began and never finished (the process was killed, the machine lost power): removes its rows,
     * puts back every key, index and constraint it had dropped and resets the identity sequences. Returns what was
     * undone; empty when there was nothing to undo. Waits for a load another instance is running, and refuses if it
     * does not finish in time.
     */
    public Optional<String> recoverInterrupted() {
        try (Connection control = owner.getConnection()) {
            lock(control);
            try {
                return recover(control);
            } finally {
                BulkLoadJournal.unlock(control, JOURNAL);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("An interrupted demo load could not be undone: " + e.getMessage(), e);
        }
    }

    public DemoLoadReport load(DemoScale scale, long seed) {
        long started = System.nanoTime();
        try (Connection control = owner.getConnection()) {
            lock(control);
            try {
                recover(control);
                return load(control, scale, seed, started);
            } finally {
                BulkLoadJournal.unlock(control, JOURNAL);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Demo data not loaded: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Demo data not loaded: " + e.getMessage(), e);
        }
    }

    private void lock(Connection control) throws SQLException {
        if (!BulkLoadJournal.lock(control, JOURNAL, lockWait))
            throw new IllegalStateException("Demo data not loaded: another instance has been loading demo data into "
                    + "this database for more than " + lockWait.toMillis() + " ms");
    }

    private Optional<String> recover(Connection control) throws SQLException {
        control.setAutoCommit(true);
        var entry = BulkLoadJournal.interrupted(control, JOURNAL);
        if (entry.isEmpty()) return Optional.empty();
        var interrupted = PlanKey.parse(entry.get().plan());
        Plan plan = Planner.plan(interrupted.scale(), interrupted.seed(), interrupted.ids());
        TableKeys keys = entry.get().bulk() ? TableKeys.saved(control, entry.get().id(), BIG) : null;
        dependents.remove(owner, plan.ids.organisation(), plan.ids.organisation() + plan.organisations.size());
        undo(control, plan, entry.get().bulk(), keys);
        BulkLoadJournal.finish(control, entry.get().id());
        return Optional.of(String.format(Locale.ROOT, "undid the %s demo load (seed %d) begun at %s and never finished",
                interrupted.scale(), interrupted.seed(), entry.get().startedAt()));
    }

    /** What the journal keeps of a load to find its rows again: the scale, the seed and the ids in use before it. */
    record PlanKey(DemoScale scale, long seed, Plan.Ids ids) {

        String text() {
            return String.join(";", scale.name(), Long.toString(seed), Long.toString(ids.organisation()),
                    Long.toString(ids.schoolClass()), Long.toString(ids.person()), Long.toString(ids.enrolment()));
        }

        static PlanKey parse(String text) {
            String[] f = text.split(";");
            return new PlanKey(DemoScale.valueOf(f[0]), Long.parseLong(f[1]), new Plan.Ids(Long.parseLong(f[2]),
                    Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5])));
        }
    }

    private DemoLoadReport load(Connection control, DemoScale scale, long seed, long started) throws Exception {
        control.setAutoCommit(false);
        try {
            boolean bulk = ORGANISATIONS.isEmpty(control) && allEmpty(control);
            var ids = new Plan.Ids(ORGANISATIONS.lastId(control), CLASSES.lastId(control), PERSONS.lastId(control),
                    ENROLMENTS.lastId(control));
            Plan plan = Planner.plan(scale, seed, ids);
            refuseConflicts(control, plan);
            String label = plan.scale;
            try (var progress = new Progress(label, plan.rows())) {
                progress.line(String.format(Locale.ROOT, "%s load of %,d rows (%,d persons, %,d enrolments, %,d organisations)",
                        bulk ? "bulk" : "transactional", plan.rows(), plan.persons, plan.enrolments, plan.organisations.size()));
                List<String> hashes = plan.users.parallelStream().map(u -> passwordHasher.apply(u.password())).toList();
                // the journal first, in the transaction of the first rows: from here on a crash is undone at the next start
                long journal = BulkLoadJournal.begin(control, JOURNAL, new PlanKey(scale, seed, ids).text(), bulk);
                TableKeys keys = null;
                if (bulk) {
                    keys = TableKeys.read(control, BIG);
                    keys.save(control, journal);
                }
                copy(control, TERRITORIES, progress, out -> Rows.territories(plan, out), false);
                copy(control, ORGANISATIONS, progress, out -> Rows.organisations(plan, out), false);
                copy(control, ACCOUNTS, progress, out -> {
                    var it = hashes.iterator();
                    Rows.users(plan, password -> it.next(), out);
                }, false);
                double copySeconds, indexSeconds = 0;
                Map<String, Long> dependentRows;
                try {
                    if (!bulk) {
                        copy(control, CLASSES, progress, out -> Rows.classes(plan, out), false);
                        copy(control, PERSONS, progress, out -> Rows.persons(plan, out, 0, 1), false);
                        copy(control, ENROLMENTS, progress, out -> Rows.enrolments(plan, out), false);
                        advanceSequences(control, plan);
                        control.commit();
                        copySeconds = progress.seconds();
                    } else {
                        control.commit();
                        checkpoint(Step.AFTER_BEGIN);
                        double indexStart = bulkLoad(control, plan, keys, progress);
                        copySeconds = indexStart;
                        indexSeconds = progress.seconds() - indexStart;
                    }
                    control.setAutoCommit(true);
                    checkpoint(Step.AFTER_LOAD);
                    loaded = plan.organisations.stream().map(o -> new DemoStaff.Org(o.id, o.locality.kato, o.kind.name(),
                            o.locality.urban, o.pupils(), o.ownership.name(), o.bin.value())).toList();
                    dependentRows = dependents.write(owner, seed, loaded);
                    checkpoint(Step.AFTER_DEPENDENTS);
                    BulkLoadJournal.finish(control, journal);
                } catch (Exception e) {
                    if (!control.getAutoCommit()) control.rollback();
                    control.setAutoCommit(true);
                    progress.line("failed, putting the database back as it was: " + e.getMessage());
                    try {
                        recover(control);
                    } catch (SQLException | RuntimeException cleanUp) {
                        e.addSuppressed(cleanUp);
                    }
                    throw e;
                }
                Map<String, Long> rows = new LinkedHashMap<>();
                rows.put(TERRITORIES.name(), (long) plan.territories.size());
                rows.put(ORGANISATIONS.name(), (long) plan.organisations.size());
                rows.put(CLASSES.name(), plan.classes);
                rows.put(PERSONS.name(), plan.persons);
                rows.put(ENROLMENTS.name(), plan.enrolments);
                rows.put(ACCOUNTS.name(), (long) plan.users.size());
                rows.putAll(dependentRows);
                long total = plan.rows() + dependentRows.values().stream().mapToLong(Long::longValue).sum();
                return new DemoLoadReport(scale, seed, bulk, rows, total, (System.nanoTime() - started) / 1e9,
                        copySeconds, indexSeconds, progress.peakHeapBytes());
            }
        } catch (Exception e) {
            if (!control.getAutoCommit()) control.rollback();
            throw e;
        }
    }

    private static boolean allEmpty(Connection connection) throws SQLException {
        for (BulkTable<?> table : BIG) if (!table.isEmpty(connection)) return false;
        return true;
    }

    private void refuseConflicts(Connection control, Plan plan) throws SQLException {
        long clashes = TERRITORIES.countWithKeys(control, katos(plan)) + ACCOUNTS.countWithKeys(control, usernames(plan));
        if (clashes > 0) throw new IllegalStateException("Demo data not loaded: its territories or users are already there");
    }

    private static List<String> katos(Plan plan) {
        return plan.territories.stream().map(Territory::kato).toList();
    }

    private static List<String> usernames(Plan plan) {
        return plan.users.stream().map(Plan.DemoUser::username).toList();
    }

    /** Returns the seconds (since the progress started) when the last COPY ended. */
    private double bulkLoad(Connection control, Plan plan, TableKeys keys, Progress progress) throws Exception {
        BulkTable.lockExclusively(control, BIG);
        if (!allEmpty(control)) throw new IllegalStateException("the tables filled up meanwhile");
        for (String drop : keys.drops()) TableKeys.execute(control, drop);
        control.commit();
        progress.line("dropped " + keys.drops().size() + " keys, indexes and constraints of the big tables");
        checkpoint(Step.AFTER_DROPS);

        // Two sessions take these steps in this order of preference, each as soon as what it needs is done: the
        // other session copies classes and enrolments and builds their indexes while this one copies persons.
        double[] copied = new double[2];
        var graph = new TaskGraph(progress);
        String persons = "copy " + PERSONS, enrolments = "copy " + CLASSES + ", " + ENROLMENTS;
        graph.add(persons, Set.of(), connection -> inTransaction(connection, () -> {
            BulkTable.truncate(connection, List.of(PERSONS));
            copy(connection, PERSONS, progress, out -> Rows.persons(plan, out, 0, 1), true);
            copied[0] = progress.seconds();
        }));
        graph.add(enrolments, Set.of(), connection -> inTransaction(connection, () -> {
            BulkTable.truncate(connection, List.of(CLASSES, ENROLMENTS));
            copy(connection, CLASSES, progress, out -> Rows.classes(plan, out), true);
            copy(connection, ENROLMENTS, progress, out -> Rows.enrolments(plan, out), true);
            copied[1] = progress.seconds();
        }));
        graph.add("copied", Set.of(persons, enrolments), connection -> {
            double seconds = Math.max(copied[0], copied[1]);
            progress.line(String.format(Locale.ROOT, "copied %,d rows in %.1f s (%,.0f rows/s)", plan.rows(), seconds,
                    plan.rows() / seconds));
            checkpoint(Step.AFTER_COPY);
        });
        // preference: exclusion constraints, then everything on persons (so that session never waits for a lock
        // held on enrolments), then the indexes of classes and enrolments
        Map<BulkTable<?>, Set<String>> builtOn = new LinkedHashMap<>();
        for (BulkTable<?> table : keys.tables()) builtOn.put(table, new HashSet<>(Set.of("copied")));
        List<TableKeys.Build> builds = new ArrayList<>(keys.builds().stream().filter(TableKeys.Build::exclusion).toList());
        builds.addAll(keys.builds().stream().filter(b -> !b.exclusion() && b.table() == PERSONS).toList());
        builds.addAll(keys.builds().stream().filter(b -> !b.exclusion() && b.table() != PERSONS).toList());
        Set<String> attached = new HashSet<>();
        boolean personAttached = false;
        for (TableKeys.Build build : builds) {
            if (!personAttached && !build.exclusion() && build.table() != PERSONS) {
                attachAndAnalysePersons(graph, keys, builtOn, attached);
                personAttached = true;
            }
            graph.sql(build.sql(), Set.of(build.table() == PERSONS ? persons : enrolments), build.sql());
            builtOn.get(build.table()).add(build.sql());
        }
        if (!personAttached) attachAndAnalysePersons(graph, keys, builtOn, attached);
        for (BulkTable<?> table : keys.tables()) {
            if (table == PERSONS) continue;
            String attach = "attach keys of " + table;
            graph.add(attach, builtOn.get(table), connection -> {
                for (String sql : keys.attaches(table)) TableKeys.execute(connection, sql);
            });
            attached.add(attach);
        }
        Set<String> keysDone = new HashSet<>(attached);
        for (String fk : keys.foreignKeys()) {
            graph.sql(fk, attached, fk);
            keysDone.add(fk);
        }
        graph.add("advance identity sequences", keysDone, connection -> {
            checkpoint(Step.AFTER_INDEXES);
            advanceSequences(connection, plan);
        });
        String analyse = BulkTable.analyze(ANALYSED_AFTER);
        graph.sql(analyse, Set.of("advance identity sequences"), analyse);
        try (Connection first = owner.getConnection(); Connection second = owner.getConnection()) {
            first.setAutoCommit(true);
            second.setAutoCommit(true);
            for (Connection session : List.of(first, second)) TableKeys.execute(session, BUILD_SETTINGS);
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

    private static void attachAndAnalysePersons(TaskGraph graph, TableKeys keys, Map<BulkTable<?>, Set<String>> builtOn,
                                                Set<String> attached) {
        if (!keys.tables().contains(PERSONS)) return;
        String attach = "attach keys of " + PERSONS;
        graph.add(attach, builtOn.get(PERSONS), connection -> {
            for (String sql : keys.attaches(PERSONS)) TableKeys.execute(connection, sql);
        });
        attached.add(attach);
        String analyse = BulkTable.analyze(List.of(PERSONS));
        graph.sql(analyse, Set.of(attach), analyse);
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

    /** A stream of records: hands each to the consumer, in order. */
    private interface RowSource<R> {
        void write(Consumer<R> out) throws Exception;
    }

    /** Feeds the records of one stream to the owner's bulk writer, counting them for the progress bar. */
    private static <R> void copy(Connection connection, BulkTable<R> table, Progress progress, RowSource<R> rows,
                                 boolean freeze) throws Exception {
        AtomicLong counter = progress.counter(table);
        try (BulkTable<R>.Writer writer = table.copyInto(connection, freeze)) {
            rows.write(row -> {
                writer.write(row);
                if ((writer.rows() & (PROGRESS_STEP - 1)) == 0) counter.addAndGet(PROGRESS_STEP);
            });
            long written = writer.finish();
            counter.addAndGet(written % PROGRESS_STEP);
        }
    }

    private static void advanceSequences(Connection connection, Plan plan) throws SQLException {
        ORGANISATIONS.continueIdsAfter(connection, plan.ids.organisation() + plan.organisations.size());
        CLASSES.continueIdsAfter(connection, plan.ids.schoolClass() + plan.classes);
        PERSONS.continueIdsAfter(connection, plan.ids.person() + plan.persons);
        ENROLMENTS.continueIdsAfter(connection, plan.ids.enrolment() + plan.enrolments);
    }

    /**
     * Removes what a load wrote and restores what it dropped: in a bulk load the big tables were empty before, so they
     * are emptied again; in a transactional one only the plan's ids are removed. Then the plan's users, organisations
     * and territories go, and the identity sequences continue where they were.
     */
    private void undo(Connection connection, Plan plan, boolean bulk, TableKeys keys) throws SQLException {
        Plan.Ids before = plan.ids;
        if (bulk) {
            try {
                BulkTable.truncate(connection, BIG_REFERRING_FIRST);
            } catch (SQLException referenced) {
                for (BulkTable<?> table : BIG_REFERRING_FIRST) BulkTable.deleteAll(connection, table);
            }
            if (keys != null) keys.restoreMissing(connection);
        } else {
            ENROLMENTS.deleteIdsBetween(connection, before.enrolment(), before.enrolment() + plan.enrolments);
            CLASSES.deleteIdsBetween(connection, before.schoolClass(), before.schoolClass() + plan.classes);
            PERSONS.deleteIdsBetween(connection, before.person(), before.person() + plan.persons);
        }
        ACCOUNTS.deleteWithKeys(connection, usernames(plan));
        ORGANISATIONS.deleteIdsBetween(connection, before.organisation(), before.organisation() + plan.organisations.size());
        TERRITORIES.deleteWithKeys(connection, katos(plan));
        ORGANISATIONS.continueIdsAfter(connection, before.organisation());
        CLASSES.continueIdsAfter(connection, before.schoolClass());
        PERSONS.continueIdsAfter(connection, before.person());
        ENROLMENTS.continueIdsAfter(connection, before.enrolment());
    }
}
