package kz.bilim.staff;

import java.time.LocalDate;

/** The end of a contract by order: the last day of work, the order number and the reason. */
public record Dismissal(LocalDate date, String order, String reason) {
}
