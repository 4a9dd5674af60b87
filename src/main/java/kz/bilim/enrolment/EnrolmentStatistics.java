package kz.bilim.enrolment;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/** Counts of pupils for the home dashboard: aggregates only, no personal data, so every signed-in role may read them. */
public interface EnrolmentStatistics {

    /**
     * For each child territory of {@code parentKato} (null: the 20 regions and cities of republican significance):
     * the number of active pupils of organisations there, within the caller's scope, grouped set-based by KATO prefix.
     */
    List<PupilCounts> pupilsByChildTerritory(String parentKato);

    /**
     * Active pupils of each of these organisations within the caller's scope (an organisation outside it, or without
     * pupils, is left out): one grouped count, no personal data. Data collection pre-fills its forms with it (EIS-4).
     */
    java.util.Map<Long, Long> activePupils(java.util.Collection<Long> organisations);

    record PupilCounts(String kato, String nameKk, String nameRu, long pupils) {
    }

    /**
     * SC-4, SC-5: the facts of a statistics snapshot — for the enrolments open on {@code on}, within the caller's
     * scope, one count per organisation and combination of marks (sex, grade, class shift and language, full years of
     * age on the day, nationality). Aggregates only, never a person; streamed, one set-based query.
     */
    void pupilFacts(LocalDate on, Consumer<PupilFact> sink);

    /**
     * {@code shift} 0 and {@code language} null: no class; {@code nationality} UNKNOWN when not recorded;
     * {@code studyForm} DAY or EVENING; the marks valid on the day ({@link PupilRecords}): special educational needs
     * with the PMPK conclusion, orphan or without parental care, disability; {@code preschoolGroup} the group of a
     * preschool child ({@link PupilRecords.PreschoolGroup}), NONE outside preschool groups.
     */
    record PupilFact(long organisationId, String kato, String sex, Integer grade, int shift, String language, int age,
                     String nationality, String studyForm, boolean specialNeeds, boolean orphan, boolean disability,
                     String preschoolGroup, long pupils) {
    }

    /**
     * SC-5: the graduations of the days {@code from}…{@code to} (the school year before a snapshot), one count per
     * organisation and combination of marks — as a pupil's, with the certificate kind (BASIC, GENERAL), the
     * distinction (ALTYN_BELGI, HONOURS, NONE) and the next step; age in full years on {@code ageOn}. Aggregates only.
     */
    void graduationFacts(LocalDate from, LocalDate to, LocalDate ageOn, Consumer<GraduationFact> sink);

    record GraduationFact(long organisationId, String kato, String sex, Integer grade, int shift, String language,
                          int age, String nationality, String studyForm, String certificateKind, String distinction,
                          String nextStep, long graduates) {
    }

    /**
     * SC-5 (indicator 19): the year-end outcomes ({@link PupilRecords.YearEnd}) decided on the days {@code from}…
     * {@code to}, one count per organisation, sex, grade, age in full years on {@code ageOn} and outcome. Aggregates
     * only.
     */
    void yearEndFacts(LocalDate from, LocalDate to, LocalDate ageOn, Consumer<YearEndFact> sink);

    record YearEndFact(long organisationId, String kato, String sex, int grade, int age, String outcome, long pupils) {
    }
}
