/**
 * The registry of education organisations (MS-1, MS-9, TR-10): BIN, names in Kazakh and Russian, kind, ownership,
 * KATO settlement, urban or rural, languages of instruction, shifts, contacts and the class occupancy norm (25 by
 * default, MS-9); their classes (grade, letter, language, shift, capacity, academic year); scoped lists and the counts
 * per territory the home dashboard shows. Owns the tables {@code organisation} and {@code school_class}. Public API:
 * {@link kz.bilim.organisation.Organisations}, {@link kz.bilim.organisation.OrganisationStatistics} and, for bulk loads
 * (demo data, a restore), {@link kz.bilim.organisation.BulkOrganisations}; the enrolment module tells it how full each class is through
 * the {@link kz.bilim.organisation.ClassOccupancy} port.
 */
package kz.bilim.organisation;
