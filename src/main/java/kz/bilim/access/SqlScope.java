package kz.bilim.access;

import kz.bilim.territory.KatoRange;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The caller's scope as query parameters, for the explicit scope condition every query carries (row-level security
 * backs it up): {@code (:scopeAll or kato between :scopeFrom and :scopeTo or organisation_id = :scopeOrg)}.
 * A KATO prefix becomes a code range ({@link KatoRange}), which a B-tree index serves.
 */
public record SqlScope(boolean all, String from, String to, long organisationId) {

    /** The scope of the work on this thread ({@link CurrentScope#get()}). */
    public static SqlScope current() {
        return of(CurrentScope.get());
    }

    public static SqlScope of(Scope scope) {
        return switch (scope.kind()) {
            case ALL -> new SqlScope(true, "", "", -1);
            case KATO -> {
                KatoRange range = KatoRange.under(scope.katoPrefix());
                yield new SqlScope(false, range.first(), range.last(), -1);
            }
            case ORG -> new SqlScope(false, "", "", scope.organisationId());
            case NONE -> new SqlScope(false, "", "", -1);
        };
    }

    /** Binds {@code scopeAll}, {@code scopeFrom}, {@code scopeTo} and {@code scopeOrg}. */
    public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
        return spec.param("scopeAll", all).param("scopeFrom", from).param("scopeTo", to).param("scopeOrg", organisationId);
    }
}
