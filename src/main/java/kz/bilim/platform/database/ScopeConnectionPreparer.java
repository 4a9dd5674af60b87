package kz.bilim.platform.database;

import kz.bilim.kernel.CurrentScope;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.SQLException;

/** Stamps the caller's scope on each checked-out connection; row-level security policies read it. */
@Component
class ScopeConnectionPreparer implements ConnectionPreparer {

    @Override
    public void prepare(Connection connection) throws SQLException {
        var scope = CurrentScope.get();
        try (var statement = connection.prepareStatement(
                "select set_config('bilim.scope', ?, false), set_config('bilim.pii', ?, false)")) {
            statement.setString(1, scope.setting());
            statement.setString(2, scope.personalData() ? "on" : "off");
            statement.execute();
        }
    }
}
