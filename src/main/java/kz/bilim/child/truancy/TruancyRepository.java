package kz.bilim.child.truancy;

import kz.bilim.kernel.Almaty;
import kz.bilim.kernel.ScopeCondition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** SQL of the truant lists (CA-3 (9), CA-4): forming, reading within the caller's scope, decisions, placement. */
@Repository
class TruancyRepository {

    private static final String LIST_COLUMNS = """
            l.id, l.district, l.month, l.more_than, l.school_days, l.formed_at, l.due_at, l.placed_at, l.placed_by,
            (select count(*) from truant_entry e where e.list_id = l.id) as entries,
            (select count(*) from truant_entry e where e.list_id = l.id and e.decision = 'AGREED') as agreed,
            (select count(*) from truant_entry e where e.list_id = l.id and e.decision is null) as undecided
            """;

    /** Lists of districts in the caller's scope (the list row holds no personal data; its entries are scoped). */
    private static final String LISTS = "select " + LIST_COLUMNS + """
              from truant_list l
             where {scope: kato=l.district}
               and (cast(:month as date) is null or l.month = cast(:month as date))
               and l.district between :from and :to
             order by l.month desc, l.district
             limit :limit offset :offset
            """;

    private static final String ONE = "select " + LIST_COLUMNS + " from truant_list l where l.id = :id";

    /** CA-4: lists in the caller's scope not placed by their due moment, or placed after it, newest first. */
    private static final String LATE = "select " + LIST_COLUMNS + """
              from truant_list l
             where {scope: kato=l.district}
               and ((l.placed_at is null and l.due_at < :now) or l.placed_at > l.due_at)
             order by l.month desc, l.district
             limit :limit
            """;

    private static final String ENTRIES = """
            select e.list_id, e.child_id, c.iin, c.last_name, c.first_name, c.patronymic, c.birth_date, e.kato,
                   e.organisation_id, e.unexcused_days, e.decision, e.comment, e.decided_by, e.decided_at
              from truant_entry e join child c on c.id = e.child_id
             where e.list_id = :list and {scope: kato=e.kato}
             order by c.last_name, c.first_name, c.id
            """;

    private static final String ENTRY = """
            select e.list_id, e.child_id, c.iin, c.last_name, c.first_name, c.patronymic, c.birth_date, e.kato,
                   e.organisation_id, e.unexcused_days, e.decision, e.comment, e.decided_by, e.decided_at
              from truant_entry e join child c on c.id = e.child_id
             where e.list_id = :list and e.child_id = :child and {scope: kato=e.kato}
            """;

    private static final String DECIDE = """
            update truant_entry set decision = :decision, comment = :comment, decided_by = :actor, decided_at = now()
             where list_id = :list and child_id = :child
            """;

    private static final String PLACE = """
            update truant_list set placed_at = :at, placed_by = :actor where id = :id and placed_at is null
            """;

    private static final String RUN = "insert into truant_run (month, instance) values (:month, :instance) returning id";

    private static final String FORM_LISTS = """
            insert into truant_list (district, month, more_than, school_days, run_id, formed_at, due_at)
            select d.code, :month, :moreThan, :schoolDays, :run, :at, :due
              from unnest(cast(array[:districts] as text[])) as d(code)
            on conflict (district, month) do nothing
            """;

    /**
     * CA-3 (9): the children with more than {@code :moreThan} unexcused absences on the month's school days, on the
     * list of the district they live in (the child's residence), formed by this run. The pupil is the enrolment's
     * person; the child of the single database carries the person's id.
     */
    private static final String FORM_ENTRIES = """
            insert into truant_entry (list_id, child_id, kato, organisation_id, unexcused_days)
            select l.id, c.id, c.kato, a.organisation_id, a.days
              from (select person_id, count(*) as days,
                           (array_agg(organisation_id order by day desc))[1] as organisation_id
                      from attendance_absence
                     where not excused and day in (:days)
                     group by person_id
                    having count(*) > :moreThan) a
              join child c on c.person_id = a.person_id
              join truant_list l on l.district = left(c.kato, 4) || '00000' and l.month = :month and l.run_id = :run
            """;

