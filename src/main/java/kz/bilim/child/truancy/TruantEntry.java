package kz.bilim.child.truancy;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A child on a district's truant list (CA-3 (9)): the unexcused school days counted, and the police liaison's
 * decision (CA-4): {@code AGREED}, or {@code COMMENTED} with the comment (the child is then not on the agreed list).
 */
public record TruantEntry(long listId, long childId, String iin, String lastName, String firstName, String patronymic,
                          LocalDate birthDate, String kato, Long organisationId, int unexcusedDays, Decision decision,
                          String comment, String decidedBy, Instant decidedAt) {

    public enum Decision {
        AGREED, COMMENTED;

        public String messageKey() {
            return "truancy.decision." + name();
        }
    }

    public String fullName() {
        return lastName + " " + firstName + (patronymic == null ? "" : " " + patronymic);
    }
}
