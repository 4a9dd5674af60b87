package kz.bilim.kernel;

import java.util.Objects;

/**
 * How much of the country a caller sees: all of it, a KATO subtree (the code prefix of a region, district or rural
 * district), one organisation, or nothing. Its {@link #setting()} is what row-level security reads.
 */
public record Scope(Kind kind, String katoPrefix, Long organisationId, boolean personalData) {

    public enum Kind {ALL, KATO, ORG, NONE}

    public Scope {
        Objects.requireNonNull(kind);
        if (kind == Kind.KATO && (katoPrefix == null || !katoPrefix.matches("[0-9]{2,9}")))
            throw new IllegalArgumentException("A territory scope needs a KATO prefix of 2–9 digits");
        if (kind == Kind.ORG && organisationId == null)
            throw new IllegalArgumentException("An organisation scope needs the organisation");
    }

    public static Scope all(boolean personalData) {
        return new Scope(Kind.ALL, null, null, personalData);
    }

    public static Scope territory(String katoPrefix) {
        return new Scope(Kind.KATO, katoPrefix, null, true);
    }

    public static Scope organisation(long organisationId) {
        return new Scope(Kind.ORG, null, organisationId, true);
    }

    public static Scope none() {
        return new Scope(Kind.NONE, null, null, false);
    }

    /** Whether a record at this KATO code (and organisation, if any) is inside the scope — the rule RLS also applies. */
    public boolean covers(String kato, Long organisation) {
        return switch (kind) {
            case ALL -> true;
            case KATO -> kato != null && kato.startsWith(katoPrefix);
            case ORG -> organisationId.equals(organisation);
            case NONE -> false;
        };
    }

    /** The value of the PostgreSQL setting {@code bilim.scope}. */
    public String setting() {
        return switch (kind) {
            case ALL -> "ALL";
            case KATO -> "KATO:" + katoPrefix;
            case ORG -> "ORG:" + organisationId;
            case NONE -> "NONE";
        };
    }

    /**
     * A SQL-side filter value for territory lists: the KATO prefix to match with {@code like prefix || '%'},
     * '' for the whole country, or null when the scope is one organisation or nothing.
     */
    public String katoFilter() {
        return switch (kind) {
            case ALL -> "";
            case KATO -> katoPrefix;
            default -> null;
        };
    }
}
