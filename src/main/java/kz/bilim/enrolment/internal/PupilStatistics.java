package kz.bilim.enrolment.internal;

import kz.bilim.enrolment.EnrolmentStatistics;
import kz.bilim.territory.ChildLevel;
import kz.bilim.territory.Territories;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Active pupils per child territory: one set-based count grouped by the KATO prefix of the child level, set beside
 * the child territories the territory module lists. Counting goes through {@code bilim_active_pupils_by_prefix},
 * which applies the caller's scope and returns aggregates only.
 */
@Repository
class PupilStatistics implements EnrolmentStatistics {

    private static final String BY_PREFIX = "select prefix, pupils from bilim_active_pupils_by_prefix(:childLength, :from, :to)";

    private final JdbcClient jdbc;
    private final Territories territories;

    PupilStatistics(JdbcClient jdbc, Territories territories) {
        this.jdbc = jdbc;
        this.territories = territories;
    }

    @Override
    public Map<Long, Long> activePupils(java.util.Collection<Long> organisations) {
        Map<Long, Long> counts = new HashMap<>();
        if (organisations.isEmpty()) return counts;
        kz.bilim.kernel.ScopeCondition.current().sql(jdbc, """
                        select e.organisation_id, count(*) from enrolment e
                         where e.organisation_id = any (cast(:orgs as bigint[])) and e.enrolled_to is null
                           and {scope: kato=e.kato, organisation=e.organisation_id}
                         group by e.organisation_id
                        """)
                .param("orgs", organisations.toArray(Long[]::new))
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                });
        return counts;
    }

    @Override
    public List<PupilCounts> pupilsByChildTerritory(String parentKato) {
        ChildLevel level = territories.childLevel(parentKato).orElse(null);
        if (level == null) return List.of();
        Map<String, Long> byPrefix = new HashMap<>();
        jdbc.sql(BY_PREFIX)
                .param("childLength", level.prefixLength())
                .param("from", level.range().first())
                .param("to", level.range().last())
                .query(rs -> {
                    byPrefix.put(rs.getString("prefix"), rs.getLong("pupils"));
                });
        return territories.children(level).stream()
                .map(t -> new PupilCounts(t.kato(), t.nameKk(), t.nameRu(), byPrefix.getOrDefault(t.scopePrefix(), 0L)))
                .toList();
    }

    @Override
    public void pupilFacts(LocalDate on, Consumer<PupilFact> sink) {
        jdbc.sql("""
                        select organisation_id, kato, sex, grade, shift, language, age, nationality, study_form,
                               special_needs, orphan, disability, preschool_group, pupils
                          from bilim_pupil_facts(:on)""")
                .param("on", on)
                .query(rs -> {
                    int grade = rs.getInt("grade");
                    sink.accept(new PupilFact(rs.getLong("organisation_id"), rs.getString("kato"), rs.getString("sex"),
                            rs.wasNull() ? null : grade, rs.getInt("shift"), rs.getString("language"), rs.getInt("age"),
                            rs.getString("nationality"), rs.getString("study_form"), rs.getBoolean("special_needs"),
                            rs.getBoolean("orphan"), rs.getBoolean("disability"), rs.getString("preschool_group"),
                            rs.getLong("pupils")));
                });
    }

    @Override
    public void graduationFacts(LocalDate from, LocalDate to, LocalDate ageOn, Consumer<GraduationFact> sink) {
        jdbc.sql("""
                        select organisation_id, kato, sex, grade, shift, language, age, nationality, study_form,
                               certificate_kind, distinction, next_step, graduates
                          from bilim_graduation_facts(:from, :to, :ageOn)""")
                .param("from", from).param("to", to).param("ageOn", ageOn)
                .query(rs -> {
                    int grade = rs.getInt("grade");
                    sink.accept(new GraduationFact(rs.getLong("organisation_id"), rs.getString("kato"),
                            rs.getString("sex"), rs.wasNull() ? null : grade, rs.getInt("shift"),
                            rs.getString("language"), rs.getInt("age"), rs.getString("nationality"),
                            rs.getString("study_form"), rs.getString("certificate_kind"), rs.getString("distinction"),
                            rs.getString("next_step"), rs.getLong("graduates")));
                });
    }

    @Override
    public void yearEndFacts(LocalDate from, LocalDate to, LocalDate ageOn, Consumer<YearEndFact> sink) {
        jdbc.sql("select organisation_id, kato, sex, grade, age, outcome, pupils from bilim_year_end_facts(:from, :to, :ageOn)")
                .param("from", from).param("to", to).param("ageOn", ageOn)
                .query(rs -> {
                    sink.accept(new YearEndFact(rs.getLong("organisation_id"), rs.getString("kato"), rs.getString("sex"),
                            rs.getInt("grade"), rs.getInt("age"), rs.getString("outcome"), rs.getLong("pupils")));
                });
    }
}
