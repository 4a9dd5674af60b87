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
    Written write(DataSource owner, NewForm form, NewPeriod period, Iterator<BulkSubmission> submissions);

    /** Removes what a bulk load wrote for organisations with ids in {@code (after, upTo]}. One transaction. */
    void remove(DataSource owner, long organisationIdAfter, long organisationIdUpTo);
}
