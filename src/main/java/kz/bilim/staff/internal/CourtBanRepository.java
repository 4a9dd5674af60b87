package kz.bilim.staff.internal;

import kz.bilim.staff.BanKind;
import kz.bilim.staff.CourtBan;
import kz.bilim.staff.CourtBanId;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * The verdict register. An import is set-based, inside the caller's transaction: COPY of the checked rows into a
 * temporary staging table, one {@code insert … on conflict do update} that touches only bans whose content changed
 * (marking them with the import), then one statement that flags every current contract those bans cover.
 */
@Repository
class CourtBanRepository {

    private static final String STAGING = """
            drop table if exists pg_temp.court_ban_staging;
            create temp table court_ban_staging (
                iin             text collate "C" not null,
                last_name       text not null,
                first_name      text not null,
                birth_date      date not null,
                court           text not null,
                case_number     text not null,
                in_force_on     date not null,
                article         text not null,
                kind            text not null,
                banned_position text collate "C",
                until           date
            ) on commit drop
            """;

    private static final String COPY = """
            copy court_ban_staging (iin, last_name, first_name, birth_date, court, case_number, in_force_on, article,
                                    kind, banned_position, until) from stdin (format csv)
            """;

    private static final String NEW_IMPORT = """
            insert into court_ban_import (actor, rows, accepted, rejected, inserted, updated, flagged)
            values (:actor, :rows, :accepted, :rejected, 0, 0, 0) returning id
            """;

    private static final String MERGE = """
            with merged as (
                insert into court_ban as b (iin, last_name, first_name, birth_date, court, case_number, in_force_on,
                                            article, kind, banned_position, until, last_import_id)
                select iin, last_name, first_name, birth_date, court, case_number, in_force_on, article, kind,
                       banned_position, until, :import
                  from court_ban_staging
                on conflict (iin, case_number, kind, banned_position) do update
                    set last_name = excluded.last_name, first_name = excluded.first_name,
                        birth_date = excluded.birth_date, court = excluded.court, in_force_on = excluded.in_force_on,
                        article = excluded.article, until = excluded.until, last_import_id = excluded.last_import_id,
                        updated_at = now()
                    where (b.last_name, b.first_name, b.birth_date, b.court, b.in_force_on, b.article, b.until)
                          is distinct from (excluded.last_name, excluded.first_name, excluded.birth_date,
                                            excluded.court, excluded.in_force_on, excluded.article, excluded.until)
                returning xmax = 0 as inserted)
            select count(*) filter (where inserted) as inserted, count(*) filter (where not inserted) as updated
              from merged
            """;

    private static final String FLAG = "select bilim_flag_contracts_of_ban_import(:import, :today)";

    private static final String FINISH_IMPORT = """
            update court_ban_import set inserted = :inserted, updated = :updated, flagged = :flagged where id = :import
            """;

    private static final String LIST_WHERE = " where (cast(:iin as text) is null or b.iin = cast(:iin as text))";

    private static final String LIST = """
            select b.id, b.iin, b.last_name, b.first_name, b.birth_date, b.court, b.case_number, b.in_force_on,
                   b.article, b.kind, b.banned_position, b.until
              from court_ban b
            """ + LIST_WHERE + " order by b.in_force_on desc, b.id desc limit :limit offset :offset";

    private static final String COUNT = "select count(*) from court_ban b" + LIST_WHERE;

    record Merged(int inserted, int updated) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    CourtBanRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Must run inside a transaction: the staging table lives on its connection. */
    long newImport(String actor, int rows, int accepted, int rejected) {
        return jdbc.sql(NEW_IMPORT).param("actor", actor).param("rows", rows).param("accepted", accepted)
                .param("rejected", rejected).query(Long.class).single();
    }

    Merged merge(long importId, List<VerdictFile.Ban> bans) {
        jdbc.sql(STAGING).update();
        copy(bans);
        jdbc.sql("analyze court_ban_staging").update();
        return jdbc.sql(MERGE).param("import", importId)
                .query((rs, n) -> new Merged(rs.getInt("inserted"), rs.getInt("updated"))).single();
    }

    /** HB-1, set-based: one statement over every current contract of the country (a security-definer function). */
    int flag(long importId, LocalDate today) {
        return jdbc.sql(FLAG).param("import", importId).param("today", today).query(Integer.class).single();
    }

    void finish(long importId, Merged merged, int flagged) {
        jdbc.sql(FINISH_IMPORT).param("import", importId).param("inserted", merged.inserted())
                .param("updated", merged.updated()).param("flagged", flagged).update();
    }

    List<CourtBan> list(String iin, int limit, long offset) {
        return jdbc.sql(LIST).param("iin", iin).param("limit", limit).param("offset", offset)
                .query(CourtBanRepository::ban).list();
    }

    long count(String iin) {
        return jdbc.sql(COUNT).param("iin", iin).query(Long.class).single();
    }

    private void copy(List<VerdictFile.Ban> bans) {
        var csv = new StringWriter(bans.size() * 160);
        try (var printer = new CSVPrinter(csv, CSVFormat.POSTGRESQL_CSV)) {
            for (var b : bans)
                printer.printRecord(b.iin(), b.lastName(), b.firstName(), b.birthDate(), b.court(), b.caseNumber(),
                        b.inForceOn(), b.article(), b.kind().name(), b.bannedPosition(), b.until());
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the staging rows", e);
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

    private static CourtBan ban(ResultSet rs, int row) throws SQLException {
        return new CourtBan(new CourtBanId(rs.getLong("id")), rs.getString("iin"), rs.getString("last_name"),
                rs.getString("first_name"), rs.getObject("birth_date", LocalDate.class), rs.getString("court"),
                rs.getString("case_number"), rs.getObject("in_force_on", LocalDate.class), rs.getString("article"),
                BanKind.valueOf(rs.getString("kind")), rs.getString("banned_position"),
                rs.getObject("until", LocalDate.class));
    }
}
