package kz.bilim.organisation;

import kz.bilim.identity.Bin;
import kz.bilim.territory.KatoCode;
import java.util.List;
import java.util.Locale;

/**
 * An education organisation as the registry holds it. Holds no personal data. {@code version} rises by one with each
 * saved edit: an edit names the version it was made to, and is refused when the record has moved on meanwhile.
 */
public record Organisation(OrganisationId id, Bin bin, String nameKk, String nameRu, OrganisationKind kind,
                           Ownership ownership, KatoCode kato, boolean urban, List<String> languages, int shifts,
                           Contacts contacts, int occupancyNorm, long version) {

    public static final int DEFAULT_OCCUPANCY_NORM = 25;

    public Organisation {
        languages = List.copyOf(languages);
    }

    /** An organisation not yet saved (version 0). */
    public Organisation(OrganisationId id, Bin bin, String nameKk, String nameRu, OrganisationKind kind,
                        Ownership ownership, KatoCode kato, boolean urban, List<String> languages, int shifts,
                        Contacts contacts, int occupancyNorm) {
        this(id, bin, nameKk, nameRu, kind, ownership, kato, urban, languages, shifts, contacts, occupancyNorm, 0);
    }

    /** The same organisation at another version (the one an edit was made to). */
    public Organisation atVersion(long version) {
        return new Organisation(id, bin, nameKk, nameRu, kind, ownership, kato, urban, languages, shifts, contacts,
                occupancyNorm, version);
    }

    /** The name in the reader's language: Kazakh for kk, Russian otherwise. */
    public String name(Locale locale) {
        return "kk".equals(locale.getLanguage()) ? nameKk : nameRu;
    }
}
