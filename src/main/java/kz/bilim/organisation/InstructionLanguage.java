package kz.bilim.organisation;

import java.util.List;

/** Languages of instruction an organisation or class may declare, as ISO-like codes. */
public final class InstructionLanguage {

    /** Kazakh, Russian, English, Uzbek, Uyghur, Tajik, Turkish, German. */
    public static final List<String> CODES = List.of("kk", "ru", "en", "uz", "ug", "tj", "tr", "de");

    private InstructionLanguage() {
    }

    public static boolean isKnown(String code) {
        return code != null && CODES.contains(code);
    }

    public static String messageKey(String code) {
        return "organisation.language." + code;
    }
}
