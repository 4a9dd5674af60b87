package kz.bilim.child.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * CA-2 linkage of a child without IIN: surname and first name folded to one Latin spelling, so that the Kazakh and
 * Russian Cyrillic spellings and the Latin ones meet (Нұрлан, Нурлан, Nurlan, Nūrlan → nurlan; Қасымов, Касымов,
 * Qasymov, Kasymov → kasimov). Vowels that the alphabets tell apart and people do not (ы/і/и/й, ұ/ү/у, ө/о, ә/а) are
 * one letter here, doubled letters one, and the soft and hard signs nothing.
 */
final class NameKey {

    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('ә', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"),
            Map.entry('ғ', "g"), Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('ё', "e"), Map.entry('ж', "zh"),
            Map.entry('з', "z"), Map.entry('и', "i"), Map.entry('й', "i"), Map.entry('к', "k"), Map.entry('қ', "k"),
            Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('ң', "n"), Map.entry('о', "o"),
            Map.entry('ө', "o"), Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"),
            Map.entry('у', "u"), Map.entry('ұ', "u"), Map.entry('ү', "u"), Map.entry('ф', "f"), Map.entry('х', "h"),
            Map.entry('һ', "h"), Map.entry('ц', "ts"), Map.entry('ч', "ch"), Map.entry('ш', "sh"), Map.entry('щ', "sh"),
            Map.entry('ъ', ""), Map.entry('ы', "i"), Map.entry('і', "i"), Map.entry('ь', ""), Map.entry('э', "e"),
            Map.entry('ю', "iu"), Map.entry('я', "ia"));

    private NameKey() {
    }

    static String of(String lastName, String firstName) {
        return fold(lastName) + " " + fold(firstName);
    }

    /** The Cyrillic letters а…я (U+0430…U+044F) as {@link #CYRILLIC} says, by index: no map lookup per letter. */
    private static final String[] BASIC = new String[32];

    static {
        for (char c = '\u0430'; c <= '\u044f'; c++) BASIC[c - '\u0430'] = CYRILLIC.get(c);
    }

    /**
     * One pass per step and no regular expression (a national file folds 13 M names: the regular expressions were
     * most of the file's reading time); the same steps, in the same order, as before and as {@code child_name_fold}
     * (V170; ChildListCountsTest holds the two equal).
     */
    static String fold(String name) {
        if (name == null) return "";
        String lower = name.toLowerCase(Locale.ROOT);
        var latin = new StringBuilder(lower.length() + 4);
        boolean ascii = true;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            String mapped = c >= '\u0430' && c <= '\u044f' ? BASIC[c - '\u0430'] : c > 0x7f ? CYRILLIC.get(c) : null;
            if (mapped != null) latin.append(mapped);
            else if (c == 'ş') latin.append("sh");
            else if (c == 'ç') latin.append("ch");
            else if (c == 'ı') latin.append('i');
            else {
                latin.append(c);
                if (c > 0x7f) ascii = false;
            }
        }
        // ā ū ö ü ñ ğ … lose their marks
        String plain = ascii ? latin.toString() : withoutMarks(Normalizer.normalize(latin, Normalizer.Form.NFD));
        plain = plain.replace("kh", "h").replace("dzh", "zh").replace("j", "zh").replace('q', 'k')
                .replace('w', 'u').replace('y', 'i').replace('x', 'h');
        plain = onlyLatin(plain).replace("iu", "u").replace("ia", "a");
        // doubled letters one
        var single = new StringBuilder(plain.length());
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (single.length() == 0 || single.charAt(single.length() - 1) != c) single.append(c);
        }
        return single.toString();
    }

    private static String withoutMarks(String text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
                    && type != Character.COMBINING_SPACING_MARK) out.append(c);
        }
        return out.toString();
    }

    private static String onlyLatin(String text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z') out.append(c);
        }
        return out.toString();
    }
}
