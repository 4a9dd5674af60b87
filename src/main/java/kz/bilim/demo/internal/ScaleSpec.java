package kz.bilim.demo.internal;

import kz.bilim.demo.DemoScale;

import java.util.List;

/**
 * The shape of each scale: which top-level territories get data and with what share, how many children, and how far
 * the KATO tree below each territory is spread out.
 */
record ScaleSpec(DemoScale scale, long children, List<Part> parts, int cityAdminsMax, int ruralDistrictsMax,
                 int cityDistrictsMax, int okrugsMin, int okrugsMax, int villagesMin, int villagesMax,
                 boolean everyKind) {

    record Part(String regionCode, double weight) {
    }

    static ScaleSpec of(DemoScale scale) {
        return switch (scale) {
            // two regions, a few districts, ~20 organisations, a few thousand children — one organisation of every kind
            case TINY -> new ScaleSpec(scale, 4_000, List.of(new Part("71", 0.45), new Part("31", 0.55)),
                    1, 1, 2, 2, 2, 3, 3, true);
            // roughly one region: Zhambyl region whole and two districts of Astana
            case REGION -> new ScaleSpec(scale, 350_000, List.of(new Part("31", 0.85), new Part("71", 0.15)),
                    9, 99, 2, 8, 12, 2, 3, false);
            case NATIONAL -> new ScaleSpec(scale, 6_800_000, Geography.REGIONS.stream()
                    .map(r -> new Part(r.code(), r.childWeight())).toList(), 9, 99, 99, 8, 12, 2, 3, false);
        };
    }
}
