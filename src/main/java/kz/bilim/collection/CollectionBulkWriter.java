package kz.bilim.collection;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * Bulk loads of collected data, like a restore: the demo generator's forms of the year filled for every organisation,
 * and a benchmark's national period, go through here instead of writing the collection tables themselves. Not for
 * users: no scope, no audit, no checks of the rules (the values must already keep them); one transaction as the
 * schema owner, so a failed load leaves nothing. Submitted versions are recorded as received on paper (a bulk load
 * signs nothing), with the step history they imply.
 */
public interface CollectionBulkWriter {

    /**
     * One organisation's submission: where it is, how many versions were submitted (0: never), when the last reached
     * the addressee, whether the first was late, how often it was returned and marked distorted, and its values by
     * {@code field} or {@code field.ROW} (numbers; texts by the same keys).
     */
    record BulkSubmission(long organisationId, String kato, SubmissionStatus status, int version, Instant arrivedAt,
                          boolean late, int returns, int distortions, String comment, Map<String, BigDecimal> numbers,
                          Map<String, String> texts) {
    }

    record Written(long formId, long periodId, long submissions, long values, long millis) {
    }

    /**
     * Defines the form of the year (or takes the one of that code and year), opens and publishes its period (or takes
     * it), and writes the submissions set-based.
     */
    default Written write(DataSource owner, NewForm form, NewPeriod period, Iterator<BulkSubmission> submissions) {
        return write(owner, form, period, submissions, false);
    }

    /**
     * The same; with {@code upTheHierarchy}, the levels above then take the period as their officers would have
     * (EIS-6), set-based, one statement per level and table: every district whose organisations are all accepted
     * consolidates (the sums of its accepted organisations' values) and submits to its region, which accepts; every
     * region whose organisations are all accepted likewise to the ministry; and when every organisation of the period
     * is accepted, the ministry forms the national consolidation (the final report's, EIS-10). Each territory's
     * arrival falls in the days before its deadline, a few after it (late, EIS-8); about one in ten was returned
     * once by the level above. Bulk consolidations are recorded without a signature (a bulk load signs nothing).
     */
    Written write(DataSource owner, NewForm form, NewPeriod period, Iterator<BulkSubmission> submissions,
                  boolean upTheHierarchy);

    /** Removes what a bulk load wrote for organisations with ids in {@code (after, upTo]}. One transaction. */
    void remove(DataSource owner, long organisationIdAfter, long organisationIdUpTo);
}
