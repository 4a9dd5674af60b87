package kz.bilim.territory;

/**
 * A KATO code: nine digits {@code AB CD EF HIJ} — region, district, rural district, settlement. A region's own code
 * is {@code AB0000000}. The level of a code is read from which groups are zero.
 */
public record KatoCode(String value) {

    public KatoCode {
        if (value == null || !value.matches("[0-9]{9}"))
            throw new IllegalArgumentException("territory.kato.format");
        if (value.startsWith("00")) throw new IllegalArgumentException("territory.kato.format");
    }

    public static KatoCode parse(String text) {
        return new KatoCode(text == null ? null : text.trim());
    }

    /** 1 region (or city of republican significance), 2 district, 3 rural district or town, 4 settlement. */
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

    @Override
    public String toString() {
        return value;
    }
}
