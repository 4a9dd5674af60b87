package kz.bilim.audit;

import kz.bilim.BilimTest;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trail grows to millions of rows: every search must walk an index in page order and stop after a page, never
 * scan and sort the table. Loads 300,000 events, then reads the plans of the real search statements as bilim_app
 * under row-level security, and prints their times (numbers for the record, not assertions).
 */
@BilimTest
class AuditIndexUseTest {

    @Autowired
    OwnerDataSource ownerDataSource;

    @Test
    @DisplayName("audit searches use an index in page order under row-level security, without a sort of the table")
    void searchesUseIndexes() throws Exception {
        var owner = JdbcClient.create(ownerDataSource);
        long started = System.nanoTime();
        owner.sql("""
                        insert into audit_event (occurred_at, actor, actor_role, action, subject_type, subject_id, kato, details)
                        select timestamptz '2025-01-01 00:00+05' + (g * interval '97 seconds'),
                               'bulk.actor.' || (g % 500), 'DISTRICT_OFFICER', 'READ', 'bulk-person', (g % 50000)::text,
                               lpad(((g % 20) * 4 + 11)::text, 2, '0') || lpad(((g / 20) % 12 * 2 + 10)::text, 2, '0')
                                   || lpad(((g / 240) % 30)::text, 2, '0') || '000',
                               '{}'::jsonb
                          from generate_series(1, 300000) g
                        """).update();
        owner.sql("analyze audit_event").update();
        System.out.printf("audit index test: 300,000 events loaded in %d ms%n", (System.nanoTime() - started) / 1_000_000);

        var cases = List.of(
                new Case("ministry, newest", "ALL", AuditQuery.newest(50), AuditScope.everything()),
                new Case("rural district, newest", "KATO:152207", AuditQuery.newest(50), AuditScope.territory("152207")),
                new Case("region, newest", "KATO:15", AuditQuery.newest(50), AuditScope.territory("15")),
                new Case("district, newest", "KATO:1522", AuditQuery.newest(50), AuditScope.territory("1522")),
                new Case("district, one actor", "KATO:1522", AuditQuery.newest(50).byActor("bulk.actor.21"),
                        AuditScope.territory("1522")),
                new Case("ministry, one subject", "ALL", AuditQuery.newest(50).bySubject("bulk-person", "4321"),
                        AuditScope.everything()),
                new Case("region, a month", "KATO:15", new AuditQuery(null, null, null, null,
                        LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), null, null, 50), AuditScope.territory("15")));
        try (var connection = ownerDataSource.getConnection()) {
            try (var statement = connection.createStatement()) {
                statement.execute("set role bilim_app");
            }
            var jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            try {
                for (Case c : cases) {
                    jdbc.sql("select set_config('bilim.scope', :scope, false)").param("scope", c.setting())
                            .query(String.class).single();
                    var search = AuditTrail.statement(c.query(), c.scope());
                    List<String> plan = jdbc.sql("explain (analyze, costs off) " + search.sql())
                            .params(search.params()).query(String.class).list();
                    String text = String.join("\n", plan);
                    System.out.printf("audit index test: %-24s %s%n", c.name(),
                            plan.stream().filter(l -> l.startsWith("Execution Time")).findFirst().orElse(""));
                    assertThat(text).as(c.name() + "\n" + text).contains("Index").doesNotContain("Seq Scan");
                    // newest first over a whole territory: the index gives the order, nothing is sorted
                    if (c.name().endsWith("newest") && !c.name().startsWith("rural"))
                        assertThat(text).as(c.name() + "\n" + text).doesNotContain("Sort Key");
                }
            } finally {
                try (var statement = connection.createStatement()) {
                    statement.execute("reset role");
                }
            }
        }
    }

    record Case(String name, String setting, AuditQuery query, AuditScope scope) {
    }
}
