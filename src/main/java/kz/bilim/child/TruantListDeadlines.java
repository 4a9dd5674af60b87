package kz.bilim.child;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * CA-4: the monthly truant list (CA-3 (9)) of each district is agreed with the police liaison and placed by the 10th.
 * Which districts in the caller's scope are late with it: a list not placed by its due moment (once it has passed), or
 * placed after it. No personal data: districts, months and moments only.
 */
public interface TruantListDeadlines {

    List<LateList> late();

    /** A district's list past its due moment; {@code placedAt} null: not placed yet. */
    record LateList(long id, String district, YearMonth month, ZonedDateTime due, Instant placedAt, int undecided) {

        /** The month as its readers write it: {@code 11.2026}. */
        public String monthText() {
            return "%02d.%d".formatted(month.getMonthValue(), month.getYear());
        }
    }
}
