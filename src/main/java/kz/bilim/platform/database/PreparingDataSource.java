package kz.bilim.platform.database;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The application pool: each checkout runs the {@link ConnectionPreparer}s, so no connection carries a stale scope. */
final class PreparingDataSource extends DelegatingDataSource implements AutoCloseable {

    private final List<ConnectionPreparer> preparers;

    PreparingDataSource(DataSource target, List<ConnectionPreparer> preparers) {
        super(target);
        this.preparers = List.copyOf(preparers);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return prepared(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return prepared(super.getConnection(username, password));
    }

    private Connection prepared(Connection connection) throws SQLException {
        try {
            for (var preparer : preparers) preparer.prepare(connection);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        if (getTargetDataSource() instanceof AutoCloseable closeable) closeable.close();
    }
}
