package kz.bilim.territory.internal;

import kz.bilim.territory.Territories;
import kz.bilim.territory.Territory;
import kz.bilim.territory.TerritoryPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads of the KATO tree. The tree is public knowledge: the {@code territory} table has no row-level security. */
@Repository
class TerritoryRepository implements Territories {

    private static final String COLUMNS = """
            t.kato, t.parent_kato, t.level, t.name_kk, t.name_ru, t.urban, t.scope_prefix,
            (select count(*) from territory c where c.parent_kato = t.kato) as children
            """;

    private static final String FIND = "select " + COLUMNS + " from territory t where t.kato = :kato";

    private static final String FIND_ALL = """
            select t.kato, t.parent_kato, t.level, t.name_kk, t.name_ru, t.urban, t.scope_prefix, 0 as children
            from territory t where t.kato = any(string_to_array(:codes, ','))
            """;

    private static final String REGIONS = "select " + COLUMNS + " from territory t where t.level = 1 order by t.kato";

    private static final String ALL_CHILDREN = "select " + COLUMNS + """
             from territory t where t.parent_kato = :parent order by t.kato
            """;

    private static final String CHILDREN_PAGE = "select " + COLUMNS + """
             from territory t where t.parent_kato = :parent order by t.kato limit :limit offset :offset
            """;

    private static final String COUNT_CHILDREN = "select count(*) from territory where parent_kato = :parent";

    private static final String PATH = """
            with recursive up as (
                select t.kato, t.parent_kato, 0 as depth from territory t where t.kato = :kato
                union all
                select t.kato, t.parent_kato, up.depth + 1 from territory t join up on t.kato = up.parent_kato)
            select %s from up join territory t on t.kato = up.kato order by up.depth desc
            """.formatted(COLUMNS);

    private static final String SEARCH_BY_CODE = "select " + COLUMNS + """
             from territory t where t.kato like :code and t.kato like :within order by t.kato limit :limit
            """;

    /** A name matches when it, or a word of it (after a space, dot or hyphen: "с.Акшабай"), starts with the text. */
    private static final String SEARCH_BY_NAME = "select " + COLUMNS + """
             from territory t
             where t.kato like :within
               and (lower(t.name_kk) like lower(:start) or lower(t.name_ru) like lower(:start)
                or lower(t.name_kk) like lower(:afterSpace) or lower(t.name_ru) like lower(:afterSpace)
                or lower(t.name_kk) like lower(:afterDot) or lower(t.name_ru) like lower(:afterDot)
                or lower(t.name_kk) like lower(:afterHyphen) or lower(t.name_ru) like lower(:afterHyphen))
             order by (lower(t.name_kk) like lower(:start) or lower(t.name_ru) like lower(:start)) desc, t.level, t.kato
             limit :limit
            """;

    private static final String EXISTING = """
            select kato from territory where kato = any(string_to_array(:codes, ','))
            """;

    private final JdbcClient jdbc;

    TerritoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Territory> find(String kato) {
        return findRow(kato).map(TerritoryRow::territory);
    }

    @Override
    public Map<String, Territory> findAll(Collection<String> katos) {
        var codes = katos.stream().filter(c -> c != null && c.matches("[0-9]{9}")).distinct().toList();
        if (codes.isEmpty()) return Map.of();
        return jdbc.sql(FIND_ALL).param("codes", String.join(",", codes)).query(TerritoryRepository::map).list()
                .stream().map(TerritoryRow::territory)
                .collect(Collectors.toUnmodifiableMap(Territory::kato, Function.identity()));
    }

    @Override
    public List<Territory> regions() {
        return territories(regionRows());
    }

    @Override
    public List<Territory> children(String parentKato) {
        return territories(jdbc.sql(ALL_CHILDREN).param("parent", parentKato).query(TerritoryRepository::map).list());
    }

    @Override
    public TerritoryPage children(String parentKato, int page, int size) {
        return new TerritoryPage(territories(childRows(parentKato, page, size)), page, size, countChildren(parentKato));
    }

