package kz.bilim.staff;

import java.util.Locale;

/**
 * A position of the classifier: whether it is a pedagogue's (Law on the status of a pedagogue) and whether it
 * involves work with minors — the two marks that decide which bans of HB-1 cover it (docs/staff.md).
 */
public record Position(String code, String nameKk, String nameRu, String nameEn, boolean pedagogical,
                       boolean worksWithMinors) {

    public String name(Locale locale) {
        return switch (locale.getLanguage()) {
            case "kk" -> nameKk;
            case "ru" -> nameRu;
            default -> nameEn;
        };
    }
}
