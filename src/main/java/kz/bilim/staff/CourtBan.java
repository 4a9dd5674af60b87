package kz.bilim.staff;

import java.time.LocalDate;

/**
 * One ban of a court verdict in force (HB-1): the person, the court and case, the day it came into force, the article
 * of the Criminal Code, what is banned and until when ({@code until} null: for life; a ban for years ends after its
 * last day).
 */
public record CourtBan(CourtBanId id, String iin, String lastName, String firstName, LocalDate birthDate, String court,
                       String caseNumber, LocalDate inForceOn, String article, BanKind kind, String bannedPosition,
                       LocalDate until) {

    public boolean lifelong() {
        return until == null;
    }

    /** As written in a verdict file: {@code PEDAGOGICAL}, {@code WORK_WITH_MINORS}, {@code POSITION:<code>}. */
    public String banned() {
        return kind == BanKind.POSITION ? "POSITION:" + bannedPosition : kind.name();
    }
}
