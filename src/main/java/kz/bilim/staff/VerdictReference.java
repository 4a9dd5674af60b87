package kz.bilim.staff;

import java.time.LocalDate;

/**
 * A verdict as a refusal or a flag names it — the court, the day it came into force and the case number — without the
 * rest of the register (HB-1: a school head learns which verdict, never the register).
 */
public record VerdictReference(CourtBanId id, String court, LocalDate inForceOn, String caseNumber) {
}