    private static final String RUN_DONE = "update truant_run set lists = :lists, entries = :entries where id = :id";

    private final JdbcClient jdbc;

    TruancyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TruantList> lists(YearMonth month, String from, String to, int limit, int offset) {
        return ScopeCondition.current().sql(jdbc, LISTS).param("month", month == null ? null : month.atDay(1))
                .param("from", from).param("to", to).param("limit", limit).param("offset", offset)
                .query(TruancyRepository::list).list();
    }

    Optional<TruantList> find(long id) {
        return jdbc.sql(ONE).param("id", id).query(TruancyRepository::list).optional();
    }

    List<TruantList> late(Instant now, int limit) {
        return ScopeCondition.current().sql(jdbc, LATE).param("now", Timestamp.from(now)).param("limit", limit)
                .query(TruancyRepository::list).list();
    }

    List<TruantEntry> entries(long list) {
        return ScopeCondition.current().sql(jdbc, ENTRIES).param("list", list).query(TruancyRepository::entry).list();
    }

    Optional<TruantEntry> entry(long list, long child) {
        return ScopeCondition.current().sql(jdbc, ENTRY).param("list", list).param("child", child)
                .query(TruancyRepository::entry).optional();
    }

    int decide(long list, long child, TruantEntry.Decision decision, String comment, String actor) {
        return jdbc.sql(DECIDE).param("list", list).param("child", child).param("decision", decision.name())
                .param("comment", comment).param("actor", actor).update();
    }

    int place(long id, Instant at, String actor) {
        return jdbc.sql(PLACE).param("id", id).param("at", Timestamp.from(at)).param("actor", actor).update();
    }

    long startRun(YearMonth month, String instance) {
        return jdbc.sql(RUN).param("month", month.atDay(1)).param("instance", instance).query(Long.class).single();
    }

    int formLists(long run, YearMonth month, Collection<String> districts, int moreThan, int schoolDays, Instant at,
                  Instant due) {
        if (districts.isEmpty()) return 0;
        return jdbc.sql(FORM_LISTS).param("districts", districts).param("month", month.atDay(1))
                .param("moreThan", moreThan).param("schoolDays", schoolDays).param("run", run)
                .param("at", Timestamp.from(at)).param("due", Timestamp.from(due)).update();
    }

    int formEntries(long run, YearMonth month, List<LocalDate> schoolDays, int moreThan) {
        if (schoolDays.isEmpty()) return 0;
        return jdbc.sql(FORM_ENTRIES).param("run", run).param("month", month.atDay(1)).param("days", schoolDays)
                .param("moreThan", moreThan).update();
    }

    void finishRun(long run, int lists, int entries) {
        jdbc.sql(RUN_DONE).param("id", run).param("lists", lists).param("entries", entries).update();
    }

    private static TruantList list(ResultSet rs, int n) throws SQLException {
        Timestamp placed = rs.getTimestamp("placed_at");
        return new TruantList(rs.getLong("id"), rs.getString("district"),
                YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getInt("more_than"),
                rs.getInt("school_days"), rs.getTimestamp("formed_at").toInstant(),
                rs.getTimestamp("due_at").toInstant().atZone(Almaty.ZONE), placed == null ? null : placed.toInstant(),
                rs.getString("placed_by"), rs.getInt("entries"), rs.getInt("agreed"), rs.getInt("undecided"));
    }

    private static TruantEntry entry(ResultSet rs, int n) throws SQLException {
        String decision = rs.getString("decision");
        Timestamp decided = rs.getTimestamp("decided_at");
        return new TruantEntry(rs.getLong("list_id"), rs.getLong("child_id"), rs.getString("iin"),
                rs.getString("last_name"), rs.getString("first_name"), rs.getString("patronymic"),
                rs.getObject("birth_date", LocalDate.class), rs.getString("kato"),
                rs.getObject("organisation_id", Long.class), rs.getInt("unexcused_days"),
                decision == null ? null : TruantEntry.Decision.valueOf(decision), rs.getString("comment"),
                rs.getString("decided_by"), decided == null ? null : decided.toInstant());
    }
}
