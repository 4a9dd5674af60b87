package kz.bilim.enrolment.internal;

import kz.bilim.enrolment.EnrolledPupils;
import kz.bilim.enrolment.PersonId;
import kz.bilim.identity.Sex;
import kz.bilim.kernel.KatoRange;
import kz.bilim.kernel.ScopeCondition;
import kz.bilim.organisation.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.util.Collection;
import java.util.function.Consumer;

/** Active enrolments with their persons, streamed in one scoped query. */
@Service
class EnrolledPupilsReading implements EnrolledPupils {

    private static final String ACTIVE = """
            select p.id as person_id, p.iin, p.last_name, p.first_name, p.patronymic, p.birth_date, p.sex,
                   p.citizenship, p.residence_kato, e.organisation_id, e.kato, e.grade
              from enrolment e join person p on p.id = e.person_id
             where e.enrolled_to is null and e.kato between :from and :to
               and {scope: kato=e.kato, organisation=e.organisation_id}
            """;

    private static final String STAGE_TABLE = """
            create temp table %s (person_id bigint not null, iin text collate "C", last_name text, first_name text,
                patronymic text, birth_date date, sex text, citizenship text collate "C", residence_kato text collate "C",
                organisation_id bigint not null, kato text collate "C" not null, grade smallint) on commit drop
            """;

    private static final String STAGE = """
            insert into %s
            select p.id, p.iin, p.last_name, p.first_name, p.patronymic, p.birth_date, p.sex, p.citizenship,
                   p.residence_kato, e.organisation_id, e.kato, e.grade
              from enrolment e join person p on p.id = e.person_id
             where e.enrolled_to is null and e.kato between :from and :to
               and (cast(:all as boolean) or e.person_id = any(cast(:persons as bigint[])))
               and {scope: kato=e.kato, organisation=e.organisation_id}
            """;

    private final JdbcClient jdbc;

    EnrolledPupilsReading(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long stageActive(DataSource owner, String katoPrefix, Collection<PersonId> persons, String table) {
        if (!table.matches("[a-z_]{1,40}")) throw new IllegalArgumentException("a plain table name");
        var ownerJdbc = JdbcClient.create(owner);
        ownerJdbc.sql("drop table if exists pg_temp." + table).update();
        ownerJdbc.sql(STAGE_TABLE.formatted(table)).update();
        var range = KatoRange.under(katoPrefix == null ? "" : katoPrefix);
        Long[] ids = persons == null ? new Long[0] : persons.stream().map(PersonId::value).toArray(Long[]::new);
        long rows = ScopeCondition.current().sql(ownerJdbc, STAGE.formatted("pg_temp." + table))
                .param("from", range.first()).param("to", range.last()).param("all", persons == null)
                .param("persons", ids).update();
        ownerJdbc.sql("analyze pg_temp." + table).update();
        return rows;
    }

    @Override
    public long stagePersons(DataSource owner, String table) {
        if (!table.matches("[a-z_]{1,40}")) throw new IllegalArgumentException("a plain table name");
        var ownerJdbc = JdbcClient.create(owner);
        ownerJdbc.sql("drop table if exists pg_temp." + table).update();
        long rows = ScopeCondition.current().sql(ownerJdbc, """
                create temp table %s on commit drop as
                select p.id as person_id, p.iin, p.last_name, p.first_name, p.patronymic, p.birth_date, p.sex,
                       p.citizenship, p.residence_kato
                  from person p where {scope: kato=p.residence_kato}
                """.formatted(table)).update();
        ownerJdbc.sql("analyze pg_temp." + table).update();
        return rows;
    }

    @Override
    @Transactional(readOnly = true)
    public void forEachActive(String katoPrefix, Consumer<EnrolledPupil> each) {
        var range = KatoRange.under(katoPrefix == null ? "" : katoPrefix);
        ScopeCondition.current().sql(jdbc, ACTIVE).param("from", range.first()).param("to", range.last())
                .query(rs -> {
                    each.accept(new EnrolledPupil(new PersonId(rs.getLong("person_id")), rs.getString("iin"),
                            rs.getString("last_name"), rs.getString("first_name"), rs.getString("patronymic"),
                            rs.getObject("birth_date", java.time.LocalDate.class), Sex.valueOf(rs.getString("sex")),
                            rs.getString("citizenship"), rs.getString("residence_kato"),
                            new OrganisationId(rs.getLong("organisation_id")), rs.getString("kato"),
                            rs.getObject("grade", Integer.class)));
                });
    }
}
