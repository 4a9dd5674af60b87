package kz.bilim.enrolment.internal;

import kz.bilim.enrolment.EnrolmentStatistics;
import kz.bilim.territory.ChildLevel;
import kz.bilim.territory.Territories;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;

/**
 * Active pupils per child territory in one set-based query, grouped by the KATO prefix of the child level. Counting
 * goes through {@code bilim_active_pupils_by_prefix}, which applies the caller's scope and returns aggregates only.
 */
@Repository
class PupilStatistics implements EnrolmentStatistics {

    private static final String BY_CHILD = """
            select t.kato, t.name_kk, t.name_ru, coalesce(c.pupils, 0) as pupils
              from territory t
              left join bilim_active_pupils_by_prefix(:childLength, :from, :to) c on c.prefix = t.scope_prefix
             where case when cast(:parent as text) is null then t.level = 1 else t.parent_kato = cast(:parent as text) end
             order by t.kato
            """;

    private final JdbcClient jdbc;
    private final Territories territories;

    PupilStatistics(JdbcClient jdbc, Territories territories) {
        this.jdbc = jdbc;
        this.territories = territories;
    }

    @Override
    public List<PupilCounts> pupilsByChildTerritory(String parentKato) {
        ChildLevel children = territories.childLevel(parentKato).orElse(null);
        if (children == null) return List.of();
        return jdbc.sql(BY_CHILD)
                .param("childLength", children.prefixLength())
                .param("from", children.range().first())
                .param("to", children.range().last())
                .param("parent", children.parentKato())
                .query((rs, row) -> new PupilCounts(rs.getString("kato"), rs.getString("name_kk"),
                        rs.getString("name_ru"), rs.getLong("pupils")))
                .list();
    }
}
