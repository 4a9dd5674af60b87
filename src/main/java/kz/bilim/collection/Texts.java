package kz.bilim.collection;

import java.util.Locale;

/** A text in Kazakh, Russian and English (labels of forms, sections, fields and rows). */
public record Texts(String kk, String ru, String en) {

    public String in(Locale locale) {
        String text = switch (locale == null ? "kk" : locale.getLanguage()) {
            case "ru" -> ru;
            case "en" -> en;
            default -> kk;
        };
        return text == null || text.isBlank() ? (ru == null ? kk : ru) : text;
    }

    public boolean complete() {
        return kk != null && !kk.isBlank() && ru != null && !ru.isBlank() && en != null && !en.isBlank();
    }
}
