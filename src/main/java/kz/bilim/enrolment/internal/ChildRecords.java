package kz.bilim.enrolment.internal;

import kz.bilim.enrolment.ChildLookup.ChildRecord;
import kz.bilim.enrolment.Enrolment;
import kz.bilim.enrolment.PersonId;
import kz.bilim.kernel.ScopeCondition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * A child's record for a public service in one statement — the person (by IIN, through the function that reveals only
 * the id), the open enrolment and the parent links — instead of three: a portal submission makes it under load
 * (issue 11's benchmark), and each statement is a round trip. Scoped like {@link PersonRepository} and
 * {@link EnrolmentRepository}.
 */
@Repository
class ChildRecords {

    private static final String SELECT = """
            select p.id, p.iin, p.last_name, p.first_name, p.patronymic, p.birth_date, p.sex, p.nationality,
                   p.citizenship, p.residence_kato,
                   e.id as e_id, e.person_id as e_person_id, e.organisation_id as e_organisation_id,
                   e.class_id as e_class_id, e.kato as e_kato, e.grade as e_grade, e.enrolled_from as e_enrolled_from,
                   e.enrolled_to as e_enrolled_to, e.admission_order as e_admission_order,
                   e.expulsion_order as e_expulsion_order,
                   array(select pp.parent_iin from person_parent pp where pp.person_id = p.id order by 1) as parents
              from person p
              left join lateral (
                   select e.* from enrolment e
                    where e.person_id = p.id and e.enrolled_to is null and {scope: kato=e.kato, organisation=e.organisation_id}
                    order by e.enrolled_from desc, e.id desc limit 1) e on true
             where p.id = %s
               and ({scope: kato=p.residence_kato}
                    or exists (select 1 from enrolment x
                                where x.person_id = p.id and {scope: kato=x.kato, organisation=x.organisation_id}))
            """;
    private static final String BY_IIN = SELECT.formatted("bilim_person_id(:iin)");
    private static final String BY_ID = SELECT.formatted(":id");

    private final JdbcClient jdbc;

    ChildRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ChildRecord> byIin(String iin) {
        return ScopeCondition.current().sql(jdbc, BY_IIN).param("iin", iin).query(ChildRecords::map).optional();
    }

    Optional<ChildRecord> byId(PersonId id) {
        return ScopeCondition.current().sql(jdbc, BY_ID).param("id", id.value()).query(ChildRecords::map).optional();
    }

    private static ChildRecord map(ResultSet rs, int row) throws SQLException {
        rs.getLong("e_id");
        Enrolment current = rs.wasNull() ? null : EnrolmentRepository.map(rs, "e_");
        Array parents = rs.getArray("parents");
        List<String> iins = parents == null ? List.of() : List.of((String[]) parents.getArray());
        return new ChildRecord(PersonRepository.map(rs, row), current, iins);
    }
}
