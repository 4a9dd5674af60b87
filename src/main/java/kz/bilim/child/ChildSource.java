package kz.bilim.child;

import kz.bilim.organisation.OrganisationKind;
import kz.bilim.organisation.Ownership;

/**
 * The six sources of child accounting (CA-1, seed 000 point 8): four of EMIS — this system's own registry, or imported
 * for organisations whose records are kept elsewhere — and two external registers imported as files.
 */
public enum ChildSource {
    /** CA-1 (1): EMIS data on preschool-age children — state preschool organisations. */
    EMIS_PRESCHOOL,
    /** CA-1 (2): EMIS data on school-age children — state schools. */
    EMIS_SCHOOL,
    /** CA-1 (3): EMIS data on students of TVET organisations (of any ownership). */
    EMIS_TVET,
    /** CA-1 (4): EMIS data on children in non-state (private) preschool and secondary organisations. */
    EMIS_NON_STATE,
    /** CA-1 (5): the Ministry of Justice state database "Individuals", children 0–18 with a registered address. */
    JUSTICE,
    /** CA-1 (6): the Ministry of Labour automated system "Kandas", children of kandases 0–18. */
    KANDAS;

    /** A source of EMIS: its files name the organisation ({@code organisation_bin}) and the {@code grade}. */
    public boolean emis() {
        return this != JUSTICE && this != KANDAS;
    }

    /** The EMIS source an organisation's pupils belong to (CA-1 (1)–(4)); TVET before ownership, then ownership. */
    public static ChildSource of(OrganisationKind kind, Ownership ownership) {
        if (kind == OrganisationKind.TVET_COLLEGE) return EMIS_TVET;
        if (ownership == Ownership.PRIVATE) return EMIS_NON_STATE;
        return kind == OrganisationKind.PRESCHOOL ? EMIS_PRESCHOOL : EMIS_SCHOOL;
    }

    public String messageKey() {
        return "child.source." + name();
    }

    /** The source of this name, or null. */
    public static ChildSource parse(String text) {
        if (text == null) return null;
        for (var s : values()) if (s.name().equalsIgnoreCase(text.trim())) return s;
        return null;
    }
}
