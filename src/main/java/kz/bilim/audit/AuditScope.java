package kz.bilim.audit;

import kz.bilim.kernel.Scope;

/**
 * The part of the trail a reader may see, as an explicit filter next to row-level security: the whole country
 * ({@code katoPrefix} ""), a KATO subtree (its code prefix), one organisation, or nothing.
 */
public record AuditScope(String katoPrefix, Long organisationId) {

    public AuditScope {
        if (katoPrefix != null && !katoPrefix.matches("([0-9]{2,9})?"))
            throw new IllegalArgumentException("A territory scope is a KATO prefix of digits");
        if (katoPrefix != null && organisationId != null)
            throw new IllegalArgumentException("A scope is a territory or an organisation, not both");
    }

    public static AuditScope everything() {
        return new AuditScope("", null);
    }

    public static AuditScope territory(String katoPrefix) {
        return new AuditScope(katoPrefix, null);
    }

    public static AuditScope organisation(long organisationId) {
        return new AuditScope(null, organisationId);
    }

    public static AuditScope nothing() {
        return new AuditScope(null, null);
    }

    public boolean isEverything() {
        return "".equals(katoPrefix);
    }

    public boolean isNothing() {
        return katoPrefix == null && organisationId == null;
    }

    /** The same part of the country as a {@link Scope}, for the one way scope conditions are written. */
    public Scope asScope() {
        if (isEverything()) return Scope.all(false);
        if (katoPrefix != null) return Scope.territory(katoPrefix);
        if (organisationId != null) return Scope.organisation(organisationId);
        return Scope.none();
    }
}
