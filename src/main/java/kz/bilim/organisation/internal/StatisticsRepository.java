package kz.bilim.organisation.internal;

import java.time.Clock;
import kz.bilim.kernel.ScopeCondition;
import kz.bilim.organisation.AcademicYear;
import kz.bilim.organisation.OrganisationKind;
import kz.bilim.organisation.OrganisationStatistics;
import kz.bilim.organisation.Ownership;
import kz.bilim.territory.ChildLevel;
import kz.bilim.territory.Territories;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Counts per child territory: organisations and classes (the kept tally of V190, not the classes themselves) are
 * counted in one set-based query, grouped by the first
 * digits of their KATO code (2 for regions, 4 for districts, 6 for rural districts, 9 for settlements), and set beside
 * the child territories the territory module lists (each child's subtree is the codes starting with its scope prefix).
 * Scoped like every other read.
 */
@Repository
class StatisticsRepository implements OrganisationStatistics {

    private static final String BY_PREFIX = """
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
                select left(c.kato, :childLength) as prefix, sum(c.classes) as classes
                  from school_class_tally c
                 where c.academic_year = :year and c.kato between :from and :to
                   and {scope: kato=c.kato, organisation=c.organisation_id}
                 group by 1)
            select coalesce(o.prefix, c.prefix) as prefix, coalesce(o.schools, 0) as schools,
                   coalesce(o.preschools, 0) as preschools, coalesce(o.colleges, 0) as colleges,
                   coalesce(c.classes, 0) as classes
              from orgs o
              full join classes c on c.prefix = o.prefix
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
        ChildLevel level = territories.childLevel(parentKato).orElse(null);
        if (level == null) return List.of();
        Map<String, long[]> byPrefix = new HashMap<>();
        ScopeCondition.current().sql(jdbc, BY_PREFIX)
                .param("schoolKinds", SCHOOL_KINDS)
                .param("childLength", level.prefixLength())
                .param("from", level.range().first())
                .param("to", level.range().last())
                .param("year", year.startYear())
                .query(rs -> {
                    byPrefix.put(rs.getString("prefix"), new long[]{rs.getLong("schools"), rs.getLong("preschools"),
                            rs.getLong("colleges"), rs.getLong("classes")});
                });
        long[] none = new long[4];
        return territories.children(level).stream().map(t -> {
            long[] c = byPrefix.getOrDefault(t.scopePrefix(), none);
            return new OrganisationCounts(t.kato(), t.nameKk(), t.nameRu(), c[0], c[1], c[2], c[3]);
        }).toList();
    }

    @Override
    public void facts(Consumer<OrganisationFact> sink) {
        ScopeCondition.current().sql(jdbc, """
                        select o.id, o.kato, o.kind, o.ownership, o.urban, o.languages, o.shifts
                          from organisation o
                         where {scope: kato=o.kato, organisation=o.id}
                         order by o.id""")
                .query(rs -> {
                    String[] languages = (String[]) rs.getArray("languages").getArray();
                    sink.accept(new OrganisationFact(rs.getLong("id"), rs.getString("kato"),
                            OrganisationKind.valueOf(rs.getString("kind")), Ownership.valueOf(rs.getString("ownership")),
                            rs.getBoolean("urban"), List.of(languages), rs.getInt("shifts")));
                });
    }
}
