package kz.bilim.child.internal;

import kz.bilim.kernel.KatoRange;
import kz.bilim.kernel.ScopeCondition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of the review queue (CA-2, migration V126): the cases the merge finds, the queue of a territory, one case,
 * and the statements of a merge — every read and write on the application's pool, so within the caller's scope and
 * under row-level security, except {@link #FOUND}, which the merge runs on its own (the owner's) connection.
 */
@Repository
class ChildReviewQueue {

    /**
     * Run by {@link ChildMerge} after the new children are recorded, over its staging: each new child that a row
     * without IIN made although several children fitted it (AMBIGUOUS_MATCH), or that a row with an IIN made while
     * children without IIN of the same folded name, birth date and district were recorded (IIN_LATER), is a case
     * with those children as its candidates. Children new in the same snapshot are no candidates (the source itself
     * lists them apart), nor records merged into another.
     */
    static final String FOUND = """
            with fitting as (
                select s.child_id, s.residence_kato, s.iin, c.id as candidate
                  from child_staging s
                  join child c on c.name_key = s.name_key and c.birth_date = s.birth_date
                               and left(c.kato, 4) = left(s.residence_kato, 4) and c.merged_into is null
                 where s.new_child and s.iin is null
                   and not exists (select 1 from child_staging t where t.child_id = c.id and t.new_child)
                union all
                select s.child_id, s.residence_kato, s.iin, c.id
                  from child_staging s
                  join child c on c.name_key = s.name_key and c.birth_date = s.birth_date
                               and left(c.kato, 4) = left(s.residence_kato, 4)
                 where s.new_child and s.iin is not null and c.iin is null and c.merged_into is null
                   and not exists (select 1 from child_staging t where t.child_id = c.id and t.new_child)),
            cases as (
                insert into child_review (child_id, reason, kato, source, origin, import_id)
                select distinct on (child_id) child_id,
                       case when iin is null then 'AMBIGUOUS_MATCH' else 'IIN_LATER' end, residence_kato,
                       :source, :origin, cast(:importId as bigint)
                  from fitting
                 order by child_id
                returning id, child_id)
            insert into child_review_candidate (review_id, child_id)
            select distinct k.id, f.candidate from cases k join fitting f on f.child_id = k.child_id
            """;

    private static final String COLUMNS = """
            r.id, r.child_id, r.reason, r.kato, r.source, r.state, r.survivor_id, r.merged_id, r.resolved_by,
            r.resolved_at, r.created_at,
            array(select k.child_id from child_review_candidate k where k.review_id = r.id order by k.child_id)
                as candidates
            """;

    /** The open cases of a territory, oldest first; a case whose record was merged meanwhile is no longer one. */
    private static final String QUEUE = "select " + COLUMNS + """
                 , c.last_name, c.first_name, c.patronymic, c.iin, c.birth_date, c.kato as residence
              from child_review r join child c on c.id = r.child_id
             where {scope: kato=r.kato} and r.kato between :from and :to and r.state = 'OPEN'
               and c.merged_into is null
             order by r.id limit :limit offset :offset
            """;

    private static final String ONE = "select " + COLUMNS + " from child_review r where r.id = :id and {scope: kato=r.kato}";

    private static final String LOCK = ONE + " for update of r";

    /** The cases a record is in (as the record the linkage made, or as a candidate), newest first. */
    private static final String OF_CHILD = "select " + COLUMNS + """
              from child_review r
             where {scope: kato=r.kato}
               and (r.child_id = :child or exists (select 1 from child_review_candidate k
                                                    where k.review_id = r.id and k.child_id = :child))
             order by r.id desc limit 50
            """;

    /** What a record was merged into, and which records were merged into it (CA-2: nothing deleted). */
    private static final String MERGED_INTO = "select coalesce(c.merged_into, 0) from child c where c.id = :id and {scope: kato=c.kato}";
    private static final String MERGED_FROM = """
            select c.id from child c where c.merged_into = :id and {scope: kato=c.kato} order by c.id
            """;

    /** The two records of a merge, locked, as the caller may see them. */
    private static final String CHILDREN = """
            select c.id, c.iin, c.person_id, c.merged_into, c.exempt from child c
             where c.id in (:ids) and {scope: kato=c.kato} order by c.id for update of c
            """;

    /** A source that holds both records now: that source itself says they are two children. */
    private static final String BOTH_HOLD = """
            select a.source from child_source a join child_source b on b.source = a.source and b.origin = a.origin
             where a.child_id = :survivor and b.child_id = :merged and a.active and b.active order by a.source limit 1
            """;

    /**
     * Where both records have a row of a source and only the merged one's is active, the rows trade places (their
     * values; one statement reads both as they were): the survivor takes what the source says now, and the history
     * record keeps what it said before.
     */
    private static final String TRADE = """
            update child_source t
               set territory = o.territory, iin = o.iin, last_name = o.last_name, first_name = o.first_name,
                   patronymic = o.patronymic, birth_date = o.birth_date, sex = o.sex, citizenship = o.citizenship,
                   residence_kato = o.residence_kato, organisation_bin = o.organisation_bin,
                   organisation_id = o.organisation_id, grade = o.grade, active = o.active,
                   first_import_id = o.first_import_id, changed_import_id = o.changed_import_id,
                   changed_at = o.changed_at, withdrawn_at = o.withdrawn_at
              from child_source o
             where o.source = t.source and o.origin = t.origin
               and ((t.child_id = :survivor and o.child_id = :merged) or (t.child_id = :merged and o.child_id = :survivor))
               and exists (select 1 from child_source m join child_source s on s.source = m.source and s.origin = m.origin
                            where m.child_id = :merged and s.child_id = :survivor and m.source = t.source
                              and m.origin = t.origin and m.active and not s.active)
            """;

    /** The merged record's other rows move; a row of a source the survivor has too stays with the history. */
    private static final String MOVE_SOURCES = """
            update child_source m set child_id = :survivor
             where m.child_id = :merged
               and not exists (select 1 from child_source s where s.child_id = :survivor and s.source = m.source
                                  and s.origin = m.origin)
            """;

    private static final String MOVE_TRUANT_ENTRIES = """
            update truant_entry m set child_id = :survivor
             where m.child_id = :merged
               and not exists (select 1 from truant_entry s where s.child_id = :survivor and s.list_id = m.list_id)
            """;

    private static final String MOVE_EXEMPTIONS = """
            update child_exemption m set child_id = :survivor
             where m.child_id = :merged
               and (m.ended_at is not null
                    or not exists (select 1 from child_exemption s where s.child_id = :survivor and s.ended_at is null))
            """;

    /** The history record: merged into the survivor, holding nothing; its IIN and pupil go to the survivor. */
    private static final String RETIRE = """
            update child set merged_into = :survivor, merged_at = now(), iin = null, person_id = null, held = 0,
                             updated_at = now()
             where id = :merged
            """;

    private static final String ACTIVE_SOURCES = """
            select source from child_source where child_id = :id and active
            """;

    /** The survivor's record from its preferred active source (the merge's rule), with the IIN and pupil it gained. */
    private static final String SURVIVOR = """
            update child c
               set iin = coalesce(c.iin, cast(:iin as text)), person_id = coalesce(c.person_id, cast(:person as bigint)),
                   exempt = c.exempt or :exempt, held = :held, updated_at = now(),
                   last_name = coalesce(p.last_name, c.last_name), first_name = coalesce(p.first_name, c.first_name),
                   patronymic = case when p.child_id is null then c.patronymic else p.patronymic end,
                   birth_date = coalesce(p.birth_date, c.birth_date), sex = coalesce(p.sex, c.sex),
                   citizenship = coalesce(p.citizenship, c.citizenship), kato = coalesce(p.residence_kato, c.kato),
                   name_key = case when p.child_id is null then c.name_key
                                   else child_name_key(p.last_name, p.first_name) end
              from (select 1) one
              left join (select cs.* from child_source cs where cs.child_id = :survivor and cs.active
                          order by\s""" + ChildMerge.PREFERRED + """
                          limit 1) p on true
             where c.id = :survivor
            """;

    private static final String RESOLVE = """
            update child_review set state = :state, survivor_id = :survivor, merged_id = :merged,
                                    resolved_by = :actor, resolved_at = now()
             where id = :id and state = 'OPEN'
            """;

    /** A record of the merge (CA-2): which two records, locked. */
    record Pair(long id, String iin, Long personId, Long mergedInto, boolean exempt) {
    }

    private final JdbcClient jdbc;

    ChildReviewQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ChildReview.Queued> queue(KatoRange range, int page, int size) {
        return ScopeCondition.current().sql(jdbc, QUEUE).param("from", range.first()).param("to", range.last())
                .param("limit", size).param("offset", page * size)
                .query((rs, n) -> new ChildReview.Queued(map(rs, n), rs.getString("last_name"),
                        rs.getString("first_name"), rs.getString("patronymic"), rs.getString("iin"),
                        rs.getObject("birth_date", LocalDate.class), rs.getString("residence"))).list();
    }

    Optional<ChildReview.Case> find(long id) {
        return ScopeCondition.current().sql(jdbc, ONE).param("id", id).query(ChildReviewQueue::map).optional();
    }

    Optional<ChildReview.Case> lock(long id) {
        return ScopeCondition.current().sql(jdbc, LOCK).param("id", id).query(ChildReviewQueue::map).optional();
    }

    List<ChildReview.Case> ofChild(long childId) {
        return ScopeCondition.current().sql(jdbc, OF_CHILD).param("child", childId).query(ChildReviewQueue::map).list();
    }

    Optional<Long> mergedInto(long childId) {
        return ScopeCondition.current().sql(jdbc, MERGED_INTO).param("id", childId).query(Long.class).optional()
                .filter(id -> id != 0);
    }

    List<Long> mergedFrom(long childId) {
        return ScopeCondition.current().sql(jdbc, MERGED_FROM).param("id", childId).query(Long.class).list();
    }

    List<Pair> pair(long a, long b) {
        return ScopeCondition.current().sql(jdbc, CHILDREN).param("ids", List.of(a, b))
                .query((rs, n) -> new Pair(rs.getLong("id"), rs.getString("iin"), rs.getObject("person_id", Long.class),
                        rs.getObject("merged_into", Long.class), rs.getBoolean("exempt"))).list();
    }

    Optional<String> bothHold(long survivor, long merged) {
        return jdbc.sql(BOTH_HOLD).param("survivor", survivor).param("merged", merged).query(String.class).optional();
    }

    /** Moves what the merged record holds to the survivor; answers the sources the survivor then holds. */
    List<String> move(Pair survivor, Pair merged) {
        for (String sql : List.of(TRADE, MOVE_SOURCES, MOVE_TRUANT_ENTRIES, MOVE_EXEMPTIONS, RETIRE))
            jdbc.sql(sql).param("survivor", survivor.id()).param("merged", merged.id()).update();
        return jdbc.sql(ACTIVE_SOURCES).param("id", survivor.id()).query(String.class).list();
    }

    void survivor(Pair survivor, Pair merged, int held) {
        jdbc.sql(SURVIVOR).param("survivor", survivor.id()).param("iin", merged.iin())
                .param("person", merged.personId()).param("exempt", merged.exempt()).param("held", held).update();
    }

    boolean resolve(long id, ChildReview.State state, Long survivor, Long merged, String actor) {
        return jdbc.sql(RESOLVE).param("id", id).param("state", state.name()).param("survivor", survivor)
                .param("merged", merged).param("actor", actor).update() == 1;
    }

    private static ChildReview.Case map(ResultSet rs, int n) throws SQLException {
        var candidates = List.of((Long[]) rs.getArray("candidates").getArray());
        return new ChildReview.Case(rs.getLong("id"), rs.getLong("child_id"),
                ChildReview.Reason.valueOf(rs.getString("reason")), rs.getString("kato"), rs.getString("source"),
                ChildReview.State.valueOf(rs.getString("state")), rs.getObject("survivor_id", Long.class),
                rs.getObject("merged_id", Long.class), rs.getString("resolved_by"),
                instant(rs, "resolved_at"), instant(rs, "created_at"), candidates);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
