package kz.bilim.enrolment.internal;

import kz.bilim.territory.KatoCode;
import kz.bilim.identity.Iin;
import kz.bilim.kernel.ScopeCondition;
import kz.bilim.enrolment.Person;
import kz.bilim.enrolment.PersonDraft;
import kz.bilim.enrolment.PersonId;
import kz.bilim.identity.Sex;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The person table. A person is in scope when they live in the caller's territory or are enrolled in an organisation
 * of it; row-level security applies the same rule and requires the right to personal data.
 */
@Repository
class PersonRepository {

    private static final String FIND = """
            select p.id, p.iin, p.last_name, p.first_name, p.patronymic, p.birth_date, p.sex, p.nationality,
                   p.citizenship, p.residence_kato
              from person p
             where p.id = :id
               and ({scope: kato=p.residence_kato}
                    or exists (select 1 from enrolment e
                                where e.person_id = p.id and {scope: kato=e.kato, organisation=e.organisation_id}))
            """;

    /** Only the id, through a function that reveals nothing else, so that one IIN stays one person. */
    private static final String ID_BY_IIN = "select bilim_person_id(:iin)";

    /**
     * The id is drawn first and the row inserted without RETURNING: RETURNING would need the new row to be readable,
     * and a school may register a pupil who lives outside its territory before the enrolment makes them visible.
     */
    private static final String NEXT_ID = "select nextval(pg_get_serial_sequence('person', 'id'))";

    private static final String INSERT = """
            insert into person (id, iin, last_name, first_name, patronymic, birth_date, sex, nationality, citizenship,
                                residence_kato)
            overriding system value
            values (:id, :iin, :lastName, :firstName, :patronymic, :birthDate, :sex, :nationality, :citizenship,
                    :residence)
            """;

    /**
     * Serialises admissions of one IIN for the transaction: the second of two admissions of a new IIN waits until the
     * first has registered the person (or given up), then finds them registered — one person per IIN, and the loser
     * of the race meets TR-7 rather than the unique index.
     */
    private static final String LOCK_IIN = "select pg_advisory_xact_lock(20260003, hashtext(:iin))";

    private final JdbcClient jdbc;

    PersonRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Person> find(PersonId id) {
        return ScopeCondition.current().sql(jdbc, FIND).param("id", id.value()).query(PersonRepository::map).optional();
    }

    /** A registered person linked by what the caller typed: the record only when name and birth date agree. */
    record Identified(PersonId id, String residenceKato) {
    }

    Optional<Identified> identified(String iin, String lastName, String firstName, java.time.LocalDate birthDate) {
        return jdbc.sql("select id, residence_kato from bilim_person_identified(:iin, :last, :first, :birth)")
                .param("iin", iin).param("last", lastName).param("first", firstName).param("birth", birthDate)
                .query((rs, row) -> new Identified(new PersonId(rs.getLong("id")), rs.getString("residence_kato")))
                .optional();
    }

    void lockIin(String iin) {
        jdbc.sql(LOCK_IIN).param("iin", iin).query((rs, row) -> 1).list();
    }

    /** The children the registry links to this parent's IIN (V105), in the order of their records. */
    java.util.List<PersonId> childrenOf(String parentIin) {
        return jdbc.sql("select person_id from person_parent where parent_iin = :iin order by person_id")
                .param("iin", parentIin).query(Long.class).list().stream().map(PersonId::new).toList();
    }

    Optional<PersonId> idByIin(String iin) {
        return jdbc.sql(ID_BY_IIN).param("iin", iin).query(Long.class).optional().map(PersonId::new);
    }

    PersonId insert(PersonDraft p) {
        long id = jdbc.sql(NEXT_ID).query(Long.class).single();
        jdbc.sql(INSERT).param("id", id)
                .param("iin", p.iin()).param("lastName", p.lastName()).param("firstName", p.firstName())
                .param("patronymic", p.patronymic()).param("birthDate", p.birthDate()).param("sex", p.sex().name())
                .param("nationality", p.nationality()).param("citizenship", p.citizenship())
                .param("residence", p.residenceKato())
                .update();
        return new PersonId(id);
    }

    static Person map(ResultSet rs, int row) throws SQLException {
        String iin = rs.getString("iin");
        return new Person(new PersonId(rs.getLong("id")), iin == null ? null : new Iin(iin), rs.getString("last_name"),
                rs.getString("first_name"), rs.getString("patronymic"), rs.getObject("birth_date", java.time.LocalDate.class),
                Sex.valueOf(rs.getString("sex")), rs.getString("nationality"), rs.getString("citizenship"),
                new KatoCode(rs.getString("residence_kato")));
    }
}
