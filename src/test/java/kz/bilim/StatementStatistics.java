package kz.bilim;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statements a benchmark's requests cost, from pg_stat_statements — only when the embedded PostgreSQL was started
 * with {@code -Dbilim.db.statement-statistics=true} (it then preloads the extension); otherwise nothing is printed.
 * {@link #reset()} at the start of a measured phase, {@link #print(int)} at its end: statements per request and the
 * ones that cost the most PostgreSQL time.
 */
public final class StatementStatistics {

    private final JdbcClient owner;
    private final boolean on;

    public StatementStatistics(JdbcClient owner) {
        this.owner = owner;
        boolean loaded = owner.sql("select current_setting('shared_preload_libraries')").query(String.class).single()
                .contains("pg_stat_statements");
        if (loaded) owner.sql("create extension if not exists pg_stat_statements").update();
        this.on = loaded;
    }

    public void reset() {
        if (on) owner.sql("select pg_stat_statements_reset()").query((rs, n) -> 1).list();
    }

    public void print(int requests) {
        if (!on) return;
        var rows = owner.sql("""
                select calls, total_exec_time, total_plan_time, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) as q
                  from pg_stat_statements
                 where query not like '%pg_stat_statements%'
                 order by calls desc, total_exec_time desc limit 25
                """).query((rs, n) -> String.format(java.util.Locale.ROOT, "    %6.2f per request, %.3f ms exec each: %s",
                rs.getLong(1) / (double) requests, rs.getDouble(2) / Math.max(1, rs.getLong(1)), rs.getString(4))).list();
        double total = owner.sql("select coalesce(sum(calls), 0) from pg_stat_statements where query not like '%pg_stat_statements%'")
                .query(Double.class).single();
        BenchmarkRunner.out("  statements (pg_stat_statements): %.2f per request", total / requests);
        rows.forEach(System.out::println);
    }
}
