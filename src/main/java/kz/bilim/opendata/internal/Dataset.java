package kz.bilim.opendata.internal;

import java.util.Locale;

/**
 * One dataset of the ministry's open-data list (OD-1): its number in appendix 2, names, update period, deadline, the
 * first year of a period counted every N years, where the portal takes it from (OD-2) and what generates it here.
 */
public record Dataset(int number, String nameKk, String nameRu, Periodicity periodicity, Deadline deadline, Integer firstYear,
               Source source, Producer producer) {

    /** OD-2: the open-data portal's workstation (a file uploaded there) or the state body's API. */
    public enum Source { PORTAL_WORKSTATION, API }

    public String name(Locale locale) {
        return "kk".equals(locale.getLanguage()) ? nameKk : nameRu;
    }

    public boolean generated() {
        return producer != null;
    }
}
