package kz.bilim.organisation.internal;

import kz.bilim.kernel.ScopeCondition;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.SchoolClass;
import kz.bilim.organisation.SchoolClassId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The school_class table, scoped like the organisations it belongs to. */
@Repository
class ClassRepository {

    private static final String IN_SCOPE = """
            {scope: kato=c.kato, organisation=c.organisation_id}
            """;

    private static final String SELECT = """
            select c.id, c.organisation_id, c.kato, c.academic_year, c.grade, c.letter, c.language, c.shift, c.capacity,
                   c.version
              from school_class c
            """;

    private static final String FIND = SELECT + " where c.id = :id and " + IN_SCOPE;

    private static final String OF_ORGANISATION = SELECT + """
             where c.organisation_id = :organisation
               and (cast(:year as integer) is null or c.academic_year = cast(:year as integer))
               and %s
             order by c.academic_year desc, c.grade, c.letter
            """.formatted(IN_SCOPE);

    private static final String EXISTS = """
            select exists (select 1 from school_class c
                            where c.organisation_id = :organisation and c.academic_year = :year and c.grade = :grade
                              and c.letter = :letter and c.id <> :id)
            """;

    private static final String INSERT = """
            insert into school_class (organisation_id, kato, academic_year, grade, letter, language, shift, capacity)
            values (:organisation, :kato, :year, :grade, :letter, :language, :shift, :capacity)
            returning id
            """;

    private static final String UPDATE = """
            update school_class c
               set academic_year = :year, grade = :grade, letter = :letter, language = :language, shift = :shift,
                   capacity = :capacity, version = c.version + 1
             where c.id = :id and c.version = :version and
            """ + IN_SCOPE;

    private static final String RELOCATE = """
            update school_class set kato = :kato where organisation_id = :organisation
            """;

    private static final String HIGHEST_SHIFT = """
            select coalesce(max(shift), 0) from school_class where organisation_id = :organisation
            """;

    private static final String LANGUAGES_USED = """
            select distinct language from school_class where organisation_id = :organisation
            """;

    private final JdbcClient jdbc;

    ClassRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SchoolClass> findAll(java.util.Collection<SchoolClassId> ids) {
        if (ids.isEmpty()) return List.of();
        return ScopeCondition.current().sql(jdbc, SELECT + " where c.id in (:ids) and " + IN_SCOPE)
                .param("ids", ids.stream().map(SchoolClassId::value).toList()).query(ClassRepository::map).list();
    }

    Optional<SchoolClass> find(SchoolClassId id) {
        return ScopeCondition.current().sql(jdbc, FIND).param("id", id.value()).query(ClassRepository::map).optional();
    }

    List<SchoolClass> ofOrganisation(OrganisationId organisation, Integer year) {
        return ScopeCondition.current().sql(jdbc, OF_ORGANISATION)
                        .param("organisation", organisation.value()).param("year", year)
                .query(ClassRepository::map).list();
    }

    boolean exists(OrganisationId organisation, int year, int grade, String letter, long exceptId) {
        return jdbc.sql(EXISTS).param("organisation", organisation.value()).param("year", year)
                .param("grade", grade).param("letter", letter).param("id", exceptId)
                .query(Boolean.class).single();
    }

    long insert(SchoolClass c) {
        return jdbc.sql(INSERT).param("organisation", c.organisationId().value()).param("kato", c.kato())
                .param("year", c.academicYear()).param("grade", c.grade()).param("letter", c.letter())
                .param("language", c.language()).param("shift", c.shift()).param("capacity", c.capacity())
                .query(Long.class).single();
    }

    boolean update(SchoolClass c) {
        return ScopeCondition.current().sql(jdbc, UPDATE).param("id", c.id().value())
                        .param("year", c.academicYear()).param("grade", c.grade()).param("letter", c.letter())
                        .param("language", c.language()).param("shift", c.shift()).param("capacity", c.capacity())
                        .param("version", c.version())
                .update() == 1;
    }

    void relocate(OrganisationId organisation, String kato) {
        jdbc.sql(RELOCATE).param("organisation", organisation.value()).param("kato", kato).update();
    }

    int highestShift(OrganisationId organisation) {
        return jdbc.sql(HIGHEST_SHIFT).param("organisation", organisation.value()).query(Integer.class).single();
    }

    List<String> languagesUsed(OrganisationId organisation) {
        return jdbc.sql(LANGUAGES_USED).param("organisation", organisation.value()).query(String.class).list();
    }

    private static SchoolClass map(ResultSet rs, int row) throws SQLException {
        return new SchoolClass(new SchoolClassId(rs.getLong("id")), new OrganisationId(rs.getLong("organisation_id")),
                rs.getString("kato"), rs.getInt("academic_year"), rs.getInt("grade"), rs.getString("letter"),
                rs.getString("language"), rs.getInt("shift"), rs.getInt("capacity"), rs.getLong("version"));
    }
}
