package kz.bilim.enrolment.internal;

import kz.bilim.kernel.ScopeCondition;
import kz.bilim.enrolment.Enrolment;
import kz.bilim.enrolment.EnrolmentId;
import kz.bilim.enrolment.PersonId;
import kz.bilim.enrolment.Pupil;
import kz.bilim.enrolment.PupilFilter;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.SchoolClassId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The enrolment table, scoped by the organisation's territory (explicitly, and by row-level security). */
@Repository
class EnrolmentRepository {

    private static final String IN_SCOPE = """
            {scope: kato=e.kato, organisation=e.organisation_id}
            """;

    private static final String COLUMNS = """
            e.id, e.person_id, e.organisation_id, e.class_id, e.kato, e.grade, e.enrolled_from, e.enrolled_to,
            e.admission_order, e.expulsion_order
            """;

    private static final String FIND = "select " + COLUMNS + " from enrolment e where e.id = :id and " + IN_SCOPE;

    private static final String OF_PERSON = "select " + COLUMNS + """
             from enrolment e where e.person_id = :person and %s order by e.enrolled_from desc, e.id desc
            """.formatted(IN_SCOPE);

    private static final String PUPILS_WHERE = """
             from enrolment e join person p on p.id = e.person_id
            where %s
              and (cast(:organisation as bigint) is null or e.organisation_id = cast(:organisation as bigint))
              and (cast(:class as bigint) is null or e.class_id = cast(:class as bigint))
              and (cast(:grade as integer) is null or e.grade = cast(:grade as integer))
              and (not :activeOnly or e.enrolled_to is null)
              and (cast(:iin as text) is null or p.iin like cast(:iin as text))
              and (cast(:surname as text) is null or lower(p.last_name) like cast(:surname as text))
            """.formatted(IN_SCOPE);

    private static final String PUPILS_COUNT = "select count(*)" + PUPILS_WHERE;

    private static final String PUPILS_BY_NAME = "select " + COLUMNS
            + ", p.iin, p.last_name, p.first_name, p.patronymic, p.birth_date" + PUPILS_WHERE
            + " order by lower(p.last_name), lower(p.first_name), e.id limit :limit offset :offset";

    /** Without an organisation or a surname the list may be national: newest admissions first, by index. */
    private static final String PUPILS_BY_RECENT = "select " + COLUMNS
            + ", p.iin, p.last_name, p.first_name, p.patronymic, p.birth_date" + PUPILS_WHERE
            + " order by e.id desc limit :limit offset :offset";

    private static final String LOCK_CLASS = "select pg_advisory_xact_lock(20260001, cast(:class as integer))";

    /** Ids beyond 2^31 share a lock with another person now and then: harmless, the lock only serialises. */
    private static final String LOCK_PERSON =
            "select pg_advisory_xact_lock(20260002, cast(mod(:person, 2147483647) as integer))";

    private static final String ACTIVE_IN_CLASS = """
            select count(*) from enrolment e where e.class_id = :class and e.enrolled_to is null
            """;

    private static final String ACTIVE_BY_CLASS = """
            select e.class_id, count(*) as pupils from enrolment e
             where e.class_id in (:classes) and e.enrolled_to is null group by e.class_id
            """;

    private static final String INSERT = """
            insert into enrolment (person_id, organisation_id, class_id, kato, grade, enrolled_from, admission_order)
            values (:person, :organisation, :class, :kato, :grade, :from, :order)
            returning id
            """;

    private static final String EXPEL = """
            update enrolment e set enrolled_to = :date, expulsion_order = :order
             where e.id = :id and e.enrolled_to is null and
            """ + IN_SCOPE;

    private static final String RELOCATE = "update enrolment set kato = :kato where organisation_id = :organisation";

    private final JdbcClient jdbc;

    EnrolmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Enrolment> find(EnrolmentId id) {
        return ScopeCondition.current().sql(jdbc, FIND).param("id", id.value()).query(EnrolmentRepository::map).optional();
    }

    List<Enrolment> ofPerson(PersonId person) {
        return ScopeCondition.current().sql(jdbc, OF_PERSON).param("person", person.value())
                .query(EnrolmentRepository::map).list();
    }

    long count(PupilFilter filter) {
        return filtered(PUPILS_COUNT, filter).query(Long.class).single();
    }

