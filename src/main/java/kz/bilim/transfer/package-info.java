/**
 * The transfer of a pupil between schools as a public service (TR-1…TR-18): the application of TR-18 filled from the
 * registries and signed by the parent on the portal (a detached CMS signature whose certificate names the applicant's
 * IIN, TR-17) or taken on paper at the school (TR-2); the windows (school holidays with the four exceptions of TR-1,
 * 1–31 August for grades 10–11, TR-12); the terms on the working-day calendar (TR-13, TR-14); the receiving school's
 * notification signed with its key or its motivated refusal on one of the seven grounds of TR-16 with the refusal
 * receipt (TR-4, TR-18); the arrival and departure coupons of the paper route and the admission/expulsion that moves
 * the enrolment in one transaction (TR-5…TR-8); every stage recorded for the monitoring system (TR-9); the occupancy
 * norm (TR-10, through the enrolment module); foreigners marked (TR-11); the notices of a change of rules (TR-3).
 * Owns the tables {@code transfer_application}, {@code transfer_stage}, {@code transfer_document},
 * {@code transfer_rule_change} and {@code transfer_rule_notice}. Public API: {@link kz.bilim.transfer.Transfers} and
 * {@link kz.bilim.transfer.RuleNotices}. Design and what is left: docs/transfer.md.
 */
package kz.bilim.transfer;
