package kz.bilim.child.internal;

import kz.bilim.child.ChildSource;
import kz.bilim.kernel.KatoRange;
import kz.bilim.platform.database.OwnerDataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

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

    private static final String INDEX = """
            create index on child_staging (iin);
            create index on child_staging (child_id);
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

    private static final String LINK_PERSON = """
            update child_staging s set child_id = c.id
              from child c where s.person_id is not null and c.person_id = s.person_id
            """;

    private static final String LINK_IIN = """
            update child_staging s set child_id = c.id
              from child c where s.child_id is null and s.iin is not null and c.iin = s.iin
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

    private static final String SOURCES = """
            with written as (
            insert into child_source as cs (child_id, source, origin, territory, iin, last_name, first_name, patronymic,
                                            birth_date, sex, citizenship, residence_kato, organisation_bin,
                                            organisation_id, grade, first_import_id, changed_import_id)
            select child_id, :source, :origin, territory, iin, last_name, first_name, patronymic, birth_date, sex,
                   citizenship, residence_kato, organisation_bin, organisation_id, grade, :importId, :importId
              from child_staging
            on conflict (child_id, source, origin) do update
               set territory = excluded.territory, iin = excluded.iin, last_name = excluded.last_name,
                   first_name = excluded.first_name, patronymic = excluded.patronymic,
                   birth_date = excluded.birth_date, sex = excluded.sex, citizenship = excluded.citizenship,
                   residence_kato = excluded.residence_kato, organisation_bin = excluded.organisation_bin,
                   organisation_id = excluded.organisation_id, grade = excluded.grade, active = true,
                   withdrawn_at = null, changed_import_id = excluded.changed_import_id, changed_at = now()
             where (cs.territory, cs.iin, cs.last_name, cs.first_name, cs.patronymic, cs.birth_date, cs.sex,
                    cs.citizenship, cs.residence_kato, cs.organisation_bin, cs.organisation_id, cs.grade, cs.active)
                   is distinct from
                   (excluded.territory, excluded.iin, excluded.last_name, excluded.first_name, excluded.patronymic,
                    excluded.birth_date, excluded.sex, excluded.citizenship, excluded.residence_kato,
                    excluded.organisation_bin, excluded.organisation_id, excluded.grade, true)
            returning (xmax = 0) as inserted)
            select count(*) filter (where inserted) as inserted, count(*) as written from written
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

    /** Each touched child's record from its preferred active source; a child no source holds stays as it was. */
    private static final String RECORDS = """
            update child c
               set iin = coalesce(p.iin, c.iin), last_name = p.last_name, first_name = p.first_name,
                   patronymic = p.patronymic, birth_date = p.birth_date, sex = coalesce(p.sex, c.sex),
                   citizenship = p.citizenship, kato = p.residence_kato, updated_at = now()
              from (select distinct on (cs.child_id) cs.*
                      from child_source cs
                     where cs.active and cs.child_id in (select child_id from child_touched)
                     order by cs.child_id,\s""" + PREFERRED + """
                    ) p
             where c.id = p.child_id
               and (c.last_name, c.first_name, c.patronymic, c.birth_date, c.citizenship, c.kato)
                   is distinct from (p.last_name, p.first_name, p.patronymic, p.birth_date, p.citizenship, p.residence_kato)
               and (p.iin is null or c.iin is not distinct from p.iin
                    or not exists (select 1 from child o where o.iin = p.iin))
            """;

    private static final String NAME_KEYS = """
            update child c set name_key = s.name_key
              from child_staging s where s.child_id = c.id and c.name_key <> s.name_key
               and c.last_name = s.last_name and c.first_name = s.first_name
            """;

    private static final String PERSONS = """
            update child c set person_id = s.person_id
              from child_staging s where s.child_id = c.id and s.person_id is not null
               and c.person_id is distinct from s.person_id
            """;

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

    ChildMerge(OwnerDataSource owner) {
        this.owner = owner;
        this.jdbc = JdbcClient.create(owner);
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

    /** The COPY stream of staged rows. */
    static final class Staging implements Closeable {

        private final CSVPrinter printer;
        private int rows;

        private Staging(CSVPrinter printer) {
            this.printer = printer;
        }

        void add(Staged staged) {
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
        jdbc.sql(INDEX).update();
        int bit = bit(source);
        long duplicates = count(DUPLICATE_IIN, importId) + count(DUPLICATE_NAME, importId);
        jdbc.sql(LINK_PERSON).update();
        jdbc.sql(LINK_IIN).update();
        jdbc.sql(LINK_NAME).param("source", source.name()).param("origin", origin).update();
        duplicates += count(DUPLICATE_CHILD, importId);
        jdbc.sql(NEW_IDS).update();
        int children = jdbc.sql(NEW_CHILDREN).param("bit", bit).update();
        if (children > 0) jdbc.sql(ChildReviewQueue.FOUND).param("source", source.name()).param("origin", origin)
                .param("importId", importId).update();
        var written = jdbc.sql(SOURCES).param("source", source.name()).param("origin", origin)
                .param("importId", importId).query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).single();
        jdbc.sql(HELD).param("bit", bit).update();
        jdbc.sql(TOUCHED).update();
        var withdraw = jdbc.sql(WITHDRAW.formatted(snapshot)).param("source", source.name()).param("origin", origin)
                .param("importId", importId);
        if (territory != null) withdraw = withdraw.param("from", territory.first()).param("to", territory.last());
        int withdrawn = withdraw.update();
        if (withdrawn > 0) jdbc.sql(UNHELD).param("bit", bit).param("source", source.name()).update();
        jdbc.sql(RECORDS).update();
        jdbc.sql(NAME_KEYS).update();
        jdbc.sql(PERSONS).update();
        return new Merged(written[0], written[1] - written[0], withdrawn, children, duplicates);
    }

    private long count(String duplicates, Long importId) {
        return jdbc.sql(duplicates).param("importId", importId).query(Long.class).single();
    }
}
