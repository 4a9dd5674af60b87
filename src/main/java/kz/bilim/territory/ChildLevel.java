package kz.bilim.territory;

import kz.bilim.kernel.KatoRange;

/**
 * The level right below a parent territory, for counting per child: each child's subtree is the codes that share their
 * first {@code prefixLength} digits (2 for regions, 4 for districts, 6 for rural districts, 9 for settlements), and
 * every child lies in {@code range}, the parent's subtree. {@code parentKato} is null for the whole country, whose
 * children are the regions.
 */
public record ChildLevel(String parentKato, int prefixLength, KatoRange range) {

    /** Below the whole country: the regions and cities of republican significance. */
    public static ChildLevel ofCountry() {
        return new ChildLevel(null, 2, KatoRange.under(""));
    }
}
