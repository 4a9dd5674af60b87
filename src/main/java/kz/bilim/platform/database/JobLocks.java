package kz.bilim.platform.database;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.sql.DataSource;

/**
 * ShedLock over the {@code shedlock} table (V121), timed by the database's clock: a scheduled job that takes one runs
 * once across every application instance on the database (the truant lists, the snapshot's retake, open data).
 */
public final class JobLocks {

    private JobLocks() {
    }

    public static LockProvider provider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTransactionManager(new DataSourceTransactionManager(dataSource))
                .withTableName("shedlock").usingDbTime().build());
    }

    public static LockingTaskExecutor executor(DataSource dataSource) {
        return new DefaultLockingTaskExecutor(provider(dataSource));
    }
}
