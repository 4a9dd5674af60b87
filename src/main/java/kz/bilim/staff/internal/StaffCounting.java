package kz.bilim.staff.internal;

import kz.bilim.kernel.KatoRange;
import kz.bilim.staff.StaffFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Staff figures (SC-1, SC-3, OD-3): one set-based query over {@code bilim_staff_counts}, which counts as the schema
 * owner within the caller's scope and returns aggregates only, grouped again here by the dimensions asked for. The
 * grouping expressions are fixed SQL fragments chosen by enum; every value is a bound parameter.
 */
@Service
@PreAuthorize(kz.bilim.kernel.CurrentScope.SIGNED_IN_OR_SYSTEM)
class StaffCounting implements StaffFigures {

    private static final Map<Dimension, String> COLUMNS = Map.of(
            Dimension.ORGANISATION, "organisation_id::text",
            Dimension.POSITION, "position_code",
            Dimension.PEDAGOGICAL, "pedagogical::text",
            Dimension.WORKS_WITH_MINORS, "works_with_minors::text",
            Dimension.EDUCATION_LEVEL, "education_level",
            Dimension.CATEGORY, "category",
            Dimension.SEX, "sex",
            Dimension.AGE_BAND, "age_band",
            Dimension.NATIONALITY, "nationality",
            Dimension.GRADES_TAUGHT, "grades_taught");

    private final JdbcClient jdbc;

    StaffCounting(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Count> counts(Query query) {
        var dimensions = query.groupBy().stream().sorted().toList();
        var select = new ArrayList<String>();
        for (var d : dimensions)
            select.add(d == Dimension.TERRITORY ? "left(kato, " + query.territoryLevel() + ")" : COLUMNS.get(d));
        var range = KatoRange.under(query.katoPrefix());
        String groups = dimensions.isEmpty() ? "" : " group by " + String.join(", ", select)
                + " order by " + String.join(", ", select);
        String sql = "select " + (select.isEmpty() ? "" : String.join(", ", select) + ", ")
                + "coalesce(sum(staff), 0) as staff from bilim_staff_counts(:from, :to, :on)" + groups;
        return jdbc.sql(sql).param("from", range.first()).param("to", range.last()).param("on", query.on())
                .query((rs, n) -> {
                    var key = new EnumMap<Dimension, String>(Dimension.class);
                    for (int i = 0; i < dimensions.size(); i++) key.put(dimensions.get(i), rs.getString(i + 1));
                    return new Count(key, rs.getLong("staff"));
                }).list();
    }
}
