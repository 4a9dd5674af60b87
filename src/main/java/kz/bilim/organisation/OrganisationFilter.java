package kz.bilim.organisation;

/**
 * Filters of the organisation list; null means "any". {@code kato} selects a territory subtree, {@code query} a part
 * of the name (kk or ru) or the beginning of the BIN.
 */
public record OrganisationFilter(String kato, OrganisationKind kind, Ownership ownership, String language,
                                 Boolean urban, String query) {

    public static OrganisationFilter any() {
        return new OrganisationFilter(null, null, null, null, null, null);
    }
}
