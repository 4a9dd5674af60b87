package kz.bilim.territory.internal;

import kz.bilim.territory.Territory;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A territory as a page lists it: the name in the reader's language, the region it lies in, how many children it
 * has and whether it is on the path to the reader's own territory (which the page highlights).
 */
record TerritoryItem(String kato, String name, String otherName, int level, boolean urban, int children,
                     String region, boolean mine) {

    static TerritoryItem of(TerritoryRow row, Locale locale, Set<String> mine, Map<String, Territory> regions) {
        Territory t = row.territory();
        boolean kazakh = "kk".equals(locale.getLanguage());
        Territory region = regions.get(t.kato().substring(0, 2) + "0000000");
        return new TerritoryItem(t.kato(), t.name(locale), kazakh ? t.nameRu() : t.nameKk(), t.level(), t.urban(),
                row.children(), region == null ? "" : region.name(locale), mine.contains(t.kato()));
    }

    /** The locality label: city or village; a region that is not a city is neither (it was shown as a village). */
    public String localityKey() {
        return level == 1 && !urban ? "territory.locality.none" : "territory.urban." + urban;
    }
}
