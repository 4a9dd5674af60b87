package kz.bilim.territory;

import java.util.ArrayList;
import java.util.List;

/**
 * A KATO code: nine digits {@code AB CD EF HIJ} — region, district, rural district, settlement. A region's own code
 * is {@code AB0000000}. The level of a code is read from which groups are zero (CA-2).
 */
public record KatoCode(String value) {

    /** The message key of the one reason a text is not a KATO code. */
    public static final String FORMAT_REASON = "territory.kato.format";

    public KatoCode {
        if (!isWellFormed(value)) throw new IllegalArgumentException(FORMAT_REASON);
    }

    public static KatoCode parse(String text) {
        return new KatoCode(text == null ? null : text.trim());
    }

    /** Nine digits, not starting with {@code 00} (no region has code 00). */
    public static boolean isWellFormed(String text) {
        if (text == null || text.length() != 9 || text.startsWith("00")) return false;
        for (int i = 0; i < 9; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    /**
     * 1 region (or city of republican significance) {@code AB0000000}, 2 district or city administration
     * {@code ABCD00000}, 3 rural district or town {@code ABCDEF000}, 4 settlement (anything else).
     */
    public int level() {
        if (value.substring(2).equals("0000000")) return 1;
        if (value.substring(4).equals("00000")) return 2;
        if (value.substring(6).equals("000")) return 3;
        return 4;
    }

    /** The code of the region this territory lies in. */
    public KatoCode region() {
        return new KatoCode(value.substring(0, 2) + "0000000");
    }

    /** The digits every code of this subtree starts with. */
    public String scopePrefix() {
        return value.substring(0, switch (level()) {
            case 1 -> 2;
            case 2 -> 4;
            case 3 -> 6;
            default -> 9;
        });
    }

    /**
     * The codes that may be this territory's parent, nearest first: {@code ABCDEF000}, {@code ABCD00000},
     * {@code AB0000000} — those above this code's level, without repeats. The parent is the first of them that
     * exists: a settlement with no rural district of its own hangs directly under its district (or region).
     */
    public List<KatoCode> ancestors() {
        List<KatoCode> result = new ArrayList<>(3);
        int level = level();
        if (level == 4) add(result, value.substring(0, 6) + "000");
        if (level >= 3) add(result, value.substring(0, 4) + "00000");
        if (level >= 2) add(result, value.substring(0, 2) + "0000000");
        return List.copyOf(result);
    }

    private void add(List<KatoCode> codes, String code) {
        if (!code.equals(value) && codes.stream().noneMatch(c -> c.value.equals(code))) codes.add(new KatoCode(code));
    }

    /** Whether this code lies in the subtree of the other (or is it). */
    public boolean isWithin(KatoCode other) {
        return value.startsWith(other.scopePrefix());
    }

    @Override
    public String toString() {
        return value;
    }
}
