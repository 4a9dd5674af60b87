package kz.bilim.territory.internal;

import kz.bilim.territory.Territories;
import kz.bilim.territory.Territory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

@Repository
class TerritoryRepository implements Territories {

    private static final String SELECT = """
            select kato, parent_kato, level, name_kk, name_ru, urban, scope_prefix from territory
            """;

    private final JdbcClient jdbc;

    TerritoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Territory> find(String kato) {
        return jdbc.sql(SELECT + " where kato = :kato").param("kato", kato).query(TerritoryRepository::map).optional();
    }

    @Override
    public List<Territory> regions() {
        return jdbc.sql(SELECT + " where level = 1 order by kato").query(TerritoryRepository::map).list();
    }

    @Override
    public List<Territory> children(String parentKato) {
        return jdbc.sql(SELECT + " where parent_kato = :parent order by kato")
                .param("parent", parentKato).query(TerritoryRepository::map).list();
    }

    @Override
    public List<Territory> path(String kato) {
        return jdbc.sql("""
                        with recursive up as (
                            select t.*, 0 as depth from territory t where kato = :kato
                            union all
                            select t.*, up.depth + 1 from territory t join up on t.kato = up.parent_kato)
                        select kato, parent_kato, level, name_kk, name_ru, urban, scope_prefix from up order by depth desc
                        """)
                .param("kato", kato).query(TerritoryRepository::map).list();
    }

    @Override
    public List<Territory> search(String text, int limit) {
        String prefix = text.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql(SELECT + """
                         where lower(name_ru) like :prefix or lower(name_kk) like :prefix or kato like :prefix
                         order by level, kato limit :limit
                        """)
                .param("prefix", prefix).param("limit", limit).query(TerritoryRepository::map).list();
    }

    static Territory map(ResultSet rs, int row) throws SQLException {
        return new Territory(rs.getString("kato"), rs.getString("parent_kato"), rs.getInt("level"),
                rs.getString("name_kk"), rs.getString("name_ru"), rs.getBoolean("urban"), rs.getString("scope_prefix"));
    }
}
