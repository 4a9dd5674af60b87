package kz.bilim.organisation.internal;

import kz.bilim.territory.KatoCode;
import kz.bilim.identity.Bin;
import kz.bilim.kernel.Text;
import kz.bilim.kernel.ScopeCondition;
import kz.bilim.organisation.Contacts;
import kz.bilim.organisation.Organisation;
import kz.bilim.organisation.OrganisationFilter;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.OrganisationKind;
import kz.bilim.organisation.Ownership;
import kz.bilim.kernel.KatoRange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The organisation table. Every query carries the caller's scope explicitly; row-level security backs it up. */
@Repository
class OrganisationRepository {

    private static final String COLUMNS = """
            o.id, o.bin, o.name_kk, o.name_ru, o.kind, o.ownership, o.kato, o.urban, o.languages, o.shifts,
            o.phone, o.postal_address, o.email, o.website, o.occupancy_norm, o.version
            """;

    private static final String IN_SCOPE = """
            {scope: kato=o.kato, organisation=o.id}
            """;

    private static final String FIND = "select " + COLUMNS + " from organisation o where o.id = :id and " + IN_SCOPE;

    private static final String FILTER = """
             from organisation o
            where %s
              and o.kato between :katoFrom and :katoTo
              and (cast(:kind as text) is null or o.kind = cast(:kind as text))
              and (cast(:ownership as text) is null or o.ownership = cast(:ownership as text))
              and (cast(:language as text) is null or o.languages @> array[cast(:language as text)])
              and (cast(:urban as boolean) is null or o.urban = cast(:urban as boolean))
              and (cast(:query as text) is null
                   or o.bin like cast(:binPrefix as text)
                   or lower(o.name_kk || ' ' || o.name_ru) like cast(:namePattern as text))
            """.formatted(IN_SCOPE);

    private static final String COUNT = "select count(*)" + FILTER;

    private static final String PAGE = "select " + COLUMNS + FILTER + """
             order by case when :kazakh then o.name_kk else o.name_ru end, o.id
             limit :size offset :offset
            """;

    private static final String INSERT = """
            insert into organisation (bin, name_kk, name_ru, kind, ownership, kato, urban, languages, shifts, phone,
                                      postal_address, email, website, occupancy_norm)
            values (:bin, :nameKk, :nameRu, :kind, :ownership, :kato, :urban, string_to_array(:languages, ','), :shifts,
                    :phone, :postalAddress, :email, :website, :occupancyNorm)
            returning id
            """;

    private static final String UPDATE = """
            update organisation o
               set bin = :bin, name_kk = :nameKk, name_ru = :nameRu, kind = :kind, ownership = :ownership,
                   kato = :kato, urban = :urban, languages = string_to_array(:languages, ','), shifts = :shifts,
                   phone = :phone, postal_address = :postalAddress, email = :email, website = :website,
                   occupancy_norm = :occupancyNorm, updated_at = now(), version = o.version + 1
             where o.id = :id and o.version = :version and
            """ + IN_SCOPE;

    private static final String FIND_ALL = "select " + COLUMNS + " from organisation o where o.id in (:ids) and "
            + IN_SCOPE;

    private final JdbcClient jdbc;

    OrganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Organisation> find(OrganisationId id) {
        return ScopeCondition.current().sql(jdbc, FIND).param("id", id.value())
                .query(OrganisationRepository::map).optional();
    }

    /** Many at once, in one query (a page of pupils names its organisations). */
    List<Organisation> findAll(java.util.Collection<OrganisationId> ids) {
        if (ids.isEmpty()) return List.of();
        return ScopeCondition.current().sql(jdbc, FIND_ALL).param("ids", ids.stream().map(OrganisationId::value).toList())
                .query(OrganisationRepository::map).list();
    }

    long count(OrganisationFilter filter) {
        return filtered(COUNT, filter).query(Long.class).single();
    }

    List<Organisation> page(OrganisationFilter filter, boolean kazakh, int page, int size) {
        return filtered(PAGE, filter)
                .param("kazakh", kazakh).param("size", size).param("offset", (long) page * size)
                .query(OrganisationRepository::map).list();
    }

    private JdbcClient.StatementSpec filtered(String sql, OrganisationFilter filter) {
        KatoRange territory = KatoRange.under(filter.kato() == null || filter.kato().isBlank() ? "" : filter.kato());
        String query = filter.query() == null || filter.query().isBlank() ? null : filter.query().trim().toLowerCase();
        return ScopeCondition.current().sql(jdbc, sql)
                .param("katoFrom", territory.first())
                .param("katoTo", territory.last())
                .param("kind", filter.kind() == null ? null : filter.kind().name())
                .param("ownership", filter.ownership() == null ? null : filter.ownership().name())
                .param("language", filter.language())
                .param("urban", filter.urban())
                .param("query", query)
                .param("binPrefix", query == null ? null : Text.escapeLike(query) + "%")
                .param("namePattern", query == null ? null : "%" + Text.escapeLike(query) + "%");
    }

    long insert(Organisation o) {
        return bindAll(jdbc.sql(INSERT), o).query(Long.class).single();
    }

    /**
     * Saves the organisation over the version it was read at ({@code o.version()}); false when it is no longer at
     * that version (a concurrent edit saved first: its row lock makes this one wait, then see the new version).
     */
    boolean update(Organisation o) {
        return bindAll(ScopeCondition.current().sql(jdbc, UPDATE), o).param("id", o.id().value())
                .param("version", o.version()).update() == 1;
    }

    private static JdbcClient.StatementSpec bindAll(JdbcClient.StatementSpec spec, Organisation o) {
        return spec.param("bin", o.bin().value())
                .param("nameKk", o.nameKk())
                .param("nameRu", o.nameRu())
                .param("kind", o.kind().name())
                .param("ownership", o.ownership().name())
                .param("kato", o.kato().value())
                .param("urban", o.urban())
                .param("languages", String.join(",", o.languages()))
                .param("shifts", o.shifts())
                .param("phone", o.contacts().phone())
                .param("postalAddress", o.contacts().postalAddress())
                .param("email", o.contacts().email())
                .param("website", o.contacts().website())
                .param("occupancyNorm", o.occupancyNorm());
    }


    private static Organisation map(ResultSet rs, int row) throws SQLException {
        String[] languages = (String[]) rs.getArray("languages").getArray();
        return new Organisation(new OrganisationId(rs.getLong("id")), new Bin(rs.getString("bin")), rs.getString("name_kk"),
                rs.getString("name_ru"), OrganisationKind.valueOf(rs.getString("kind")),
                Ownership.valueOf(rs.getString("ownership")), new KatoCode(rs.getString("kato")), rs.getBoolean("urban"),
                Arrays.asList(languages), rs.getInt("shifts"),
                new Contacts(rs.getString("phone"), rs.getString("postal_address"), rs.getString("email"),
                        rs.getString("website")),
                rs.getInt("occupancy_norm"), rs.getLong("version"));
    }
}
