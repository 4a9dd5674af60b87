package kz.bilim.organisation.internal;

import java.time.Clock;
import kz.bilim.kernel.ScopeCondition;
import kz.bilim.organisation.AcademicYear;
import kz.bilim.organisation.OrganisationKind;
import kz.bilim.organisation.OrganisationStatistics;
import kz.bilim.territory.ChildLevel;
import kz.bilim.territory.Territories;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;

/**
 * Counts per child territory in one set-based query: organisations and classes are grouped by the first digits of
 * their KATO code (2 for regions, 4 for districts, 6 for rural districts, 9 for settlements) and joined to the
 * territory rows of that level. Scoped like every other read.
 */
@Repository
class StatisticsRepository implements OrganisationStatistics {

    private static final String BY_CHILD = """
            with orgs as (
                select left(o.kato, :childLength) as prefix,
                       count(*) filter (where o.kind = any (string_to_array(:schoolKinds, ','))) as schools,
                       count(*) filter (where o.kind = 'PRESCHOOL') as preschools,
                       count(*) filter (where o.kind = 'TVET_COLLEGE') as colleges
                  from organisation o
                 where o.kato between :from and :to
                   and {scope: kato=o.kato, organisation=o.id}
                 group by 1),
            classes as (
                select left(c.kato, :childLength) as prefix, count(*) as classes
                  from school_class c
                 where c.academic_year = :year and c.kato between :from and :to
                   and {scope: kato=c.kato, organisation=c.organisation_id}
                 group by 1)
            select t.kato, t.name_kk, t.name_ru, coalesce(o.schools, 0) as schools,
                   coalesce(o.preschools, 0) as preschools, coalesce(o.colleges, 0) as colleges,
                   coalesce(c.classes, 0) as classes
              from territory t
              left join orgs o on o.prefix = t.scope_prefix
              left join classes c on c.prefix = t.scope_prefix
             where case when cast(:parent as text) is null then t.level = 1 else t.parent_kato = cast(:parent as text) end
             order by t.kato
            """;

    /** The kinds {@link OrganisationKind#isSchool()} calls schools: the one definition, bound into the query. */
    private static final String SCHOOL_KINDS = String.join(",", java.util.Arrays.stream(OrganisationKind.values())
            .filter(OrganisationKind::isSchool).map(Enum::name).toList());

    private final JdbcClient jdbc;
    private final Territories territories;

    private final Clock clock;


    StatisticsRepository(JdbcClient jdbc, Territories territories, Clock clock) {

        this.clock = clock;
        this.jdbc = jdbc;
        this.territories = territories;
    }

    @Override
    public List<OrganisationCounts> byChildTerritory(String parentKato) {
        return byChildTerritory(parentKato, AcademicYear.current(clock));
    }

    @Override
    public List<OrganisationCounts> byChildTerritory(String parentKato, AcademicYear year) {
        ChildLevel children = territories.childLevel(parentKato).orElse(null);
        if (children == null) return List.of();
        return ScopeCondition.current().sql(jdbc, BY_CHILD)
                .param("schoolKinds", SCHOOL_KINDS)
                .param("childLength", children.prefixLength())
                .param("from", children.range().first())
                .param("to", children.range().last())
                .param("year", year.startYear())
                .param("parent", children.parentKato())
                .query((rs, row) -> new OrganisationCounts(rs.getString("kato"), rs.getString("name_kk"),
                        rs.getString("name_ru"), rs.getLong("schools"), rs.getLong("preschools"),
                        rs.getLong("colleges"), rs.getLong("classes")))
                .list();
    }
}