    /**
     * The path from the region down, kept: a portal submission reads the child's place names on every request
     * (issue 11's benchmark), and the tree changes only by the classifier import, which forgets every kept path
     * ({@link #forgetPaths()}). A minute at most for a change made around the module (a bulk load, a hand-written
     * fixture); bounded: emptied when full. Unknown codes are not kept.
     */
    @Override
    public List<Territory> path(String kato) {
        long now = System.nanoTime();
        var kept = paths.get(kato);
        if (kept != null && now - kept.at() < PATH_TTL_NANOS) return kept.path();
        List<Territory> path = territories(pathRows(kato));
        if (path.isEmpty()) return path;
        if (paths.size() >= PATHS_MAX) paths.clear();
        paths.put(kato, new KeptPath(path, now));
        return path;
    }

    private record KeptPath(List<Territory> path, long at) {
    }

    private static final int PATHS_MAX = 20_000;
    private static final long PATH_TTL_NANOS = TimeUnit.MINUTES.toNanos(1);
    private final Map<String, KeptPath> paths = new ConcurrentHashMap<>();

    /** After a change of the tree: at the commit of the transaction that made it (or now, outside one). */
    void forgetPaths() {
        if (TransactionSynchronizationManager.isSynchronizationActive())
            TransactionSynchronizationManager.registerSynchronization(
                    new TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            paths.clear();
                        }
                    });
        paths.clear();
    }

    @Override
    public List<Territory> search(String text, int limit) {
        return territories(searchRows(text, "", limit));
    }

    @Override
    public List<Territory> search(String text, String withinPrefix, int limit) {
        return territories(searchRows(text, withinPrefix, limit));
    }

    Optional<TerritoryRow> findRow(String kato) {
        return jdbc.sql(FIND).param("kato", kato).query(TerritoryRepository::map).optional();
    }

    List<TerritoryRow> regionRows() {
        return jdbc.sql(REGIONS).query(TerritoryRepository::map).list();
    }

    List<TerritoryRow> childRows(String parentKato, int page, int size) {
        return jdbc.sql(CHILDREN_PAGE)
                .param("parent", parentKato)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(TerritoryRepository::map).list();
    }

    long countChildren(String parentKato) {
        return jdbc.sql(COUNT_CHILDREN).param("parent", parentKato).query(Long.class).single();
    }

    List<TerritoryRow> pathRows(String kato) {
        return jdbc.sql(PATH).param("kato", kato).query(TerritoryRepository::map).list();
    }

    List<TerritoryRow> searchRows(String text, int limit) {
        return searchRows(text, "", limit);
    }

    List<TerritoryRow> searchRows(String text, String withinPrefix, int limit) {
        String q = text == null ? "" : text.strip();
        if (q.isEmpty()) return List.of();
        String within = withinPrefix == null ? "%" : withinPrefix + "%";
        if (withinPrefix != null && !withinPrefix.matches("[0-9]{0,9}"))
            throw new IllegalArgumentException("A KATO prefix is up to 9 digits");
        if (q.matches("[0-9]+")) {
            return jdbc.sql(SEARCH_BY_CODE).param("code", q + "%").param("within", within).param("limit", limit)
                    .query(TerritoryRepository::map).list();
        }
        String escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return jdbc.sql(SEARCH_BY_NAME)
                .param("start", escaped + "%")
                .param("afterSpace", "% " + escaped + "%")
                .param("afterDot", "%." + escaped + "%")
                .param("afterHyphen", "%-" + escaped + "%")
                .param("within", within)
                .param("limit", limit)
                .query(TerritoryRepository::map).list();
    }

    /** Which of these codes are in the tree already: one query, however many codes. */
    Set<String> existing(Collection<String> codes) {
        if (codes.isEmpty()) return Set.of();
        return new HashSet<>(jdbc.sql(EXISTING).param("codes", String.join(",", codes))
                .query(String.class).list());
    }

    private static List<Territory> territories(List<TerritoryRow> rows) {
        return rows.stream().map(TerritoryRow::territory).toList();
    }

    private static TerritoryRow map(ResultSet rs, int row) throws SQLException {
        return new TerritoryRow(new Territory(rs.getString("kato"), rs.getString("parent_kato"), rs.getInt("level"),
                rs.getString("name_kk"), rs.getString("name_ru"), rs.getBoolean("urban"), rs.getString("scope_prefix")),
                rs.getInt("children"));
    }
}
