package kz.bilim.access.internal;

import kz.bilim.access.BilimUser;
import kz.bilim.access.Role;
import kz.bilim.access.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The users table. The scope of each user is derived here, once, from role and territory. */
@Repository
class Users {

    private static final String SELECT = """
            select u.id, u.username, u.password_hash, u.full_name, u.role, u.kato, u.organisation_id, u.locale,
                   u.enabled, t.scope_prefix
              from app_user u
              left join territory t on t.kato = u.scope_kato
            """;

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<BilimUser> byUsername(String username) {
        return jdbc.sql(SELECT + " where u.username = :username")
                .param("username", username)
                .query(Users::map)
                .optional();
    }

    Optional<BilimUser> byId(long id) {
        return jdbc.sql(SELECT + " where u.id = :id").param("id", id).query(Users::map).optional();
    }

    static BilimUser map(ResultSet rs, int row) throws SQLException {
        Role role = Role.valueOf(rs.getString("role"));
        Long organisationId = rs.getObject("organisation_id", Long.class);
        return new BilimUser(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                rs.getString("full_name"), role, scopeOf(role, rs.getString("scope_prefix"), organisationId),
                rs.getString("kato"), organisationId, rs.getString("locale"), rs.getBoolean("enabled"));
    }

    static Scope scopeOf(Role role, String katoPrefix, Long organisationId) {
        return switch (role) {
            case MINISTRY_ADMIN, CONTACT_CENTRE -> Scope.all(true);
            case STATISTICS_ANALYST -> Scope.all(false);
            case REGION_OFFICER, DISTRICT_OFFICER, POLICE_LIAISON -> Scope.territory(katoPrefix);
            case ORGANISATION_ADMIN -> Scope.organisation(organisationId);
            case APPLICANT -> Scope.none();
        };
    }
}
