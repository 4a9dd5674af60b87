package kz.bilim.collection;

import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Paged;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The collection of a year's forms up the hierarchy (EIS-1…EIS-11), within the caller's scope: a school sees its own
 * submissions, a district its district's; what lies outside looks missing. Commands answer an {@link Outcome}: done,
 * or a {@link kz.bilim.kernel.Refusal} naming the field and the clause — and then nothing was written. Every step is
 * in the audit trail and in the submission's history.
 */
public interface DataCollection {

    // ---- EIS-4: forms of the year, set by the ministry

    Outcome<Form> defineForm(NewForm form);

    List<Form> forms(Integer year);

    Optional<Form> form(long id);

    /** EIS-4: the printable form (title, sections, fields, rules, deadlines) in Kazakh or Russian. */
    Optional<byte[]> formPdf(long formId, Locale locale);

    Outcome<Period> openPeriod(long formId, NewPeriod period);

    Optional<Period> period(long id);

    List<Period> periods(long formId);

    /** EIS-4, EIS-6: distributes the period to every organisation of the kinds the form applies to; returns how many. */
    Outcome<Integer> publish(long periodId);

    /** EIS-9: defines a one-off form, opens its period and publishes it to the chosen organisations. */
    Outcome<Period> request(AdditionalRequest request);

    // ---- submissions

    record Filter(Long periodId, Level level, SubmissionStatus status, Boolean late, String katoPrefix) {
    }

    /** A page of submissions within the scope, late ones first. */
    Paged<Submission> submissions(Filter filter, int page, int size);

    /** A submission with its values (pre-filled from the registries where the form says so), queries and history. */
    Optional<Draft> submission(long id);

    /**
     * Saves the values (EIS-4: checked against the form; a registry field left out is pre-filled and marked) and the
     * explanations of queries. Refused on a bad value, naming it, or when the submission is not the caller's to fill
     * or no longer editable.
     */
    Outcome<Draft> fill(long id, Map<String, Object> values, Map<String, String> explanations);

    /** EIS-5: the exact bytes an electronic submission's signature must cover — the values as they would be submitted. */
    Optional<byte[]> content(long id);

    /**
     * EIS-5, EIS-7, EIS-8: submits electronically, with the head's detached CMS signature over {@link #content(long)}
     * (a territory's consolidation needs none); the submission date is the moment it arrives; after the deadline it is
     * late.
     */
    Outcome<Submission> submit(long id, byte[] signature);

    /** EIS-5, EIS-7: the addressee records a paper submission with its scan and the day it arrived. */
    Outcome<Submission> receivePaper(long id, PaperSubmission paper, Map<String, Object> values);

    /** EIS-6: the level above accepts — approves and locks. */
    Outcome<Submission> accept(long id);

    /** EIS-6: the level above returns it to be corrected, with a comment. */
    Outcome<Submission> giveBack(long id, String comment);

    /** EIS-6: the level that accepted withdraws its approval, with a reason (not after its own consolidation went up). */
    Outcome<Submission> unapprove(long id, String reason);

    /** EIS-8: an accepted submission found incorrect is marked distorted and returned for a corrected version. */
    Outcome<Submission> markDistorted(long id, String reason);

    /** EIS-6: the level above lets the participant enter and submit after entry closed, until the day given. */
    Outcome<Submission> grantLockException(long id, LocalDate until, String reason);

    /** EIS-6: the caller's territory consolidates the accepted submissions of its participants (all must be). */
    Outcome<Submission> consolidate(long periodId);

    // ---- EIS-1, EIS-8, EIS-10, EIS-11: completeness, timeliness and the final report

    /** Per child territory of the KATO code ('' the country; a district: its organisations), late ones first. */
    List<Completeness> completeness(long periodId, String kato);

    Optional<byte[]> finalReportPdf(long periodId, Locale locale);

    Optional<byte[]> finalReportXlsx(long periodId, Locale locale);
}
