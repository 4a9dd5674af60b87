package kz.bilim.calendar;

import java.util.Locale;
import java.util.Objects;

/** A name in the three languages of the system: Kazakh (the state language), Russian and English. */
public record LocalizedName(String kk, String ru, String en) {

    private static final LocalizedName TRANSFERRED = new LocalizedName("ауыстырылған", "перенос", "transferred");

    public LocalizedName {
        Objects.requireNonNull(kk);
        Objects.requireNonNull(ru);
        Objects.requireNonNull(en);
    }

    /** The name in the language of the locale; Kazakh unless Russian or English is asked for. */
    public String in(Locale locale) {
        return switch (locale == null ? "kk" : locale.getLanguage()) {
            case "ru" -> ru;
            case "en" -> en;
            default -> kk;
        };
    }

    /** The name of a holiday's day off moved off a weekend, e.g. "New Year (transferred)". */
    public LocalizedName transferred() {
        return new LocalizedName(kk + " (" + TRANSFERRED.kk + ")", ru + " (" + TRANSFERRED.ru + ")",
                en + " (" + TRANSFERRED.en + ")");
    }
}
