/**
 * Hierarchical data collection of the unified education information system (EIS-1…EIS-11): the ministry's forms of
 * the year (sections, fields, validation rules, registry comparisons that raise a query; EIS-4), reporting periods
 * with a deadline per level that the working-day calendar moves off days off (EIS-8), submissions by every
 * organisation — filled once (what a registry knows is pre-filled and marked), signed by the head with a detached CMS
 * signature or received on paper, dated by their arrival at the addressee (EIS-5, EIS-7) — and their path up the
 * hierarchy school → district → region → ministry (EIS-2, EIS-3, EIS-6): accept, return with a comment, set-based
 * consolidation once every participant is accepted, approval that locks, unapproval by the approving level with a
 * reason, lock exceptions with an end date, distortion with its history (EIS-8), the ministry's additional requests
 * (EIS-9) and the final report with completeness and timeliness per level (EIS-10, EIS-11).
 * <p>
 * Public API: {@link kz.bilim.collection.DataCollection} (forms, periods, submissions and their steps, reports) and
 * {@link kz.bilim.collection.CollectedValues} (accepted values by field code and organisation, set-based, for the
 * statistics indicators). Submissions are scoped: a school sees its own, a district its district's.
 */
@org.springframework.modulith.ApplicationModule
package kz.bilim.collection;
