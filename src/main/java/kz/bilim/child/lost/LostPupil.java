package kz.bilim.child.lost;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One case of the "left and not arrived" list: the child (of the single database), the school that let them go and
 * when, the whole school days since, the officer who owns the case, and how it was closed. Personal data: read only
 * through {@link TracingLostPupils}, which audits every read.
 */
public record LostPupil(long id, long childId, String iin, String lastName, String firstName, String patronymic,
                        LocalDate birthDate, String kato, long schoolId, String schoolKato, LocalDate leftOn,
                        int schoolDaysSince, String owner, Instant takenAt, Instant closedAt, String closedBy,
                        LostPupilPolicy.CloseReason closeReason, String closeNote) {

    public String fullName() {
        return lastName + " " + firstName + (patronymic == null ? "" : " " + patronymic);
    }

    public boolean closed() {
        return closedAt != null;
    }

    /** Whether the case is {@code username}'s. */
    public boolean ownedBy(String username) {
        return owner != null && owner.equals(username);
    }

    LostPupil since(int days) {
        return new LostPupil(id, childId, iin, lastName, firstName, patronymic, birthDate, kato, schoolId, schoolKato,
                leftOn, days, owner, takenAt, closedAt, closedBy, closeReason, closeNote);
    }
}
