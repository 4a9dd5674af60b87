package kz.bilim.child.internal;

import kz.bilim.child.ChildStatistics;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import kz.bilim.kernel.KatoRange;
import kz.bilim.territory.KatoCode;
import java.util.function.Consumer;

/** {@link ChildStatistics} over the security-definer aggregates of V167 (counts, never a child). */
@Service
class ChildStatisticsReading implements ChildStatistics {

    private final JdbcClient jdbc;

    ChildStatisticsReading(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void childFacts(LocalDate ageOn, int maxAge, Consumer<ChildFact> sink) {
        facts(jdbc.sql("select kato, sex, age, organisation_id, children from bilim_child_facts(:on, :max)")
                .param("on", ageOn).param("max", maxAge), sink);
    }

    @Override
    public void childFacts(String territoryKato, LocalDate ageOn, int maxAge, Consumer<ChildFact> sink) {
        var range = KatoRange.under(new KatoCode(territoryKato).scopePrefix());
        facts(jdbc.sql("select kato, sex, age, organisation_id, children "
                        + "from bilim_child_facts_under(:from, :to, :on, :max)")
                .param("from", range.first()).param("to", range.last()).param("on", ageOn).param("max", maxAge), sink);
    }

    private static void facts(JdbcClient.StatementSpec statement, Consumer<ChildFact> sink) {
        statement.query(rs -> {
            long organisation = rs.getLong("organisation_id");
            sink.accept(new ChildFact(rs.getString("kato"), rs.getString("sex"), rs.getInt("age"),
                    rs.wasNull() ? null : organisation, rs.getLong("children")));
        });
    }

    @Override
    public void queueFacts(LocalDate on, Consumer<QueueFact> sink) {
        jdbc.sql("select kato, sex, age, entries from bilim_preschool_queue_facts(:on)")
                .param("on", on)
                .query(rs -> {
                    sink.accept(new QueueFact(rs.getString("kato"), rs.getString("sex"), rs.getInt("age"),
                            rs.getLong("entries")));
                });
    }
}
