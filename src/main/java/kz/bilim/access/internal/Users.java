package kz.bilim.access.internal;

import kz.bilim.kernel.ScopeCondition;
import kz.bilim.access.UserId;
import kz.bilim.kernel.Text;
import kz.bilim.access.BilimUser;
import kz.bilim.kernel.Role;
import kz.bilim.kernel.Scope;
import kz.bilim.access.UserAccount;
import kz.bilim.access.UserQuery;
import kz.bilim.territory.KatoCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The users table. The scope of each user is derived here, once, from role and territory (the territory's subtree,
 * {@link KatoCode#scopePrefix()}). Lists carry an explicit scope condition as well as row-level security; conditions
 * are fixed fragments, values are always parameters.
 */
@Repository
class Users {

    static final String SELECT = """
            select u.id, u.username, u.password_hash, u.full_name, u.role, u.kato, u.organisation_id, u.locale,
                   u.enabled, u.session_version, u.scope_kato, u.iin
              from app_user u
            """;

    private static final String SELECT_ACCOUNT = """
            select u.id, u.username, u.full_name, u.role, u.scope_kato, u.organisation_id, u.kato, u.locale,
                   u.enabled, u.created_at
              from app_user u
            """;

    private static final String COUNT = "select count(*) from app_user u";

    private static final String BY_ROLE = "u.role = :role";
    private static final String IN_TERRITORY = "u.kato like :territoryPrefix";
    private static final String BY_TEXT = "(u.username like :text or lower(u.full_name) like :text)";
    private static final String BY_ENABLED = "u.enabled = :enabled";

    private static final String INSERT = """
            insert into app_user (username, password_hash, full_name, role, scope_kato, organisation_id, kato, locale, enabled)
            values (:username, :hash, :fullName, :role, :scopeKato, :organisationId, :kato, :locale, :enabled)
            returning id
            """;

    private static final String UPDATE = """
            update app_user
               set full_name = :fullName, role = :role, scope_kato = :scopeKato, organisation_id = :organisationId,
                   kato = :kato, locale = :locale, enabled = :enabled,
                   -- what the account may reach changed: its sessions end (the name or language alone keeps them)
                   session_version = session_version
                       + case when (role, scope_kato, organisation_id, kato, enabled)
                                   is distinct from (:role, :scopeKato, :organisationId, :kato, :enabled)
                              then 1 else 0 end
             where id = :id
            """;

    /** An account's tokens lie where the account lies. */
    private static final String MOVE_TOKENS = """
            update api_token set kato = :kato, organisation_id = :organisationId where user_id = :id
            """;

    private static final String UPDATE_LOCALE = "update app_user set locale = :locale where id = :id";
    /** The accounts of an organisation, and their tokens, lie where the organisation lies. */
    private static final String FOLLOW_ORGANISATION = """
            with moved as (update app_user set kato = :kato where organisation_id = :organisation returning id)
            update api_token set kato = :kato where user_id in (select id from moved)
            """;

    private static final String UPDATE_PROFILE = "update app_user set full_name = :fullName, locale = :locale where id = :id";

    private static final String UPDATE_PASSWORD = """
            update app_user set password_hash = :hash, session_version = session_version + 1 where id = :id
            """;

    private static final String USERNAME_TAKEN = "select exists (select 1 from app_user where username = :username)";

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<BilimUser> byUsername(String username) {
        return jdbc.sql(SELECT + " where u.username = :username")
                .param("username", username)
                .query(this::map)
                .optional();
    }

    Optional<BilimUser> byId(long id) {
        return jdbc.sql(SELECT + " where u.id = :id").param("id", id).query(this::map).optional();
    }

    /** An account within the scope (and row-level security) of the caller. */
    Optional<UserAccount> account(long id, Scope scope) {
        var where = new ArrayList<>(List.of("u.id = :id"));
        var params = new HashMap<String, Object>();
        params.put("id", id);
        scopeCondition(scope, where, params);
        return jdbc.sql(SELECT_ACCOUNT + " where " + String.join(" and ", where)).params(params)
                .query(Users::account).optional();
    }

    List<UserAccount> search(UserQuery query, String territoryPrefix, Scope scope) {
        var params = new HashMap<String, Object>();
        String where = where(query, territoryPrefix, scope, params);
        params.put("limit", query.size());
        params.put("offset", query.offset());
        return jdbc.sql(SELECT_ACCOUNT + where + " order by u.username limit :limit offset :offset")
                .params(params).query(Users::account).list();
    }

    long count(UserQuery query, String territoryPrefix, Scope scope) {
        var params = new HashMap<String, Object>();
        return jdbc.sql(COUNT + where(query, territoryPrefix, scope, params)).params(params).query(Long.class).single();
    }

    boolean usernameTaken(String username) {
        return jdbc.sql(USERNAME_TAKEN).param("username", username).query(Boolean.class).single();
    }

    long insert(NewAccount account) {
        return jdbc.sql(INSERT)
                .param("username", account.username())
                .param("hash", account.passwordHash())
                .param("fullName", account.fullName())
                .param("role", account.role().name())
                .param("scopeKato", account.scopeKato())
                .param("organisationId", account.organisationId())
                .param("kato", account.kato())
                .param("locale", account.locale())
                .param("enabled", account.enabled())
                .query(Long.class).single();
    }

    boolean update(long id, NewAccount account) {
        int rows = jdbc.sql(UPDATE)
                .param("id", id)
                .param("fullName", account.fullName())
                .param("role", account.role().name())
                .param("scopeKato", account.scopeKato())
                .param("organisationId", account.organisationId())
                .param("kato", account.kato())
                .param("locale", account.locale())
                .param("enabled", account.enabled())
                .update();
        jdbc.sql(MOVE_TOKENS).param("id", id).param("kato", account.kato())
                .param("organisationId", account.organisationId()).update();
        return rows == 1;
    }

    boolean updateLocale(long id, String locale) {
        return jdbc.sql(UPDATE_LOCALE).param("id", id).param("locale", locale).update() == 1;
    }

    void followOrganisation(long organisation, String kato) {
        jdbc.sql(FOLLOW_ORGANISATION).param("organisation", organisation).param("kato", kato).update();
    }

    boolean updateProfile(long id, String fullName, String locale) {
        return jdbc.sql(UPDATE_PROFILE).param("id", id).param("fullName", fullName).param("locale", locale)
                .update() == 1;
    }

    boolean updatePosition(long id, String position) {
        return jdbc.sql("update app_user set position = :position where id = :id").param("id", id)
                .param("position", position).update() == 1;
    }

    boolean updatePassword(long id, String hash) {
        return jdbc.sql(UPDATE_PASSWORD).param("id", id).param("hash", hash).update() == 1;
    }

    /** What is written to the table: a checked account with its password already hashed (null when not changed). */
    record NewAccount(String username, String passwordHash, String fullName, Role role, String scopeKato,
                      Long organisationId, String kato, String locale, boolean enabled) {

        NewAccount withUsername(String name) {
            return new NewAccount(name, passwordHash, fullName, role, scopeKato, organisationId, kato, locale, enabled);
        }

        NewAccount withHash(String hash) {
            return new NewAccount(username, hash, fullName, role, scopeKato, organisationId, kato, locale, enabled);
        }
    }

    private static String where(UserQuery query, String territoryPrefix, Scope scope, Map<String, Object> params) {
        List<String> where = new ArrayList<>();
        scopeCondition(scope, where, params);
        if (query.role() != null) {
            where.add(BY_ROLE);
            params.put("role", query.role().name());
        }
        if (territoryPrefix != null) {
            where.add(IN_TERRITORY);
            params.put("territoryPrefix", territoryPrefix + "%");
        }
        if (query.text() != null) {
            where.add(BY_TEXT);
            params.put("text", "%" + Text.escapeLike(query.text().toLowerCase()) + "%");
        }
        if (query.enabled() != null) {
            where.add(BY_ENABLED);
            params.put("enabled", query.enabled());
        }
        return where.isEmpty() ? "" : " where " + String.join(" and ", where);
    }

    private static void scopeCondition(Scope scope, List<String> where, Map<String, Object> params) {
        var condition = ScopeCondition.of(scope);
        where.add(condition.expand("{scope: kato=u.kato, organisation=u.organisation_id}"));
        params.putAll(condition.params());
    }


    /** The signed-in user, whose territorial scope is the subtree of the territory the role is bound to. */
    BilimUser map(ResultSet rs, int row) throws SQLException {
        Role role = Role.valueOf(rs.getString("role"));
        Long organisationId = rs.getObject("organisation_id", Long.class);
        // the subtree of the territory (a foreign key): its code prefix, as the territory module derives it from the code
        String scopeKato = rs.getString("scope_kato");
        String scopePrefix = scopeKato == null ? null : KatoCode.parse(scopeKato).scopePrefix();
        return new BilimUser(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                rs.getString("full_name"), role, scopeOf(role, scopePrefix, organisationId),
                rs.getString("kato"), organisationId, rs.getString("locale"), rs.getBoolean("enabled"),
                rs.getInt("session_version"), rs.getString("iin"));
    }

    private static UserAccount account(ResultSet rs, int row) throws SQLException {
        return new UserAccount(new UserId(rs.getLong("id")), rs.getString("username"), rs.getString("full_name"),
                Role.valueOf(rs.getString("role")), rs.getString("scope_kato"),
                rs.getObject("organisation_id", Long.class), rs.getString("kato"), rs.getString("locale"),
                rs.getBoolean("enabled"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    static Scope scopeOf(Role role, String katoPrefix, Long organisationId) {
        return switch (role) {
            case MINISTRY_ADMIN -> Scope.all(true);
            case CONTACT_CENTRE -> Scope.all(false);
            case STATISTICS_ANALYST -> Scope.all(false);
            case REGION_OFFICER, DISTRICT_OFFICER, POLICE_LIAISON -> Scope.territory(katoPrefix);
            case ORGANISATION_ADMIN -> Scope.organisation(organisationId);
            case APPLICANT -> Scope.none();
        };
    }
}
