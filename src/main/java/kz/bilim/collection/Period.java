package kz.bilim.collection;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A reporting period of a form with the deadline of each level (the day as set; the calendar moves one that falls
 * on a day off to the end of the next working day, EIS-8), published to its participants or not yet.
 */
public record Period(long id, long formId, String label, LocalDate startsOn, LocalDate endsOn, Deadlines due,
                     Instant publishedAt) {

    /** The day each level must submit by; the ministry's is the day of the final report. */
    public record Deadlines(LocalDate organisation, LocalDate district, LocalDate region, LocalDate ministry) {

        public LocalDate of(Level level) {
            return switch (level) {
                case ORGANISATION -> organisation;
                case DISTRICT -> district;
                case REGION -> region;
                case MINISTRY -> ministry;
            };
        }
    }
}
