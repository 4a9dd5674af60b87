package kz.bilim.child.lost;

import kz.bilim.kernel.ScopeCondition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * SQL of the lost pupils (issue 9 item 5), read and changed within the caller's scope (the child's residence, in the
 * query and by row-level security). A departure is shown with its child of the single database, found by the
 * enrolment's person ({@code child.person_id}); a pupil without a child record (registry not refreshed yet) is not
 * listed, as on the truant lists. Set-based: one cut-off date decides who is past the school days.
 */
@Repository
class LostPupilRepository {

    private static final String COLUMNS = """
            select d.id, c.id as child_id, c.iin, c.last_name, c.first_name, c.patronymic, c.birth_date, c.kato,
                   d.organisation_id, d.school_kato, d.left_on, d.owner, d.taken_at, d.closed_at, d.closed_by,
                   d.close_reason, d.close_note
            """;

    /** The departure's child: the person's record of the single database (the first, should there be two). */
    private static final String FROM = """
              from pupil_departure d
              join lateral (select c.* from child c where c.person_id = d.person_id order by c.id limit 1) c on true
            """;

    /** Open, past the school days, the child under 18, in the territory asked (inside the caller's scope). */
    private static final String LISTED = """
             where d.closed_at is null and d.left_on < :cutoff and c.birth_date > :adult
               and c.kato between :from and :to and {scope: kato=c.kato}
               and (cast(:owner as text) is null or d.owner = cast(:owner as text))
            """;

    private static final String LIST = COLUMNS + FROM + LISTED + " order by d.left_on, d.id limit :limit offset :offset";

    private static final String COUNT = "select count(*)" + FROM + LISTED;

    /** A case: on the list now, or closed (then it stays readable). */
    private static final String ONE = COLUMNS + FROM + """
             where d.id = :id and {scope: kato=c.kato}
               and (d.closed_at is not null or (d.left_on < :cutoff and c.birth_date > :adult))
            """;

    private static final String TAKE = """
            update pupil_departure set owner = :actor, taken_at = :at
             where id = :id and closed_at is null and owner is null
            """;

    private static final String CLOSE = """
            update pupil_departure set closed_at = :at, closed_by = :actor, close_reason = :reason, close_note = :note
             where id = :id and closed_at is null and owner = :actor
            """;

    private final JdbcClient jdbc;

    LostPupilRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The values every listing binds: the cut-off, the age limit, the territory's range and whose cases. */
    record Listing(LocalDate cutoff, LocalDate adult, String from, String to, String owner) {
    }

    List<LostPupil> list(Listing listing, int limit, long offset) {
        return bind(ScopeCondition.current().sql(jdbc, LIST), listing).param("limit", limit).param("offset", offset)
                .query(LostPupilRepository::map).list();
    }

    long count(Listing listing) {
        return bind(ScopeCondition.current().sql(jdbc, COUNT), listing).query(Long.class).single();
    }

    Optional<LostPupil> find(long id, LocalDate cutoff, LocalDate adult) {
        return ScopeCondition.current().sql(jdbc, ONE).param("id", id).param("cutoff", cutoff).param("adult", adult)
                .query(LostPupilRepository::map).optional();
    }

    boolean take(long id, String actor, Instant at) {
        return jdbc.sql(TAKE).param("id", id).param("actor", actor).param("at", Timestamp.from(at)).update() == 1;
    }

    boolean close(long id, String actor, Instant at, LostPupilPolicy.CloseReason reason, String note) {
        return jdbc.sql(CLOSE).param("id", id).param("actor", actor).param("at", Timestamp.from(at))
                .param("reason", reason.name()).param("note", note).update() == 1;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Listing l) {
        return spec.param("cutoff", l.cutoff()).param("adult", l.adult()).param("from", l.from()).param("to", l.to())
                .param("owner", l.owner());
    }

    private static LostPupil map(ResultSet rs, int n) throws SQLException {
        String reason = rs.getString("close_reason");
        return new LostPupil(rs.getLong("id"), rs.getLong("child_id"), rs.getString("iin"), rs.getString("last_name"),
                rs.getString("first_name"), rs.getString("patronymic"), rs.getObject("birth_date", LocalDate.class),
                rs.getString("kato"), rs.getLong("organisation_id"), rs.getString("school_kato"),
                rs.getObject("left_on", LocalDate.class), 0, rs.getString("owner"), instant(rs, "taken_at"),
                instant(rs, "closed_at"), rs.getString("closed_by"),
                reason == null ? null : LostPupilPolicy.CloseReason.valueOf(reason), rs.getString("close_note"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
