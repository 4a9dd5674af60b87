package kz.bilim.platform.database;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;

/**
 * Connections as the owner of the schema, not subject to row-level security. Only for migrations, bulk loads and
 * system jobs that work on the whole country by design; everything a user asks for goes through the primary pool.
 */
public final class OwnerDataSource extends DelegatingDataSource implements AutoCloseable {

    OwnerDataSource(DataSource target) {
        super(target);
    }

    @Override
    public void close() throws Exception {
        if (getTargetDataSource() instanceof AutoCloseable closeable) closeable.close();
    }
}
