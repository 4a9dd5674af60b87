package kz.bilim.child;

import java.time.LocalDate;
import java.util.Map;

/** How many children of a territory are on each of the nine lists (CA-3), on a day. Counts only. */
public record ListCounts(String kato, LocalDate asOf, Map<ChildList, Long> counts) {
}
