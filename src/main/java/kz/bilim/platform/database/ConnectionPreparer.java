package kz.bilim.platform.database;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Prepares every connection the application pool hands out, before the caller's first statement. The access module
 * uses it to stamp the caller's scope onto the connection for row-level security.
 */
@FunctionalInterface
public interface ConnectionPreparer {

    void prepare(Connection connection) throws SQLException;
}
