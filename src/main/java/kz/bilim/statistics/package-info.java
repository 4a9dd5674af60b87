/**
 * Statistics for the Statistics Committee and the ministry (SC-1…SC-5, issue 13): the 5-October snapshots of the
 * registries (frozen, versioned, aggregated facts without any person), the 45 indicators of the appendix computed
 * set-based over a snapshot or live, and the Committee's access regime (register of responsible persons, grants,
 * notices of changes and suspensions). Owns the tables {@code stat_*}. Reads the registries only through their
 * owners' public figures ({@link kz.bilim.organisation.OrganisationStatistics},
 * {@link kz.bilim.enrolment.EnrolmentStatistics}, {@link kz.bilim.staff.StaffFigures}). Public API:
 * {@link kz.bilim.statistics.Indicators}. docs/statistics.md, docs/indicators.md.
 */
@org.springframework.modulith.ApplicationModule
package kz.bilim.statistics;
