package kz.bilim.territory;

import kz.bilim.kernel.KatoRange;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading the KATO tree. The tree is public knowledge: no scope applies to reading it. */
public interface Territories {

    Optional<Territory> find(String kato);

    /**
     * The territories of these codes, by code, in one query however many codes (for naming the settlements of a
     * page of rows); codes that are not in the tree are left out.
     */
    Map<String, Territory> findAll(Collection<String> katos);

    /**
     * The level below a parent (blank or null: below the whole country), for counts per child territory; empty when
     * the parent does not exist or is a settlement, which has no children.
     *
     * @throws IllegalArgumentException when the parent is given but is not a KATO code
     */
    default Optional<ChildLevel> childLevel(String parentKato) {
        if (parentKato == null || parentKato.isBlank()) return Optional.of(ChildLevel.ofCountry());
        var territory = find(KatoCode.parse(parentKato).value()).orElse(null);
        if (territory == null || territory.level() >= 4) return Optional.empty();
        int prefixLength = switch (territory.level()) {
            case 1 -> 4;
            case 2 -> 6;
            default -> 9;
        };
        return Optional.of(new ChildLevel(territory.kato(), prefixLength, KatoRange.under(territory.scopePrefix())));
    }

    /**
     * The territories of a child level, in code order: the regions below the whole country, the parent's direct
     * children otherwise. Beside counts grouped by {@link ChildLevel#prefixLength()} digits, each child's share is the
     * count of its {@link Territory#scopePrefix()}.
     */
    default List<Territory> children(ChildLevel level) {
        return level.parentKato() == null ? regions() : children(level.parentKato());
    }

    /** The 20 top-level territories: 17 regions and the cities Astana, Almaty and Shymkent. */
    List<Territory> regions();

    /** All direct children, in code order. Prefer the paged variant for lists a person reads. */
    List<Territory> children(String parentKato);

    /** One page (from 0) of the direct children, in code order, with the total count. */
    TerritoryPage children(String parentKato, int page, int size);

    /** The chain from the region down to this territory, the territory itself last; empty when it does not exist. */
    List<Territory> path(String kato);

    /**
     * Territories whose code starts with the text, or whose name (kk or ru) or a word of it starts with the text
     * (case-insensitive, so "қар" finds "Қарағанды облысы" and "с.Карабулак"), at most {@code limit}.
     */
    List<Territory> search(String text, int limit);
}
