package kz.bilim.enrolment;

import java.time.LocalDate;

/** An expulsion order to carry out (TR-7): the last day in the organisation and the order number. */
public record Expulsion(LocalDate date, String expulsionOrder) {
}
