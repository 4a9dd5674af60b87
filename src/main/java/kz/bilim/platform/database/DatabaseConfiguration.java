package kz.bilim.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.List;

/**
 * Two pools on one database. The <em>owner</em> pool (the configured login) runs migrations and bulk COPY loads.
 * The <em>application</em> pool switches every connection to the role {@code bilim_app}, which is subject to
 * row-level security: whatever a query forgets, PostgreSQL still keeps a district officer inside the district.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    static final String APP_ROLE = "bilim_app";

    @Bean
    ConnectionTarget connectionTarget(DatabaseProperties properties) {
        if (properties.external()) {
            return new ConnectionTarget(properties.url(), properties.user(), properties.password());
        }
        var server = EmbeddedDatabase.start(properties.embeddedDataDir(), properties.embeddedPort());
        return new ConnectionTarget(server.getJdbcUrl("postgres", "postgres"), "postgres", null);
    }

    @Bean(destroyMethod = "close")
    @FlywayDataSource
    OwnerDataSource ownerDataSource(ConnectionTarget target) throws SQLException {
        var owner = new OwnerDataSource(pool(target, "bilim-owner", 4, null));
        createApplicationRole(owner);
        return owner;
    }

    /** Takes the owner pool as a parameter only so that the role exists before the first {@code set role}. */
    @Bean(destroyMethod = "close")
    @Primary
    DataSource dataSource(ConnectionTarget target, DatabaseProperties properties, OwnerDataSource owner,
                          List<ConnectionPreparer> preparers) {
        return new PreparingDataSource(pool(target, "bilim-app", properties.poolSize(), "set role " + APP_ROLE), preparers);
    }

    private static HikariDataSource pool(ConnectionTarget target, String name, int size, String initSql) {
        var config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(target.url());
        config.setUsername(target.user());
        config.setPassword(target.password());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.addDataSourceProperty("ApplicationName", name);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        if (initSql != null) config.setConnectionInitSql(initSql);
        return new HikariDataSource(config);
    }

    /** The role exists before any pool hands out a connection that switches to it; idempotent on every start. */
    private static void createApplicationRole(DataSource owner) throws SQLException {
        try (var connection = owner.getConnection(); var statement = connection.createStatement()) {
            statement.execute("""
                    do $$ begin
                      if not exists (select from pg_roles where rolname = 'bilim_app') then
                        create role bilim_app nologin;
                      end if;
                    end $$;
                    grant bilim_app to current_user;
                    """);
        }
    }

    record ConnectionTarget(String url, String user, String password) {
    }
}
