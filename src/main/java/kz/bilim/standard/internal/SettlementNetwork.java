package kz.bilim.standard.internal;

import java.util.Locale;

/**
 * MS-1: one rural settlement's school network — the school-age children (6–17 full years) and the pupils (of them,
 * those enrolled in a school of general education anywhere) living there, the number of schools there and the highest
 * level they give, the level the norm guarantees, and whether the network falls short of it.
 */
public record SettlementNetwork(String kato, String nameKk, String nameRu, long schoolAgeChildren, long pupils,
                                int schools, SchoolLevel offered, SchoolLevel guaranteed) {

    public boolean shortfall() {
        return offered.below(guaranteed);
    }

    public String name(Locale locale) {
        return "kk".equals(locale.getLanguage()) ? nameKk : nameRu;
    }
}
