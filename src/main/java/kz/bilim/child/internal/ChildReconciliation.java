package kz.bilim.child.internal;

import kz.bilim.child.ChildSource;
import kz.bilim.platform.database.OwnerDataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The national reconciliation as ONE bulk merge (issue 9 benchmark; docs/child.md "The national reconciliation"):
 * sources 1–4 from the live enrolments, the Justice and the Kandas file, all staged first — the files' checked rows
 * COPYed into {@code child_reconcile_row} on a connection of their own while the transaction stages the pupils —
 * then, in the caller's owner transaction: one linkage pass over all six sources (one sort by IIN, {@code COLLATE
 * "C"}, that also finds the duplicates by window function and numbers the new children), the few rows without IIN
 * linked source by source in the order of the separate imports (registry, Justice, Kandas), one sort by child that
 * gives each child's record, held bits, person and IIN and the duplicates by child, then the writes with the indexes,
 * keys and triggers off, rebuilt once ({@link ChildMerge#inBulk}). The result is the separate imports' result
 * (ChildReconciliationTest); a failure anywhere rolls all of it back.
 */
@Repository
class ChildReconciliation {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ChildReconciliation.class);

    /** The sources in the order the separate imports merge them (a row without IIN links to what came before). */
    static final List<ChildSource> ORDER = List.of(ChildSource.EMIS_PRESCHOOL, ChildSource.EMIS_SCHOOL,
            ChildSource.EMIS_TVET, ChildSource.EMIS_NON_STATE, ChildSource.JUSTICE, ChildSource.KANDAS);

    private static final String ORD = """
            case source when 'EMIS_PRESCHOOL' then 1 when 'EMIS_SCHOOL' then 2 when 'EMIS_TVET' then 3
                        when 'EMIS_NON_STATE' then 4 when 'JUSTICE' then 5 else 6 end""";
    /** {@link ChildMerge#PREFERRED} for rows of one snapshot each: Justice, then Kandas, then EMIS. */
    private static final String PREF = "case source when 'JUSTICE' then 0 when 'KANDAS' then 1 else 2 end";
    private static final String BIT = """
            case source when 'EMIS_PRESCHOOL' then 1 when 'EMIS_SCHOOL' then 2 when 'EMIS_TVET' then 4
                        when 'EMIS_NON_STATE' then 8 when 'JUSTICE' then 16 else 32 end""";

    private static final String COPY = """
            copy child_reconcile_row (import_id, source, row_no, iin, last_name, first_name, patronymic, birth_date,
                sex, citizenship, residence_kato, name_key, territory) from stdin (format csv)
            """;

    private static final String SETUP = """
            drop table if exists pg_temp.child_touched;
            drop table if exists pg_temp.child_withdrawn;
            drop table if exists pg_temp.child_fitting;
            drop table if exists pg_temp.child_found;
            create temp table child_touched (child_id bigint not null) on commit drop;
            create temp table child_withdrawn (child_id bigint not null, source text collate "C" not null) on commit drop;
            create temp table child_fitting (pid bigint not null, candidate bigint not null) on commit drop;
            create temp table child_found (child_id bigint not null, reason text not null, kato text not null,
                source text not null, origin text not null, import_id bigint, candidate bigint not null) on commit drop;
            lock table child, child_source in exclusive mode;
            """;

    /**
     * Every staged row of the six sources with its linkage, in one sort by {@code k} (the IIN, else the folded name,
     * birth date and residence — the duplicate keys of {@link ChildMerge}): {@code rn > 1} a duplicate within its
     * source ({@code first} the row it repeats); a row with an IIN links to the child of its person, else of its IIN,
     * else to the child an earlier source's row of that IIN linked by person, else it is a new child numbered by
     * {@code dense_rank} after {@code :base} (the sequence reserved while child is locked). {@code iin_free}: the
     * row's IIN may become its child's (no other child has it). Rows without IIN and person: linked by
     * {@link #LINK_NAME}. The same sort gives each group {@code k} its preferred row ({@code k_top}), held bits,
     * person and sex: a child's own when it is {@code k_regular} (all rows of the group one child, and no other
     * group's row nor a pending row linked to it) — nearly every child, so no second sort by child is needed.
     */
    private static final String ROWS = """
            create temp table child_rows on commit drop as
            select x.*, (x.ci is null or x.ci = x.child_id) as iin_free from (
            select k.*, cp.id as cp, ci.id as ci,
                   row_number() over w as rn, first_value(k.row_no) over w as first,
                   min(k.ord) over g as first_ord,
                   case when k.iin is not null
                        then coalesce(cp.id, ci.id, max(cp.id) over g,
                                      cast(:base as bigint) + dense_rank() over (order by k.k))
                        else cp.id end as child_id,
                   row_number() over (partition by k.k order by k.pref, k.ord, k.row_no) = 1 as k_top,
                   bit_or(k.bit) over g as k_held, max(k.person_id) over g as k_person, max(k.sex) over g as k_sex,
                   case when k.iin is not null
                        then count(coalesce(cp.id, ci.id)) over g = 0
                             or (min(coalesce(cp.id, ci.id)) over g = max(coalesce(cp.id, ci.id)) over g
                                 and (count(coalesce(cp.id, ci.id)) over g = count(*) over g
                                      or max(cp.id) over g = min(coalesce(cp.id, ci.id)) over g))
                        else count(cp.id) over g = count(*) over g and min(cp.id) over g = max(cp.id) over g
                   end as k_regular
              from (select s.*, %1$s as ord, %2$s as pref, %3$s as bit,
                           coalesce(s.iin, 'N' || s.name_key || ' ' || s.birth_date || ' ' || s.residence_kato)
                               collate "C" as k
                      from (select o.source, cast('REGISTRY' as text) collate "C" as origin,
                                   cast(null as bigint) as import_id, p.organisation_id as row_no, p.iin, p.last_name,
                                   p.first_name, p.patronymic, p.birth_date, p.sex,
                                   coalesce(p.citizenship, 'KZ') collate "C" as citizenship, p.residence_kato,
                                   (fl.folded || ' ' || ff.folded) collate "C" as name_key,
                                   o.bin as organisation_bin, p.organisation_id, p.grade, p.kato as territory,
                                   p.person_id
                              from pg_temp.child_registry_pupils p
                              join pg_temp.child_registry_organisations o on o.organisation_id = p.organisation_id
                              join pg_temp.child_registry_folds fl on fl.name = coalesce(p.last_name, '')
                              join pg_temp.child_registry_folds ff on ff.name = coalesce(p.first_name, '')
                            union all
                            select r.source, 'IMPORT', r.import_id, r.row_no, r.iin, r.last_name, r.first_name,
                                   r.patronymic, r.birth_date, r.sex, r.citizenship, r.residence_kato, r.name_key,
                                   null, null, null, r.territory, null
                              from child_reconcile_row r) s) k
              left join child cp on k.person_id is not null and cp.person_id = k.person_id
              left join child ci on k.iin is not null and ci.iin = k.iin
            window w as (partition by k.k, k.pref, k.ord order by k.row_no), g as (partition by k.k)) x
            """.formatted(ORD, PREF, BIT);

    private static final String REJECT_DUPLICATES = """
            insert into child_import_rejection (import_id, row_number, field, reason, args)
            select import_id, row_no, case when iin is null then 'last_name' else 'iin' end, 'child.import.duplicate',
                   array[first::text]
              from child_rows where rn > 1 and import_id is not null
            """;

    private static final String RESERVE = """
            select setval(pg_get_serial_sequence('child', 'id'),
                          greatest(cast(:base as bigint), (select max(child_id) from child_rows)))
            """;

    /** The rows without IIN that no person linked: few, linked source by source. */
    private static final String PENDING = """
            create temp table child_pending on commit drop as
            select row_number() over () as pid, r.*, false as new_child from child_rows r
             where r.child_id is null and r.rn = 1;
            analyze child_pending;
            """;

    /** A pending row of source {@code :k} whose person an earlier source's row linked. */
    private static final String LINK_PERSON = """
            update child_pending p set child_id = q.child_id
              from (select person_id, min(child_id) as child_id
                      from (select person_id, child_id from child_rows
                             where person_id is not null and ord < :k and rn = 1 and child_id is not null
                            union all
                            select person_id, child_id from child_pending
                             where person_id is not null and ord < :k and child_id is not null) x
                     group by person_id) q
             where p.ord = :k and p.child_id is null and p.person_id = q.person_id
            """;

    /**
     * The records of the children in {@code child_hit} as they were before source {@code :k} was merged: the
     * preferred of their rows of earlier sources, else (a child no earlier row touched) the recorded child. Tables, not
     * CTEs, analysed: the planner must see that the hits are few (a nested loop over the staged rows is hours).
     */
    private static final String RECORD_BEFORE = """
            analyze child_hit;
            drop table if exists pg_temp.child_record;
            create temp table child_record on commit drop as
            select distinct on (id) id, name_key, birth_date, kato from (
                select r.child_id as id, r.name_key, r.birth_date, r.residence_kato as kato, r.pref, r.ord, r.row_no
                  from child_rows r join child_hit h on h.id = r.child_id where r.ord < :k and r.rn = 1
                union all
                select r.child_id, r.name_key, r.birth_date, r.residence_kato, r.pref, r.ord, r.row_no
                  from child_pending r join child_hit h on h.id = r.child_id where r.ord < :k
                union all
                select c.id, c.name_key, c.birth_date, c.kato, 9, 0, 0 from child c join child_hit h on h.id = c.id) x
             order by id, pref, ord, row_no;
            analyze child_record;
            """;

    /** The children whose record may fit a pending row of source {@code :k} (by any row before it). */
    private static final String HIT_NAME = """
            drop table if exists pg_temp.child_hit;
            create temp table child_hit on commit drop as
            with pending as (
                select name_key, birth_date from child_pending where ord = :k and child_id is null)
            select c.id from child c join pending p on c.name_key = p.name_key and c.birth_date = p.birth_date
             where c.merged_into is null
            union
            select r.child_id from child_rows r join pending p on r.name_key = p.name_key and r.birth_date = p.birth_date
             where r.ord < :k and r.rn = 1 and r.child_id is not null
            union
            select r.child_id from child_pending r join pending p on r.name_key = p.name_key
                                                                  and r.birth_date = p.birth_date
             where r.ord < :k and r.child_id is not null;
            """ + RECORD_BEFORE;

    /**
     * {@link ChildMerge}'s linkage without IIN for the pending rows of source {@code :k}: the children whose record
     * then ({@link #RECORD_BEFORE}) had the same folded name and birth date in the same district; those holding the
     * source come first, a row links when exactly one child is first. The fitting children of the rows left are kept
     * for the review queue.
     */
    private static final String LINK_NAME = """
            with fitting as (
                select p.pid, r.id,
                       exists (select 1 from child_source cs where cs.child_id = r.id and cs.source = :source
                                  and cs.origin = :origin) as held
                  from child_pending p join child_record r on r.name_key = p.name_key and r.birth_date = p.birth_date
                                                          and left(r.kato, 4) = left(p.residence_kato, 4)
                 where p.ord = :k and p.child_id is null),
            ranked as (
                select pid, id, held, count(*) over (partition by pid, held) as n,
                       bool_or(held) over (partition by pid) as any_held
                  from fitting),
            linked as (
                update child_pending s set child_id = r.id
                  from ranked r
                 where r.pid = s.pid and r.n = 1 and (r.held or not r.any_held)
                returning s.pid)
            insert into child_fitting select pid, id from fitting where pid not in (select pid from linked)
            """;

    private static final String NEW_IDS = """
            update child_pending set child_id = nextval(pg_get_serial_sequence('child', 'id')), new_child = true
             where ord = :k and child_id is null
            """;

    /** AMBIGUOUS_MATCH ({@link ChildReviewQueue#FOUND}): a new child although recorded children fitted. */
    private static final String AMBIGUOUS = """
            insert into child_found (child_id, reason, kato, source, origin, import_id, candidate)
            select p.child_id, 'AMBIGUOUS_MATCH', p.residence_kato, p.source, p.origin, p.import_id, f.candidate
              from child_fitting f join child_pending p on p.pid = f.pid
             where p.ord = :k and p.new_child
            """;

    /**
     * IIN_LATER ({@link ChildReviewQueue#FOUND}): a new child of source {@code :k} with an IIN while children without
     * IIN of the same folded name, birth date and district were recorded before it.
     */
    private static final String HIT_NO_IIN = """
            drop table if exists pg_temp.child_hit;
            create temp table child_hit on commit drop as
            with cand as (
                select c.id from child c where c.iin is null and c.merged_into is null
                union
                select child_id from child_pending where ord < :k and new_child)
            select id from cand
            except
            select r.child_id from child_rows r
             where r.child_id in (select id from cand) and r.iin is not null and r.ord < :k and r.rn = 1;
            """ + RECORD_BEFORE;

    /**
     * IIN_LATER ({@link ChildReviewQueue#FOUND}): a new child of source {@code :k} with an IIN while children without
     * IIN ({@link #HIT_NO_IIN}) of the same folded name, birth date and district were recorded before it.
     */
    private static final String IIN_LATER = """
            insert into child_found (child_id, reason, kato, source, origin, import_id, candidate)
            select s.child_id, 'IIN_LATER', s.residence_kato, s.source, s.origin, s.import_id, r.id
              from child_rows s join child_record r on r.name_key = s.name_key and r.birth_date = s.birth_date
                                                   and left(r.kato, 4) = left(s.residence_kato, 4)
             where s.ord = :k and s.first_ord = :k and s.rn = 1 and s.iin is not null
               and s.child_id > cast(:base as bigint)
            """;

    private static final String COLUMNS = """
            source, origin, import_id, row_no, iin, last_name, first_name, patronymic, birth_date, sex, citizenship,
            residence_kato, name_key, organisation_bin, organisation_id, grade, territory, person_id, ord, pref, bit,
            child_id, iin_free""";

    /**
     * The children whose rows are not one group {@code k} of {@link #ROWS}: a group linked to several children, a
     * recorded child linked from several groups, a child a pending row (without IIN) belongs to. Few.
     */
    private static final String IRREGULAR = """
            drop table if exists pg_temp.child_irregular;
            create temp table child_irregular on commit drop as
            select distinct child_id as id from child_rows where not k_regular and child_id is not null
            union
            select child_id from child_pending
            %s;
            analyze child_irregular;
            """;

    private static final String LINKED_FROM_GROUPS = """
            union
            select child_id from child_rows where child_id <= cast(:base as bigint) and rn = 1
             group by child_id having min(k) <> max(k)""";

    /**
     * The rows of the irregular children in a sort by child (few): {@code rc > 1} a second row of one source for
     * one child (a duplicate, {@code first_c} the row kept), {@code top} the child's preferred row (its record), and
     * per child the held bits, the person, the IIN and the first source that holds it.
     */
    private static final String IRREGULAR_KEPT = """
            create temp table child_irregular_kept on commit drop as
            select x.*,
                   row_number() over d as rc, first_value(x.row_no) over d as first_c,
                   row_number() over (partition by x.child_id order by x.pref, x.ord, x.row_no) = 1 as top,
                   bit_or(x.bit) over c as c_held, max(x.person_id) over c as c_person,
                   max(case when x.iin_free then x.iin end) over c as c_iin, max(x.sex) over c as c_sex,
                   min(x.ord) over c as c_first_ord
              from (select %1$s from child_rows r
                     where r.rn = 1 and r.child_id in (select id from child_irregular)
                    union all
                    select %1$s from child_pending) x
            window d as (partition by x.child_id, x.pref, x.ord order by x.row_no),
                   c as (partition by x.child_id)
            """.formatted(COLUMNS);

    /**
     * The kept rows, one per child and source, with their child's record, held bits, person and IIN: the regular
     * children's from {@link #ROWS} as they are, the others' from {@link #IRREGULAR_KEPT}.
     */
    private static final String KEPT = """
            drop view if exists pg_temp.child_kept;
            create temp view child_kept as
            select %1$s, cast(1 as bigint) as rc, cast(null as bigint) as first_c, k_top as top, k_held as c_held,
                   k_person as c_person, case when iin_free then iin end as c_iin, k_sex as c_sex,
                   first_ord as c_first_ord
              from child_rows r
             where r.rn = 1 and r.child_id is not null
               and not exists (select 1 from child_irregular i where i.id = r.child_id)
            union all
            select %1$s, rc, first_c, top, c_held, c_person, c_iin, c_sex, c_first_ord from child_irregular_kept
            """.formatted(COLUMNS);

    private static final String REJECT_CHILD_DUPLICATES = """
            insert into child_import_rejection (import_id, row_number, field, reason, args)
            select import_id, row_no, 'last_name', 'child.import.duplicate', array[first_c::text]
              from child_irregular_kept where rc > 1 and import_id is not null
            """;

    /** The snapshots' rows of children none of them holds any more: the source's registry rows or its import's. */
    private static final String WITHDRAW = """
            with withdrawn as (
                update child_source cs set active = false, withdrawn_at = now(), changed_at = now(),
                       changed_import_id = case cs.source when 'JUSTICE' then cast(:justice as bigint)
                                                          when 'KANDAS' then cast(:kandas as bigint) end
                 where cs.active
                   and cs.origin = case when cs.source in ('JUSTICE', 'KANDAS') then 'IMPORT' else 'REGISTRY' end
                   and not exists (select 1 from child_kept k where k.child_id = cs.child_id and k.source = cs.source)
                returning cs.child_id, cs.source)
            insert into child_withdrawn select child_id, source from withdrawn
            """;

    private static final String SOURCES_CHANGED = """
            with changed as (
                update child_source cs
                   set territory = s.territory, iin = s.iin, last_name = s.last_name, first_name = s.first_name,
                       patronymic = s.patronymic, birth_date = s.birth_date, sex = s.sex, citizenship = s.citizenship,
                       residence_kato = s.residence_kato, organisation_bin = s.organisation_bin,
                       organisation_id = s.organisation_id, grade = s.grade, active = true, withdrawn_at = null,
                       changed_import_id = s.import_id, changed_at = now()
                  from child_kept s
                 where s.rc = 1 and cs.child_id = s.child_id and cs.source = s.source and cs.origin = s.origin
                   and (cs.territory, cs.iin, cs.last_name, cs.first_name, cs.patronymic, cs.birth_date, cs.sex,
                        cs.citizenship, cs.residence_kato, cs.organisation_bin, cs.organisation_id, cs.grade, cs.active)
                       is distinct from
                       (s.territory, s.iin, s.last_name, s.first_name, s.patronymic, s.birth_date, s.sex,
                        s.citizenship, s.residence_kato, s.organisation_bin, s.organisation_id, s.grade, true)
                returning cs.source)
            select source, count(*) as n from changed group by source
            """;

    /** The rows of children the source did not hold before ({@code %s}: none did, or the anti-join). */
    private static final String SOURCES_NEW = """
            with inserted as (
                insert into child_source (child_id, source, origin, territory, iin, last_name, first_name, patronymic,
                                          birth_date, sex, citizenship, residence_kato, organisation_bin,
                                          organisation_id, grade, first_import_id, changed_import_id)
                select child_id, source, origin, territory, iin, last_name, first_name, patronymic, birth_date, sex,
                       citizenship, residence_kato, organisation_bin, organisation_id, grade, import_id, import_id
                  from child_kept s
                 where s.rc = 1 %s
                returning source)
            select source, count(*) as n from inserted group by source
            """;

    private static final String NOT_HELD_BEFORE = """
            and not exists (select 1 from child_source cs where cs.child_id = s.child_id and cs.source = s.source
                               and cs.origin = s.origin)""";

    /** The new children, each written once with its record, held bits, name key and person. */
    private static final String NEW_CHILDREN = """
            insert into child (id, iin, last_name, first_name, patronymic, birth_date, sex, citizenship, kato, name_key,
                               person_id, held)
            overriding system value
            select child_id, c_iin, last_name, first_name, patronymic, birth_date, coalesce(sex, c_sex), citizenship,
                   residence_kato, name_key, c_person, cast(c_held as smallint)
              from child_kept where top and child_id > cast(:base as bigint)
            """;

    /**
     * The recorded children the sources hold: record, name key, person and held bits from their rows at once (the
     * held bits of sources outside the reconciliation — EMIS files — kept).
     */
    private static final String CHILDREN_CHANGED = """
            update child c
               set iin = coalesce(k.c_iin, c.iin), last_name = k.last_name, first_name = k.first_name,
                   patronymic = k.patronymic, birth_date = k.birth_date, sex = coalesce(k.sex, c.sex),
                   citizenship = k.citizenship, kato = k.residence_kato, name_key = k.name_key,
                   person_id = coalesce(k.c_person, c.person_id),
                   held = cast(k.c_held | coalesce(e.bits, 0) as smallint), updated_at = now()
              from child_kept k
              left join (select child_id, bit_or(%s) as bits from child_source
                          where active and origin = 'IMPORT' and source like 'EMIS%%' group by child_id) e
                     on e.child_id = k.child_id
             where k.top and k.child_id <= cast(:base as bigint) and c.id = k.child_id
               and (c.iin, c.last_name, c.first_name, c.patronymic, c.birth_date, c.sex, c.citizenship, c.kato,
                    c.name_key, c.person_id, c.held)
                   is distinct from
                   (coalesce(k.c_iin, c.iin), k.last_name, k.first_name, k.patronymic, k.birth_date,
                    coalesce(k.sex, c.sex), k.citizenship, k.residence_kato, k.name_key,
                    coalesce(k.c_person, c.person_id), cast(k.c_held | coalesce(e.bits, 0) as smallint))
            """.formatted(BIT);

    /** Children who lost a source and are held by no staged row: their record and bits from what holds them still. */
    private static final String WITHDRAWN_ONLY = """
            insert into child_touched
            select distinct w.child_id from child_withdrawn w
             where not exists (select 1 from child_kept k where k.child_id = w.child_id)
            """;

    private static final String WITHDRAWN_HELD = """
            update child c set held = cast(coalesce(b.bits, 0) as smallint)
              from child_touched t
              left join (select cs.child_id, bit_or(%s) as bits from child_source cs
                           join child_touched u on u.child_id = cs.child_id where cs.active group by cs.child_id) b
                     on b.child_id = t.child_id
             where c.id = t.child_id and c.held <> coalesce(b.bits, 0)
            """.formatted(BIT);

    private static final String REVIEW_CASES = """
            with cases as (
                insert into child_review (child_id, reason, kato, source, origin, import_id)
                select distinct on (child_id) child_id, reason, kato, source, origin, import_id
                  from child_found order by child_id
                returning id, child_id)
            insert into child_review_candidate (review_id, child_id)
            select distinct k.id, f.candidate from cases k join child_found f on f.child_id = k.child_id
            """;

    private final OwnerDataSource owner;
    private final JdbcClient jdbc;
    private final ChildMerge merge;

    ChildReconciliation(OwnerDataSource owner, ChildMerge merge) {
        this.owner = owner;
        this.jdbc = JdbcClient.create(owner);
        this.merge = merge;
    }

    /**
     * The COPY of the files' checked rows on its own connection (autocommit: staging, not the registry), the table
     * emptied first; close it to end the COPY.
     */
    FileRows fileRows() {
        try {
            var connection = owner.getConnection();
            try (var st = connection.createStatement()) {
                st.execute("truncate child_reconcile_row");
            }
            var out = new PGCopyOutputStream(connection.unwrap(PGConnection.class), COPY, 1 << 20);
            return new FileRows(connection, new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                    CSVFormat.POSTGRESQL_CSV));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY into the reconciliation's staging could not start", e);
        }
    }

    /** Rows of one file into the staging: {@link #forFile} gives the sink of one import. */
    static final class FileRows implements Closeable {
        private final Connection connection;
        private final CSVPrinter printer;

        private FileRows(Connection connection, CSVPrinter printer) {
            this.connection = connection;
            this.printer = printer;
        }

        ChildMerge.Sink forFile(long importId, ChildSource source) {
            String name = source.name();
            return staged -> {
                var r = staged.row();
                try {
                    printer.printRecord(importId, name, r.number(), r.iin(), r.lastName(), r.firstName(),
                            r.patronymic(), r.birthDate(), r.sex(), r.citizenship(), r.residenceKato(), r.nameKey(),
                            staged.territory());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
        }

        @Override
        public void close() {
            try (connection) {
                printer.close();
            } catch (IOException | SQLException e) {
                throw new IllegalStateException("COPY into the reconciliation's staging failed", e);
            }
        }
    }

    /** Empties the files' staging (after a failure; the transaction's own end does it after success). */
    void clearFileRows() {
        try (var connection = owner.getConnection(); var st = connection.createStatement()) {
            st.execute("truncate child_reconcile_row");
        } catch (SQLException e) {
            log.warn("The reconciliation's staging could not be emptied: {}", e.getClass().getSimpleName());
        }
    }

    /** Locks the children and reserves the first id of the new ones; call first in the transaction. */
    long begin() {
        jdbc.sql(SETUP).update();
        return jdbc.sql("select nextval(pg_get_serial_sequence('child', 'id'))").query(Long.class).single();
    }

    /**
     * The merge of everything staged (the registry's pupils in {@code pg_temp.child_registry_*}, the files' rows in
     * {@code child_reconcile_row}); answers per source what {@link ChildMerge#merge} answers for one.
     */
    Map<ChildSource, ChildMerge.Merged> merge(long base, long justiceId, long kandasId, long rows) {
        var t = new ChildMerge.Timer("reconcile");
        if (log.isTraceEnabled()) // each slow statement's plan with its times, into the server's log (profiling)
            jdbc.sql("""
                    load 'auto_explain'; set local auto_explain.log_min_duration = 300;
                    set local auto_explain.log_analyze = on; set local auto_explain.log_nested_statements = on""")
                    .update();
        t.run("analyze", () -> jdbc.sql("analyze child_reconcile_row").update());
        boolean childrenBefore = jdbc.sql("select exists (select 1 from child)").query(Boolean.class).single();
        boolean sourcesBefore = jdbc.sql("select exists (select 1 from child_source)").query(Boolean.class).single();
        // the two sorts of millions of rows (by IIN, by child) in memory rather than in runs on disk
        jdbc.sql("set local work_mem = '512MB'").update();
        t.run("rows (duplicates, linkage by person and IIN)", () -> jdbc.sql(ROWS).param("base", base).update());
        t.run("duplicates", () -> jdbc.sql(REJECT_DUPLICATES).update());
        t.run("reserve ids", () -> jdbc.sql(RESERVE).param("base", base).query(Long.class).single());
        t.run("pending", () -> jdbc.sql(PENDING).update());
        var pending = jdbc.sql("select ord, count(*) as n, count(person_id) as persons from child_pending group by ord")
                .query((rs, i) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}).list();
        boolean noIinBefore = jdbc.sql("select exists (select 1 from child where iin is null and merged_into is null)")
                .query(Boolean.class).single();
        boolean newWithoutIin = false;
        for (int i = 0; i < ORDER.size(); i++) {
            int k = i + 1;
            var source = ORDER.get(i);
            String origin = source.emis() ? ChildMerge.REGISTRY : ChildMerge.IMPORT;
            var waiting = pending.stream().filter(p -> p[0] == k).findFirst().orElse(null);
            if (noIinBefore || newWithoutIin) {
                t.run("without iin before " + source, () -> jdbc.sql(HIT_NO_IIN).param("k", k).update());
                t.run("iin later " + source, () -> jdbc.sql(IIN_LATER).param("k", k).param("base", base).update());
            }
            if (waiting == null) continue;
            if (waiting[2] > 0) t.run("link person " + source, () -> jdbc.sql(LINK_PERSON).param("k", k).update());
            t.run("fitting before " + source, () -> jdbc.sql(HIT_NAME).param("k", k).update());
            t.run("link name " + source, () -> jdbc.sql(LINK_NAME).param("k", k).param("source", source.name())
                    .param("origin", origin).update());
            int created = t.run("new ids " + source, () -> jdbc.sql(NEW_IDS).param("k", k).update());
            if (created > 0) {
                newWithoutIin = true;
                t.run("ambiguous " + source, () -> jdbc.sql(AMBIGUOUS).param("k", k).update());
            }
        }
        t.run("irregular children", () -> jdbc.sql(IRREGULAR.formatted(childrenBefore ? LINKED_FROM_GROUPS : ""))
                .param("base", base).update());
        t.run("irregular kept (a sort by child)", () -> jdbc.sql(IRREGULAR_KEPT).update());
        t.run("kept", () -> jdbc.sql(KEPT).update());
        t.run("duplicates by child", () -> jdbc.sql(REJECT_CHILD_DUPLICATES).update());
        var result = merge.inBulk(rows, () -> {
            t.run("maintenance settings", () -> jdbc.sql("set local maintenance_work_mem = '1GB'").update());
            if (sourcesBefore) t.run("withdraw", () -> jdbc.sql(WITHDRAW).param("justice", justiceId)
                    .param("kandas", kandasId).update());
            Map<String, Long> updated = sourcesBefore
                    ? t.run("sources changed", () -> bySource(jdbc.sql(SOURCES_CHANGED)))
                    : Map.of();
            Map<String, Long> inserted = t.run("sources new", () -> bySource(jdbc.sql(
                    SOURCES_NEW.formatted(sourcesBefore ? NOT_HELD_BEFORE : "")).param("base", base)));
            t.run("new children", () -> jdbc.sql(NEW_CHILDREN).param("base", base).update());
            if (childrenBefore) {
                t.run("children changed", () -> jdbc.sql(CHILDREN_CHANGED).param("base", base).update());
                int touched = t.run("withdrawn only", () -> jdbc.sql(WITHDRAWN_ONLY).update());
                if (touched > 0) {
                    t.run("withdrawn records", () -> jdbc.sql(ChildMerge.RECORDS).update());
                    t.run("withdrawn held", () -> jdbc.sql(WITHDRAWN_HELD).update());
                }
            }
            t.run("review cases", () -> jdbc.sql(REVIEW_CASES).update());
            return counts(base, inserted, updated);
        });
        // the view depends on tables dropped at commit
        jdbc.sql("drop view pg_temp.child_kept").update();
        return result;
    }

    private Map<ChildSource, ChildMerge.Merged> counts(long base, Map<String, Long> inserted, Map<String, Long> updated) {
        Map<String, Long> withdrawn = bySource(jdbc.sql(
                "select source, count(distinct child_id) as n from child_withdrawn group by source"));
        Map<String, Long> children = bySource(jdbc.sql("""
                select case c_first_ord %s end as source, count(*) as n
                  from child_kept where top and child_id > cast(:base as bigint)
                 group by 1""".formatted(whenOrd())).param("base", base));
        Map<String, Long> duplicates = bySource(jdbc.sql("""
                select source, sum(n) as n from (
                    select source, count(*) as n from child_rows where rn > 1 group by source
                    union all select source, count(*) from child_irregular_kept where rc > 1 group by source) d
                 group by source"""));
        var result = new EnumMap<ChildSource, ChildMerge.Merged>(ChildSource.class);
        for (var source : ORDER) {
            String s = source.name();
            result.put(source, new ChildMerge.Merged(inserted.getOrDefault(s, 0L), updated.getOrDefault(s, 0L),
                    withdrawn.getOrDefault(s, 0L), children.getOrDefault(s, 0L), duplicates.getOrDefault(s, 0L)));
        }
        return result;
    }

    private static String whenOrd() {
        var when = new StringBuilder();
        for (int i = 0; i < ORDER.size(); i++) when.append(" when ").append(i + 1).append(" then '")
                .append(ORDER.get(i).name()).append("'");
        return when.toString();
    }

    private static Map<String, Long> bySource(JdbcClient.StatementSpec sql) {
        var map = new java.util.HashMap<String, Long>();
        sql.query((rs, i) -> map.put(rs.getString("source"), rs.getLong("n"))).list();
        return map;
    }
}