    List<Pupil> pupils(PupilFilter filter, int limit, long offset) {
        boolean byName = filter.organisation() != null || filter.schoolClass() != null || surname(filter) != null;
        return filtered(byName ? PUPILS_BY_NAME : PUPILS_BY_RECENT, filter)
                .param("limit", limit).param("offset", offset)
                .query((rs, row) -> new Pupil(map(rs, row), rs.getString("iin"), rs.getString("last_name"),
                        rs.getString("first_name"), rs.getString("patronymic"),
                        rs.getObject("birth_date", LocalDate.class)))
                .list();
    }

    private JdbcClient.StatementSpec filtered(String sql, PupilFilter filter) {
        String query = filter.query() == null || filter.query().isBlank() ? null : filter.query().trim();
        boolean digits = query != null && query.matches("[0-9]{1,12}");
        return ScopeCondition.current().sql(jdbc, sql)
                .param("organisation", filter.organisation() == null ? null : filter.organisation().value())
                .param("class", filter.schoolClass() == null ? null : filter.schoolClass().value())
                .param("grade", filter.grade())
                .param("activeOnly", filter.activeOnly())
                .param("iin", digits ? query + "%" : null)
                .param("surname", surname(filter));
    }

    private static String surname(PupilFilter filter) {
        String query = filter.query() == null || filter.query().isBlank() ? null : filter.query().trim();
        if (query == null || query.matches("[0-9]{1,12}")) return null;
        return query.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Serialises admissions to one class for the rest of the transaction, so that TR-10 counts stay true. */
    void lockClass(SchoolClassId schoolClass) {
        jdbc.sql(LOCK_CLASS).param("class", schoolClass.value()).query((rs, row) -> 1).list();
    }

    /** Serialises admissions of one person, so that the overlap check of TR-7 holds under concurrency. */
    /** TR-7, over every territory whatever the caller may see: does an enrolment of the person reach this day? */
    boolean overlapsAnywhere(PersonId person, LocalDate from) {
        return jdbc.sql("select bilim_enrolment_overlaps(:person, :from)").param("person", person.value())
                .param("from", from).query(Boolean.class).single();
    }

    void lockPerson(PersonId person) {
        jdbc.sql(LOCK_PERSON).param("person", person.value()).query((rs, row) -> 1).list();
    }

    int activeInClass(SchoolClassId schoolClass) {
        return jdbc.sql(ACTIVE_IN_CLASS).param("class", schoolClass.value()).query(Integer.class).single();
    }

    Map<SchoolClassId, Integer> activeByClass(Collection<SchoolClassId> classes) {
        var result = new HashMap<SchoolClassId, Integer>();
        jdbc.sql(ACTIVE_BY_CLASS).param("classes", classes.stream().map(SchoolClassId::value).toList())
                .query((rs, row) -> result.put(new SchoolClassId(rs.getLong("class_id")), rs.getInt("pupils")))
                .list();
        return result;
    }

    EnrolmentId insert(PersonId person, OrganisationId organisation, SchoolClassId schoolClass, String kato,
                       int grade, LocalDate from, String order) {
        return new EnrolmentId(jdbc.sql(INSERT).param("person", person.value())
                .param("organisation", organisation.value()).param("class", schoolClass.value()).param("kato", kato)
                .param("grade", grade).param("from", from).param("order", order)
                .query(Long.class).single());
    }

    boolean expel(EnrolmentId id, LocalDate date, String order) {
        return ScopeCondition.current().sql(jdbc, EXPEL).param("id", id.value()).param("date", date).param("order", order)
                .update() == 1;
    }

    void relocate(OrganisationId organisation, String kato) {
        jdbc.sql(RELOCATE).param("organisation", organisation.value()).param("kato", kato).update();
    }

    private static Enrolment map(ResultSet rs, int row) throws SQLException {
        return map(rs, "");
    }

    /** The enrolment in the columns of {@link #COLUMNS}, each name with this prefix (a join's {@code e_id} …). */
    static Enrolment map(ResultSet rs, String prefix) throws SQLException {
        long classId = rs.getLong(prefix + "class_id");
        SchoolClassId schoolClass = rs.wasNull() ? null : new SchoolClassId(classId);
        return new Enrolment(new EnrolmentId(rs.getLong(prefix + "id")), new PersonId(rs.getLong(prefix + "person_id")),
                new OrganisationId(rs.getLong(prefix + "organisation_id")), schoolClass, rs.getString(prefix + "kato"),
                rs.getObject(prefix + "grade", Integer.class), rs.getObject(prefix + "enrolled_from", LocalDate.class),
                rs.getObject(prefix + "enrolled_to", LocalDate.class), rs.getString(prefix + "admission_order"),
                rs.getString(prefix + "expulsion_order"));
    }
}
