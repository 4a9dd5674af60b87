package kz.bilim.organisation.internal;

import kz.bilim.access.CurrentScope;
import kz.bilim.access.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The caller's scope as query parameters, for the explicit scope condition every query carries (row-level security
 * backs it up): {@code (:scopeAll or kato between :scopeFrom and :scopeTo or organisation_id = :scopeOrg)}.
 * A KATO prefix becomes a code range, which a B-tree index serves.
 */
record SqlScope(boolean all, String from, String to, long organisationId) {

    static SqlScope current() {
        return of(CurrentScope.get());
    }

    static SqlScope of(Scope scope) {
        return switch (scope.kind()) {
            case ALL -> new SqlScope(true, "", "", -1);
            case KATO -> new SqlScope(false, lowest(scope.katoPrefix()), highest(scope.katoPrefix()), -1);
            case ORG -> new SqlScope(false, "", "", scope.organisationId());
            case NONE -> new SqlScope(false, "", "", -1);
        };
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
        return spec.param("scopeAll", all).param("scopeFrom", from).param("scopeTo", to).param("scopeOrg", organisationId);
    }

    /** The first nine-digit code of a subtree. */
    static String lowest(String prefix) {
        return (prefix + "000000000").substring(0, 9);
    }

    /** The last nine-digit code of a subtree. */
    static String highest(String prefix) {
        return (prefix + "999999999").substring(0, 9);
    }
}
