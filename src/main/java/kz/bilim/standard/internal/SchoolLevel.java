package kz.bilim.standard.internal;

import kz.bilim.organisation.OrganisationKind;

/** MS-1: the levels of general education a school gives, lowest first — a basic school also gives primary grades. */
public enum SchoolLevel {
    NONE, PRIMARY, BASIC, GENERAL_SECONDARY;

    /**
     * The level a school of this kind gives a settlement's children. Special, boarding and evening schools serve
     * other children (special needs, children from elsewhere, working youth) and do not meet the network norm.
     */
    static SchoolLevel of(OrganisationKind kind) {
        return switch (kind) {
            case PRIMARY_SCHOOL -> PRIMARY;
            case BASIC_SCHOOL -> BASIC;
            case GENERAL_SECONDARY_SCHOOL -> GENERAL_SECONDARY;
            default -> NONE;
        };
    }

    public boolean below(SchoolLevel other) {
        return compareTo(other) < 0;
    }
}
