package kz.bilim.child.internal;

import kz.bilim.child.ChildSource;
import kz.bilim.kernel.KatoRange;
import kz.bilim.platform.database.OwnerDataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;

/**
 * The set-based merge of one source's snapshot into the single database (CA-2), inside the caller's transaction on
 * the schema owner's connection: checked rows are streamed by COPY into a temporary staging table, then a few
 * statements do the rest — duplicates taken out (and reported), rows linked to recorded children (by the enrolment's
 * person, by IIN, or without IIN by folded name, birth date and district when exactly one child fits), new children
 * recorded, the source's rows written side by side (unchanged rows untouched), children missing from the snapshot
 * losing the source (never deleted), and each touched child's record taken from its preferred source (Justice, then
 * Kandas, then EMIS). It runs as the owner because linkage crosses territories (a child registered in one district
 * may be enrolled in another); every row's residence was checked against the caller's scope before staging.
 */
@Repository
class ChildMerge {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ChildMerge.class);

    static final String IMPORT = "IMPORT";
    static final String REGISTRY = "REGISTRY";

    private static final String STAGING = """
            drop table if exists pg_temp.child_staging;
            drop table if exists pg_temp.child_touched;
            drop table if exists pg_temp.child_withdrawn;
            create temp table child_staging (
                row_no int not null, iin text collate "C", last_name text not null, first_name text not null,
                patronymic text, birth_date date not null, sex text, citizenship text collate "C" not null,
                residence_kato text collate "C" not null, name_key text collate "C" not null,
                organisation_bin text collate "C", organisation_id bigint, grade smallint,
                territory text collate "C" not null, person_id bigint, child_id bigint, new_child boolean not null default false
            ) on commit drop;
            create temp table child_touched (child_id bigint not null) on commit drop;
            create temp table child_withdrawn (child_id bigint not null) on commit drop;
            """;

    private static final String COPY = """
            copy child_staging (row_no, iin, last_name, first_name, patronymic, birth_date, sex, citizenship,
                residence_kato, name_key, organisation_bin, organisation_id, grade, territory, person_id)
            from stdin (format csv)
            """;

    /** For the duplicates by IIN; the child_id index comes after the linkage ({@link #LINK}). */
    private static final String INDEX = """
            create index on child_staging (iin);
            analyze child_staging;
            """;

    /** Rows repeating an earlier one, taken out and (for an import) written as its rejections, set-based. */
    private static final String DUPLICATES = """
            with d as (
                delete from child_staging s using child_staging t
                 where %s and s.row_no > t.row_no
                returning s.row_no, (select min(u.row_no) from child_staging u where %s) as first),
            r as (
                insert into child_import_rejection (import_id, row_number, field, reason, args)
                select cast(:importId as bigint), row_no, '%s', 'child.import.duplicate', array[first::text]
                  from (select distinct row_no, first from d) x where cast(:importId as bigint) is not null)
            select count(distinct row_no) from d
            """;

    private static final String DUPLICATE_IIN = DUPLICATES.formatted("s.iin is not null and s.iin = t.iin",
            "u.iin = s.iin", "iin");

    private static final String DUPLICATE_NAME = DUPLICATES.formatted("""
            s.iin is null and t.iin is null and s.name_key = t.name_key and s.birth_date = t.birth_date
                   and s.residence_kato = t.residence_kato""", """
            u.iin is null and u.name_key = s.name_key and u.birth_date = s.birth_date
                                    and u.residence_kato = s.residence_kato""", "last_name");

    /**
     * Linkage by the enrolment's person, then by IIN, as one pass that writes the staging anew ({@code CREATE TABLE
     * AS}: one write per row instead of an UPDATE per step, each rewriting millions of rows with their index entries
     * in a national merge). A row with an IIN that links to no child is a new child at once (the name linkage below is
     * for rows without IIN only), its id drawn here. A person and an IIN belong to one record at most (a record
     * merged into another gives both up, V126), so the joins do not multiply rows.
     */
    private static final String LINK = """
            create temp table child_linked on commit drop as
            select s.row_no, s.iin, s.last_name, s.first_name, s.patronymic, s.birth_date, s.sex, s.citizenship,
                   s.residence_kato, s.name_key, s.organisation_bin, s.organisation_id, s.grade, s.territory,
                   s.person_id,
                   coalesce(cp.id, ci.id, case when s.iin is not null
                                               then nextval(pg_get_serial_sequence('child', 'id')) end) as child_id,
                   (cp.id is null and ci.id is null and s.iin is not null) as new_child
              from child_staging s
              left join child cp on s.person_id is not null and cp.person_id = s.person_id
              left join child ci on s.iin is not null and ci.iin = s.iin;
            drop table child_staging;
            alter table child_linked rename to child_staging;
            create index on child_staging (child_id);
            analyze child_staging;
            """;

    /**
     * Without IIN: the children of the same folded name and birth date in the same district; those already holding
     * this source come first (so the same file twice links the same way), and a row links only when exactly one
     * child is first. Ambiguous rows become new children, put on the review queue ({@link ChildReviewQueue#FOUND}).
     * A record merged into another (history) is no candidate.
     */
    private static final String LINK_NAME = """
            with candidates as (
                select s.row_no, c.id,
                       exists (select 1 from child_source cs where cs.child_id = c.id and cs.source = :source
                                  and cs.origin = :origin) as held
                  from child_staging s
                  join child c on c.name_key = s.name_key and c.birth_date = s.birth_date
                               and left(c.kato, 4) = left(s.residence_kato, 4) and c.merged_into is null
                 where s.iin is null and s.child_id is null),
            ranked as (
                select row_no, id, held, count(*) over (partition by row_no, held) as n,
                       bool_or(held) over (partition by row_no) as any_held
                  from candidates)
            update child_staging s set child_id = r.id
              from ranked r
             where r.row_no = s.row_no and r.n = 1 and (r.held or not r.any_held)
            """;

    private static final String DUPLICATE_CHILD = DUPLICATES.formatted("s.child_id = t.child_id",
            "u.child_id = s.child_id", "last_name");

    /** The rows without IIN that linked to no child: new children (those with an IIN got theirs in {@link #LINK}). */
    private static final String NEW_IDS = """
            update child_staging set child_id = nextval(pg_get_serial_sequence('child', 'id')), new_child = true
             where child_id is null
            """;

    private static final String NEW_CHILDREN = """
            insert into child (id, iin, last_name, first_name, patronymic, birth_date, sex, citizenship, kato, name_key,
                               person_id, held)
            overriding system value
            select child_id, iin, last_name, first_name, patronymic, birth_date, sex, citizenship, residence_kato,
                   name_key, person_id, cast(:bit as smallint)
              from child_staging where new_child
            """;

    /**
     * The source's rows of children who had one: changed only where they differ (so the same file twice changes
     * nothing). One row per child in the staging (duplicates are out), so this and {@link #SOURCES_NEW} together are
     * the upsert, without the per-row speculative insertion of {@code ON CONFLICT}.
     */
    private static final String SOURCES_CHANGED = """
            update child_source cs
               set territory = s.territory, iin = s.iin, last_name = s.last_name, first_name = s.first_name,
                   patronymic = s.patronymic, birth_date = s.birth_date, sex = s.sex, citizenship = s.citizenship,
                   residence_kato = s.residence_kato, organisation_bin = s.organisation_bin,
                   organisation_id = s.organisation_id, grade = s.grade, active = true, withdrawn_at = null,
                   changed_import_id = :importId, changed_at = now()
              from child_staging s
             where cs.child_id = s.child_id and cs.source = :source and cs.origin = :origin and not s.new_child
               and (cs.territory, cs.iin, cs.last_name, cs.first_name, cs.patronymic, cs.birth_date, cs.sex,
                    cs.citizenship, cs.residence_kato, cs.organisation_bin, cs.organisation_id, cs.grade, cs.active)
                   is distinct from
                   (s.territory, s.iin, s.last_name, s.first_name, s.patronymic, s.birth_date, s.sex,
                    s.citizenship, s.residence_kato, s.organisation_bin, s.organisation_id, s.grade, true)
            """;

    /** The rows of children the source did not hold before. */
    private static final String SOURCES_NEW = """
            insert into child_source (child_id, source, origin, territory, iin, last_name, first_name, patronymic,
                                      birth_date, sex, citizenship, residence_kato, organisation_bin,
                                      organisation_id, grade, first_import_id, changed_import_id)
            select child_id, :source, :origin, territory, iin, last_name, first_name, patronymic, birth_date, sex,
                   citizenship, residence_kato, organisation_bin, organisation_id, grade, :importId, :importId
              from child_staging s
             where s.new_child or not exists (select 1 from child_source cs where cs.child_id = s.child_id
                                                 and cs.source = :source and cs.origin = :origin)
            """;

    /** The children of the staged rows hold the source now (the held bits of the lists, V170). */
    private static final String HELD = """
            update child c set held = c.held | cast(:bit as smallint)
              from child_staging s where s.child_id = c.id and not s.new_child and c.held & cast(:bit as smallint) = 0
            """;

    /** The withdrawn children no longer hold the source, unless its other origin still does. */
    private static final String UNHELD = """
            update child c set held = c.held & ~cast(:bit as smallint)
              from (select distinct child_id from child_withdrawn) w
             where w.child_id = c.id and c.held & cast(:bit as smallint) <> 0
               and not exists (select 1 from child_source cs where cs.child_id = c.id and cs.source = :source
                                  and cs.active)
            """;

    private static final String WITHDRAW = """
            with withdrawn as (
                update child_source cs set active = false, withdrawn_at = now(), changed_import_id = :importId,
                                           changed_at = now()
                 where cs.source = :source and cs.origin = :origin and cs.active
                   and %s
                   and not exists (select 1 from child_staging s where s.child_id = cs.child_id)
                returning cs.child_id),
            w as (insert into child_withdrawn select child_id from withdrawn)
            insert into child_touched select child_id from withdrawn
            """;

    /** A snapshot of a territory: the source's rows of that subtree. */
    private static final String OF_TERRITORY = "cs.territory between :from and :to";

    /** A snapshot of some persons (a registry refresh after an enrolment change): those persons' children only. */
    private static final String OF_PERSONS = """
            cs.child_id in (select c.id from child c join pg_temp.child_registry_persons p on p.person_id = c.person_id)""";

    private static final String TOUCHED = "insert into child_touched select child_id from child_staging where not new_child";

    /**
     * The order of a child's sources {@code cs} whose first gives the record (CA-2): Justice, then Kandas, then EMIS;
     * this system's registry before an import; the latest change first.
     */
    static final String PREFERRED = """
            case cs.source when 'JUSTICE' then 0 when 'KANDAS' then 1 else 2 end,
            case cs.origin when 'REGISTRY' then 0 else 1 end, cs.changed_at desc""";

    /** Children's records from the rows {@code p} (each a child's preferred source, as child_source's columns). */
    private static final String RECORDS_FROM = """
            update child c
               set iin = coalesce(p.iin, c.iin), last_name = p.last_name, first_name = p.first_name,
                   patronymic = p.patronymic, birth_date = p.birth_date, sex = coalesce(p.sex, c.sex),
                   citizenship = p.citizenship, kato = p.residence_kato, updated_at = now()
              from %s p
             where c.id = p.child_id
               and (c.last_name, c.first_name, c.patronymic, c.birth_date, c.citizenship, c.kato)
                   is distinct from (p.last_name, p.first_name, p.patronymic, p.birth_date, p.citizenship, p.residence_kato)
               and (p.iin is null or c.iin is not distinct from p.iin
                    or not exists (select 1 from child o where o.iin = p.iin))
            """;

    /** Each touched child's record from its preferred active source; a child no source holds stays as it was. */
    static final String RECORDS = RECORDS_FROM.formatted("""
            (select distinct on (cs.child_id) cs.*
               from child_source cs
              where cs.active and cs.child_id in (select child_id from child_touched)
              order by cs.child_id,\s""" + PREFERRED + ")");

    /**
     * A merge of the first source of {@link #PREFERRED} (Justice: one origin, ranked before all others): each staged
     * child's record is the staged row itself (it is that child's active Justice row now), so no child's sources are
     * read and sorted — millions in a national merge; only the withdrawn children go through {@link #RECORDS}.
     */
    private static final String RECORDS_STAGED = RECORDS_FROM.formatted("(select * from child_staging where not new_child)");

    /** Linked children's name keys and persons (new children were recorded with the staged ones). */
    private static final String NAME_KEYS = """
            update child c set name_key = s.name_key
              from child_staging s where s.child_id = c.id and not s.new_child and c.name_key <> s.name_key
               and c.last_name = s.last_name and c.first_name = s.first_name
            """;

    private static final String PERSONS = """
            update child c set person_id = s.person_id
              from child_staging s where s.child_id = c.id and s.person_id is not null and not s.new_child
               and c.person_id is distinct from s.person_id
            """;

    /** The statement triggers of the kept list counts on {@code child} (V170). */
    static final List<String> COUNT_TRIGGERS = List.of("child_list_count_insert", "child_list_count_update",
            "child_list_count_delete");

    /**
     * The indexes of {@code child} and {@code child_source} that are neither a key nor a constraint's: dropped and
     * rebuilt by a bulk merge.
     */
    private static final String SECONDARY_INDEXES = """
            select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
              from pg_index i
             where i.indrelid in ('child'::regclass, 'child_source'::regclass) and not i.indisprimary
               and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
             order by 1
            """;

    /**
     * The primary key of {@code child_source} and its foreign key to {@code child}, in the order they are added (no
     * table refers to child_source): dropped and added again by a bulk merge. child's own key stays (others refer
     * to it).
     */
    private static final String SOURCE_KEYS = """
            select conname as name, pg_get_constraintdef(oid) as definition
              from pg_constraint where conrelid = 'child_source'::regclass and contype in ('p', 'f')
             order by case contype when 'p' then 0 else 1 end, conname
            """;

    private record Index(String name, String definition) {
    }

    /**
     * Runs {@code merges} (in the caller's transaction) as one bulk merge when {@code rows} is large: what a national
     * snapshot costs is writing millions of {@code child} rows with their indexes and the list counts' triggers
     * present (each changed row an entry in six indexes, each statement a transition table of millions of rows), so
     * the child table's secondary indexes are dropped and rebuilt after (a sort each, in parallel workers — the
     * IIN's unique index checks uniqueness again when rebuilt), the sources' key and foreign key to the children are
     * dropped and added again (checked by one join instead of a locking query per row), the counts' triggers are off and the counts
     * suspended ({@code as_of} null: the next read or the midnight job rebuilds them once, set-based, {@link
     * ChildListCounts#current}). All of it is DDL inside the transaction, so a failure rolls it back with the merge.
     * The price: {@code child} is locked for the merge (readers wait for a bulk merge to commit) — a national
     * reconciliation, not a working-day import.
     */
    <T> T bulk(long rows, java.util.function.Supplier<T> merges) {
        long children = jdbc.sql("select greatest(reltuples, 0)::bigint from pg_class where oid = 'child'::regclass")
                .query(Long.class).single();
        if (rows < bulkRows || rows < children * bulkShare) return merges.get();
        return inBulk(rows, merges);
    }

    /** {@link #bulk} whatever the size (the national reconciliation). */
    <T> T inBulk(long rows, java.util.function.Supplier<T> merges) {
        long start = System.nanoTime();
        var indexes = jdbc.sql(SECONDARY_INDEXES).query(Index.class).list();
        jdbc.sql("update child_list_count_day set as_of = null where as_of is not null").update();
        for (var trigger : COUNT_TRIGGERS) jdbc.sql("alter table child disable trigger " + trigger).update();
        for (var index : indexes) jdbc.sql("drop index " + index.name()).update();
        // a foreign key checks each inserted row by a query that also locks the child's row (a write to its page):
        // millions of them; added again after, it is checked by one join. The key of the sources: millions of
        // entries inserted one by one cost four times the rebuild (performance.md)
        var keys = jdbc.sql(SOURCE_KEYS).query(Index.class).list();
        for (int i = keys.size() - 1; i >= 0; i--)
            jdbc.sql("alter table child_source drop constraint " + keys.get(i).name()).update();
        log.debug("bulk merge of {} rows: {} indexes dropped in {} ms", rows, indexes.size(),
                (System.nanoTime() - start) / 1_000_000);
        T result = merges.get();
        long rebuild = System.nanoTime();
        var rebuilt = new Timer("bulk merge: rebuilt");
        for (var index : indexes) rebuilt.run(index.name(), () -> jdbc.sql(index.definition()).update());
        for (var key : keys) rebuilt.run(key.name(), () -> jdbc.sql("alter table child_source add constraint " + key.name()
                + " " + key.definition()).update());
        for (var trigger : COUNT_TRIGGERS) jdbc.sql("alter table child enable trigger " + trigger).update();
        jdbc.sql("analyze child").update();
        log.debug("bulk merge: {} indexes rebuilt, child analysed in {} ms", indexes.size(),
                (System.nanoTime() - rebuild) / 1_000_000);
        return result;
    }

    /** A row staged for the merge. */
    record Staged(ChildRowPolicy.Row row, String territory, Long personId) {
    }

    /** {@code duplicates}: rows taken out as repeats (written as rejections of the import). */
    record Merged(long inserted, long updated, long withdrawn, long children, long duplicates) {
    }

    /** The bit of a source in {@code child.held} (V170): EMIS_PRESCHOOL 1 … KANDAS 32. */
    static int bit(ChildSource source) {
        return switch (source) {
            case EMIS_PRESCHOOL -> 1;
            case EMIS_SCHOOL -> 2;
            case EMIS_TVET -> 4;
            case EMIS_NON_STATE -> 8;
            case JUSTICE -> 16;
            case KANDAS -> 32;
        };
    }

    private final OwnerDataSource owner;
    private final JdbcClient jdbc;

    /**
     * A merge of at least {@code bulkRows} rows that are at least {@code bulkShare} of the recorded children is a bulk
     * merge ({@link #bulk}): a national or regional snapshot, not a district's file or an enrolment change.
     */
    private final long bulkRows;
    private final double bulkShare;

    ChildMerge(OwnerDataSource owner, @Value("${bilim.child.bulk-merge.min-rows:100000}") long bulkRows,
               @Value("${bilim.child.bulk-merge.min-share:0.1}") double bulkShare) {
        this.owner = owner;
        this.jdbc = JdbcClient.create(owner);
        this.bulkRows = bulkRows;
        this.bulkShare = bulkShare;
    }

    /** A fresh, empty staging table, to be filled by SQL. */
    void createStaging() {
        jdbc.sql(STAGING).update();
    }

    /** A fresh staging table and a COPY stream into it; close the writer before {@link #merge}. */
    Staging staging() {
        jdbc.sql(STAGING).update();
        var connection = DataSourceUtils.getConnection(owner);
        try {
            var out = new PGCopyOutputStream(connection.unwrap(PGConnection.class), COPY, 1 << 16);
            return new Staging(new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.POSTGRESQL_CSV));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY into the staging table could not start", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, owner);
        }
    }

    /** Where checked rows go (the COPY into a staging table). */
    interface Sink {
        void add(Staged staged);
    }

    /** The COPY stream of staged rows. */
    static final class Staging implements Closeable, Sink {

        private final CSVPrinter printer;
        private int rows;

        private Staging(CSVPrinter printer) {
            this.printer = printer;
        }

        @Override
        public void add(Staged staged) {
            var r = staged.row();
            try {
                printer.printRecord(r.number(), r.iin(), r.lastName(), r.firstName(), r.patronymic(), r.birthDate(),
                        r.sex(), r.citizenship(), r.residenceKato(), r.nameKey(), r.organisationBin(),
                        r.organisationId(), r.grade(), staged.territory(), staged.personId());
                rows++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        int rows() {
            return rows;
        }

        @Override
        public void close() {
            try {
                printer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Merges the staged snapshot of one source for the territory range (the snapshot's subtree). */
    Merged merge(ChildSource source, String origin, KatoRange territory, Long importId) {
        return merge(source, origin, OF_TERRITORY, territory, importId);
    }

    /**
     * Merges the staged rows of one source as the snapshot of the persons in {@code pg_temp.child_registry_persons}
     * (person_id): their children missing from the staging lose the source, nobody else's.
     */
    Merged mergePersons(ChildSource source, String origin) {
        return merge(source, origin, OF_PERSONS, null, null);
    }

    private Merged merge(ChildSource source, String origin, String snapshot, KatoRange territory, Long importId) {
        var t = new Timer("merge " + source);
        t.run("index", () -> jdbc.sql(INDEX).update());
        int bit = bit(source);
        long duplicates = t.run("duplicate iin", () -> count(DUPLICATE_IIN, importId))
                + t.run("duplicate name", () -> count(DUPLICATE_NAME, importId));
        t.run("link person, iin", () -> jdbc.sql(LINK).update());
        t.run("link name", () -> jdbc.sql(LINK_NAME).param("source", source.name()).param("origin", origin).update());
        duplicates += t.run("duplicate child", () -> count(DUPLICATE_CHILD, importId));
        t.run("new ids", () -> jdbc.sql(NEW_IDS).update());
        int children = t.run("new children", () -> jdbc.sql(NEW_CHILDREN).param("bit", bit).update());
        if (children > 0) t.run("review found", () -> jdbc.sql(ChildReviewQueue.FOUND).param("source", source.name())
                .param("origin", origin).param("importId", importId).update());
        // withdrawn before the source's rows are written: the same rows (the staged children keep the source either
        // way), without reading the rows just written
        var withdraw = jdbc.sql(WITHDRAW.formatted(snapshot)).param("source", source.name()).param("origin", origin)
                .param("importId", importId);
        if (territory != null) withdraw = withdraw.param("from", territory.first()).param("to", territory.last());
        var w = withdraw;
        int withdrawn = t.run("withdraw", () -> w.update());
        if (withdrawn > 0) t.run("unheld", () -> jdbc.sql(UNHELD).param("bit", bit).param("source", source.name()).update());
        long updated = t.run("sources changed", () -> jdbc.sql(SOURCES_CHANGED).param("source", source.name())
                .param("origin", origin).param("importId", importId).update());
        long inserted = t.run("sources new", () -> jdbc.sql(SOURCES_NEW).param("source", source.name())
                .param("origin", origin).param("importId", importId).update());
        t.run("held", () -> jdbc.sql(HELD).param("bit", bit).update());
        boolean first = source == ChildSource.JUSTICE;
        if (first) t.run("records staged", () -> jdbc.sql(RECORDS_STAGED).update());
        else t.run("touched", () -> jdbc.sql(TOUCHED).update());
        if (!first || withdrawn > 0) t.run("records", () -> jdbc.sql(RECORDS).update());
        t.run("name keys", () -> jdbc.sql(NAME_KEYS).update());
        t.run("persons", () -> jdbc.sql(PERSONS).update());
        return new Merged(inserted, updated, withdrawn, children, duplicates);
    }

    /**
     * Each statement's time and rows at debug level (counts only, never a row), for profiling a large merge: the
     * merge's steps and the bulk merge's rebuilds alike.
     */
    static final class Timer {
        private final String what;

        Timer(String what) {
            this.what = what;
        }

        <T> T run(String step, java.util.function.Supplier<T> statement) {
            long start = System.nanoTime();
            T result = statement.get();
            if (log.isDebugEnabled()) log.debug("{} {}: {} in {} ms", what, step,
                    result, (System.nanoTime() - start) / 1_000_000);
            return result;
        }
    }

    private long count(String duplicates, Long importId) {
        return jdbc.sql(duplicates).param("importId", importId).query(Long.class).single();
    }
}
