package kz.bilim.organisation;

import kz.bilim.identity.Bin;
import kz.bilim.territory.KatoCode;
import java.util.List;
import java.util.Locale;

/** An education organisation as the registry holds it. Holds no personal data. */
public record Organisation(OrganisationId id, Bin bin, String nameKk, String nameRu, OrganisationKind kind,
                           Ownership ownership, KatoCode kato, boolean urban, List<String> languages, int shifts,
                           Contacts contacts, int occupancyNorm) {

    public static final int DEFAULT_OCCUPANCY_NORM = 25;

    public Organisation {
        languages = List.copyOf(languages);
    }

    /** The name in the reader's language: Kazakh for kk, Russian otherwise. */
    public String name(Locale locale) {
        return "kk".equals(locale.getLanguage()) ? nameKk : nameRu;
    }
}
