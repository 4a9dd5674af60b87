package kz.bilim.enrolment;

import kz.bilim.kernel.Outcome;

import java.time.LocalDate;

/**
 * What the pupils' registry holds beyond admission and expulsion, for the statistics indicators (SC-5) among others:
 * a pupil's study form (day, or the evening department of a day school), marks valid from a day with their basis
 * (special educational needs: the PMPK conclusion; orphan, without parental care: the guardianship body's decision;
 * disability: the medical-social examination's certificate), and the graduation that ends an enrolment with its
 * certificate, distinction and the graduate's next step, and the year-end outcome of a school year (promoted,
 * completed the grade, not promoted). Within the caller's scope, audited; a refusal names the
 * field and then nothing was written.
 */
public interface PupilRecords {

    enum Mark { SPECIAL_NEEDS, ORPHAN, WITHOUT_PARENTAL_CARE, DISABILITY }

    enum StudyForm { DAY, EVENING }

    enum Certificate { BASIC, GENERAL }

    enum Distinction { ALTYN_BELGI, HONOURS }

    enum NextStep { CONTINUES_SCHOOL, TVET, HIGHER_EDUCATION, EMPLOYED, NOT_PLACED, UNKNOWN }

    /** The pedagogical council's decision at the end of a school year. */
    enum YearEnd { PROMOTED, COMPLETED, NOT_PROMOTED }

    /**
     * The group of a child in a preschool organisation: by age (nursery 1–2, junior 2–3, middle 3–4, senior 4–5), the
     * pre-school preparation group (5–6, the year before grade 1), mixed-age, or a special group (special educational
     * needs, in a preschool of the general type).
     */
    enum PreschoolGroup { NURSERY, JUNIOR, MIDDLE, SENIOR, PREPARATION, MIXED, SPECIAL }

    /** {@code distinction} null: none; "Altyn belgi" only with the general secondary certificate. */
    record Graduation(LocalDate on, Certificate certificate, String certificateNumber, Distinction distinction,
                      NextStep nextStep) {
    }

    /**
     * The marks the pupil of this enrolment holds on the day (recorded by any school, valid then), within the
     * caller's scope: what another register reads instead of asking for the document again.
     */
    java.util.Set<Mark> marks(EnrolmentId enrolment, LocalDate on);

    /** Marks the pupil of this enrolment from {@code from} (the mark's id). */
    Outcome<Long> mark(EnrolmentId enrolment, Mark mark, String basis, LocalDate from);

    Outcome<EnrolmentId> studyForm(EnrolmentId enrolment, StudyForm form);

    /** Puts the child of this open enrolment at a preschool organisation into a group (refused elsewhere). */
    Outcome<EnrolmentId> preschoolGroup(EnrolmentId enrolment, PreschoolGroup group);

    /**
     * Records the year-end outcome of the pupil of this enrolment for the school year containing {@code on} (once per
     * school year), in the enrolment's grade, with the council's decision as {@code basis}.
     */
    Outcome<EnrolmentId> yearEnd(EnrolmentId enrolment, YearEnd outcome, LocalDate on, String basis);

    /** One pupil's line of a school's year-end record: the enrolment and the council's outcome for it. */
    record YearEndLine(EnrolmentId enrolment, YearEnd outcome) {
    }

    /**
     * Records the year-end outcomes of pupils of one organisation decided on one day by one council decision — the
     * school's whole class at once, all or none: a refused line (named {@code lines[i]}: not a pupil of this
     * organisation, no grade, the day outside its enrolment, recorded already) leaves nothing written. Answers how
     * many were recorded.
     */
    Outcome<Integer> yearEnds(kz.bilim.organisation.OrganisationId organisation, LocalDate on, String basis,
                              java.util.List<YearEndLine> lines);

    /** The outcomes recorded for these enrolments in the school year beginning in {@code schoolYear} (within scope). */
    java.util.Map<EnrolmentId, YearEnd> yearEndsRecorded(java.util.Collection<EnrolmentId> enrolments, int schoolYear);

    /** Ends the open enrolment on the day of graduation and records the certificate. */
    Outcome<EnrolmentId> graduate(EnrolmentId enrolment, Graduation graduation);
}
