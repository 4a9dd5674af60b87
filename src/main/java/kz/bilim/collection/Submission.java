package kz.bilim.collection;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One participant's submission of a period: who (an organisation, or a district, region or the ministry by its KATO
 * code), to whom ({@code addresseeKato}), where it is, how many versions were submitted, how the last one came
 * (electronic, paper, consolidated), when it reached the addressee (EIS-7), whether it was late (EIS-8), whether it is
 * marked distorted, the deadline, the values of its current version and its history.
 */
public record Submission(long id, long periodId, Level level, Long organisationId, String kato, String addresseeKato,
                         SubmissionStatus status, int version, String channel, Instant arrivedAt, Boolean late,
                         boolean distorted, int distortions, int returns, String comment, Instant deadline,
                         Instant entryClosesAt, java.time.LocalDate lockExceptionUntil, List<Value> values,
                         List<Step> history) {

    public Submission {
        values = values == null ? List.of() : List.copyOf(values);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** One value: a field (and a table's row, '' otherwise), a number or a text, pre-filled from a registry or not. */
    public record Value(String field, String row, BigDecimal number, String text, boolean prefilled,
                        String explanation) {
    }

    /** One step of the submission's path (also in the audit trail). */
    public record Step(String action, int version, String actor, Instant at, String comment) {
    }

    public Submission withoutDetail() {
        return new Submission(id, periodId, level, organisationId, kato, addresseeKato, status, version, channel,
                arrivedAt, late, distorted, distortions, returns, comment, deadline, entryClosesAt, lockExceptionUntil,
                List.of(), List.of());
    }
}
