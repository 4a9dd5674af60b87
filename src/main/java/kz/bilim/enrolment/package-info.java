/**
 * Which person is in which class of which organisation, from when to when (TR-7, TR-10, SC-5): persons (IIN, name,
 * birth date and sex agreeing with the IIN, nationality, citizenship, residence), admission and expulsion by order,
 * never in two organisations at once, the occupancy norm of grades 2–9. Owns the tables {@code person} and
 * {@code enrolment} and the functions {@code bilim_person_id} and {@code bilim_active_pupils_by_prefix}. Public API:
 * {@link kz.bilim.enrolment.Enrolments}, {@link kz.bilim.enrolment.Persons},
 * {@link kz.bilim.enrolment.EnrolmentStatistics}, the events {@link kz.bilim.enrolment.PupilAdmitted} and
 * {@link kz.bilim.enrolment.PupilExpelled}, and for bulk loads (demo data, a restore)
 * {@link kz.bilim.enrolment.BulkEnrolments}. Every read of one person's
 * record is audited; statistics users and the public get no personal data.
 */
package kz.bilim.enrolment;
