package kz.bilim.collection;

import java.time.LocalDate;

/** A reporting period of a form: its label ("2026", "2026-Q1"), what it covers and each level's deadline. */
public record NewPeriod(String label, LocalDate startsOn, LocalDate endsOn, Period.Deadlines due) {
}
