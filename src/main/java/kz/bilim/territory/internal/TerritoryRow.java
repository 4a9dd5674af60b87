package kz.bilim.territory.internal;

import kz.bilim.territory.Territory;

/** A territory as a list shows it: with the number of its direct children. */
record TerritoryRow(Territory territory, int children) {
}
