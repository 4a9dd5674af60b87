package kz.bilim.platform.database;

import kz.bilim.kernel.CurrentScope;
import kz.bilim.kernel.SignedIn;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Stamps the caller's scope on each checked-out connection; row-level security policies read it. The role goes with
 * it ({@code bilim.role}: the caller's role, {@code SYSTEM} for a system run, {@code ANONYMOUS} for nobody) for the
 * few registers that are readable by role rather than by territory, such as the court verdicts of HB-1.
 */
@Component
class ScopeConnectionPreparer implements ConnectionPreparer {

    @Override
    public void prepare(Connection connection) throws SQLException {
        var scope = CurrentScope.get();
        String role = CurrentScope.isSystem() ? "SYSTEM" : SignedIn.role().map(Enum::name).orElse("ANONYMOUS");
        try (var statement = connection.prepareStatement(
                "select set_config('bilim.scope', ?, false), set_config('bilim.pii', ?, false), "
                        + "set_config('bilim.role', ?, false)")) {
            statement.setString(1, scope.setting());
            statement.setString(2, scope.personalData() ? "on" : "off");
            statement.setString(3, role);
            statement.execute();
        }
    }
}
