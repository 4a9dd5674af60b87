/**
 * The KATO classifier: region → district → rural district → settlement, names in Kazakh and Russian, urban or
 * rural (CA-2, SC-5). Every territorial scope of the system is a subtree of this tree. Other modules read it through
 * {@link kz.bilim.territory.Territories}, {@link kz.bilim.territory.KatoCode}, {@link kz.bilim.kernel.KatoRange}
 * (a subtree as a code range) and {@link kz.bilim.territory.ChildLevel} (the level below a parent, for counts per child
 * territory); it owns the table {@code territory}, and {@link kz.bilim.territory.BulkTerritories} writes territories in bulk (demo data, a restore). Inside,
 * the module imports the Bureau of National Statistics' classifier from CSV (docs/kato-import.md)
 * and serves the browse and search pages and the {@code /api/v1/territories} API.
 */
package kz.bilim.territory;
