package kz.bilim.opendata.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The open-data tables (V199): the 61 datasets, their events and their releases. */
@Repository
class Catalogue {

    private static final String RELEASE_COLUMNS =
            "id, dataset, period, version, origin, published_at, published_by, row_count, sha256";

    private final JdbcClient jdbc;

    Catalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Dataset> datasets() {
        return jdbc.sql("select * from open_dataset order by number").query(Catalogue::dataset).list();
    }

    Optional<Dataset> dataset(int number) {
        return jdbc.sql("select * from open_dataset where number = :n").param("n", number)
                .query(Catalogue::dataset).optional();
    }

    /** Every dataset's recorded events, by dataset number. */
    Map<Integer, List<LocalDate>> events() {
        var byDataset = new HashMap<Integer, List<LocalDate>>();
        jdbc.sql("select dataset, occurs_on from open_dataset_event order by occurs_on").query(rs -> {
            byDataset.computeIfAbsent(rs.getInt("dataset"), k -> new java.util.ArrayList<>())
                    .add(rs.getObject("occurs_on", LocalDate.class));
        });
        return byDataset;
    }

    List<LocalDate> events(int dataset) {
        return jdbc.sql("select occurs_on from open_dataset_event where dataset = :d order by occurs_on")
                .param("d", dataset).query(LocalDate.class).list();
    }

    void addEvent(int dataset, LocalDate on, String note, String actor, Instant at) {
        jdbc.sql("""
                insert into open_dataset_event (dataset, occurs_on, note, recorded_by, recorded_at)
                values (:d, :on, :note, :actor, :at)
                """).param("d", dataset).param("on", on).param("note", note).param("actor", actor)
                .param("at", at.atOffset(java.time.ZoneOffset.UTC)).update();
    }

    /** The latest version of each period's release, for every dataset: newest period first. */
    Map<Integer, List<Release>> latestReleases() {
        var byDataset = new HashMap<Integer, List<Release>>();
        jdbc.sql("select distinct on (dataset, period) " + RELEASE_COLUMNS
                        + " from open_dataset_release order by dataset, period desc, version desc")
                .query(Catalogue::release).list()
                .forEach(r -> byDataset.computeIfAbsent(r.dataset(), k -> new java.util.ArrayList<>()).add(r));
        return byDataset;
    }

    /** Every release of a dataset, every version: newest period and version first. */
    List<Release> releases(int dataset) {
        return jdbc.sql("select " + RELEASE_COLUMNS
                        + " from open_dataset_release where dataset = :d order by period desc, version desc")
                .param("d", dataset).query(Catalogue::release).list();
    }

    /** The file of a period's release: the version asked for, or the latest (null). */
    Optional<byte[]> content(int dataset, String period, Integer version) {
        return jdbc.sql("""
                        select content from open_dataset_release
                         where dataset = :d and period = :p and (cast(:v as integer) is null or version = :v)
                         order by version desc limit 1
                        """).param("d", dataset).param("p", period).param("v", version)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    /** Stores a release as the period's next version (the dataset's row locked, so two publishers number in turn). */
    Release insert(int dataset, String period, String origin, Instant at, String actor, int rows, String sha256,
                   byte[] content) {
        jdbc.sql("select number from open_dataset where number = :d for update").param("d", dataset)
                .query(Integer.class).single();
        return jdbc.sql("insert into open_dataset_release (dataset, period, version, origin, published_at, "
                        + "published_by, row_count, sha256, content) select :d, :p, coalesce(max(version), 0) + 1, "
                        + ":origin, :at, :actor, :rows, :sha, :content from open_dataset_release "
                        + "where dataset = :d and period = :p returning " + RELEASE_COLUMNS)
                .param("d", dataset).param("p", period).param("origin", origin)
                .param("at", at.atOffset(java.time.ZoneOffset.UTC)).param("actor", actor).param("rows", rows)
                .param("sha", sha256).param("content", content).query(Catalogue::release).single();
    }

    private static Dataset dataset(ResultSet rs, int n) throws SQLException {
        String producer = rs.getString("producer");
        return new Dataset(rs.getInt("number"), rs.getString("name_kk"), rs.getString("name_ru"),
                Periodicity.valueOf(rs.getString("periodicity")), Deadline.valueOf(rs.getString("deadline")),
                rs.getObject("first_year", Integer.class), Dataset.Source.valueOf(rs.getString("source")),
                producer == null ? null : Producer.valueOf(producer));
    }

    private static Release release(ResultSet rs, int n) throws SQLException {
        return new Release(rs.getLong("id"), rs.getInt("dataset"), rs.getString("period"), rs.getInt("version"),
                rs.getString("origin"), rs.getObject("published_at", OffsetDateTime.class).toInstant(),
                rs.getString("published_by"), rs.getInt("row_count"), rs.getString("sha256"));
    }
}
