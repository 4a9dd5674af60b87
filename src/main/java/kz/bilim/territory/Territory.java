package kz.bilim.territory;

import java.util.Locale;

/** One node of the KATO tree. */
public record Territory(String kato, String parentKato, int level, String nameKk, String nameRu, boolean urban,
                        String scopePrefix) {

    /** The name in the reader's language: Kazakh for kk, Russian for ru and en (KATO has no English names). */
    public String name(Locale locale) {
        return "kk".equals(locale.getLanguage()) ? nameKk : nameRu;
    }
}
