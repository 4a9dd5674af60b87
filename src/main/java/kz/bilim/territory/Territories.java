package kz.bilim.territory;

import java.util.List;
import java.util.Optional;

/** Reading the KATO tree. The tree is public knowledge: no scope applies to reading it. */
public interface Territories {

    Optional<Territory> find(String kato);

    /** The 20 top-level territories: 17 regions and the cities Astana, Almaty and Shymkent. */
    List<Territory> regions();

    List<Territory> children(String parentKato);

    /** The chain from the region down to this territory, the territory itself last. */
    List<Territory> path(String kato);

    /** Territories whose name (kk or ru) starts with the text or whose code starts with it, at most {@code limit}. */
    List<Territory> search(String text, int limit);
}
