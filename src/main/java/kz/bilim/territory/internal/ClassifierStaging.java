package kz.bilim.territory.internal;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The set-based write of a checked classifier file, inside the caller's transaction: COPY into a temporary staging
 * table, one {@code insert … on conflict do update} that touches only rows whose content changed, then re-attaching
 * existing nodes to a nearer ancestor that the file has just added. Nothing here is row-by-row.
 */
@Repository
class ClassifierStaging {

    private static final String CREATE = """
            drop table if exists pg_temp.territory_import_staging;
            create temp table territory_import_staging (
                row_no      int              not null,
                kato        text collate "C" not null,
                parent_kato text collate "C",
                level       smallint         not null,
                name_kk     text             not null,
                name_ru     text             not null,
                urban       boolean          not null
            ) on commit drop
            """;

    private static final String COPY = """
            copy territory_import_staging (row_no, kato, parent_kato, level, name_kk, name_ru, urban) from stdin (format csv)
            """;

    private static final String MERGE = """
            with merged as (
                insert into territory as t (kato, parent_kato, level, name_kk, name_ru, urban)
                select kato, parent_kato, level, name_kk, name_ru, urban from territory_import_staging
                on conflict (kato) do update
                    set parent_kato = excluded.parent_kato, name_kk = excluded.name_kk,
                        name_ru = excluded.name_ru, urban = excluded.urban
                    where (t.parent_kato, t.name_kk, t.name_ru, t.urban)
                          is distinct from (excluded.parent_kato, excluded.name_kk, excluded.name_ru, excluded.urban)
                returning xmax = 0 as inserted)
            select count(*) filter (where inserted) as inserted, count(*) filter (where not inserted) as updated
            from merged
            """;

    /** Nodes already in the tree (in the regions the file touches) whose nearest existing ancestor is now another. */
    private static final String REATTACH = """
            with nearest as (
                select t.kato,
                       (select a.kato from territory a
                        where a.kato in (left(t.kato, 6) || '000', left(t.kato, 4) || '00000', left(t.kato, 2) || '0000000')
                          and a.kato <> t.kato
                        order by a.kato desc
                        limit 1) as parent
                from territory t
                where t.level > 1
                  and left(t.kato, 2) in (select distinct left(kato, 2) from territory_import_staging))
            update territory t
            set parent_kato = n.parent
            from nearest n
            where n.kato = t.kato and n.parent is not null and t.parent_kato is distinct from n.parent
            """;

    private static final String DROP = "drop table if exists pg_temp.territory_import_staging";

    record Merged(int inserted, int updated, int reattached) {
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    ClassifierStaging(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Must run inside a transaction: the staging table lives on the transaction's connection. */
    Merged merge(List<StagedRow> rows) {
        jdbc.sql(CREATE).update();
        copy(rows);
        jdbc.sql("analyze territory_import_staging").update();
        Merged merged = jdbc.sql(MERGE)
                .query((rs, n) -> new Merged(rs.getInt("inserted"), rs.getInt("updated"), 0))
                .single();
        int reattached = jdbc.sql(REATTACH).update();
        jdbc.sql(DROP).update();
        return new Merged(merged.inserted(), merged.updated(), reattached);
    }

    private void copy(List<StagedRow> rows) {
        StringBuilder csv = new StringBuilder(rows.size() * 96);
        for (StagedRow row : rows) {
            csv.append(row.row()).append(',')
                    .append(row.kato()).append(',')
                    .append(row.parentKato() == null ? "" : row.parentKato()).append(',')
                    .append(row.level()).append(',');
            quoted(csv, row.nameKk()).append(',');
            quoted(csv, row.nameRu()).append(',')
                    .append(row.urban()).append('\n');
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(csv.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY into the staging table failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static StringBuilder quoted(StringBuilder csv, String text) {
        return csv.append('"').append(text.replace("\"", "\"\"")).append('"');
    }
}
