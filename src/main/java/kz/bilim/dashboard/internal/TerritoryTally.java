package kz.bilim.dashboard.internal;

/** One row of the dashboard: a territory and what it counts. */
record TerritoryTally(String kato, String name, boolean drillable, long schools, long preschools, long colleges,
                      long classes, long pupils) {

    static TerritoryTally total(java.util.List<TerritoryTally> rows) {
        return new TerritoryTally("", "", false,
                rows.stream().mapToLong(TerritoryTally::schools).sum(),
                rows.stream().mapToLong(TerritoryTally::preschools).sum(),
                rows.stream().mapToLong(TerritoryTally::colleges).sum(),
                rows.stream().mapToLong(TerritoryTally::classes).sum(),
                rows.stream().mapToLong(TerritoryTally::pupils).sum());
    }
}
