package kz.bilim.kernel;

/**
 * The nine-digit codes of one KATO subtree as a closed range {@code [first, last]}: a code prefix ({@code "75"},
 * {@code "7510"}, …, {@code ""} for the whole country) becomes {@code 750000000 … 759999999}, which a B-tree index on
 * the code serves with {@code kato between :first and :last}.
 */
public record KatoRange(String first, String last) {

    /** The codes that start with the prefix (up to nine digits; {@code ""} is the whole country). */
    public static KatoRange under(String prefix) {
        return new KatoRange((prefix + "000000000").substring(0, 9), (prefix + "999999999").substring(0, 9));
    }
}
