package kz.bilim.opendata.internal;

import kz.bilim.calendar.WorkingCalendar;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * OD-1: one period a dataset must be published for — {@code 2026} (yearly), {@code 2026-Q3}, {@code 2026-H1}, or an
 * event's date {@code 2026-03-14} — the day its release is first accepted, and the last day it is in time (its due
 * moment is the end of that day in Almaty).
 */
public record Obligation(String period, LocalDate opens, LocalDate due) {

    public ZonedDateTime dueMoment() {
        return due.atTime(WorkingCalendar.END_OF_DAY).atZone(WorkingCalendar.ZONE);
    }

    boolean openOn(LocalDate day) {
        return !opens.isAfter(day);
    }

    boolean overdueOn(LocalDate day) {
        return day.isAfter(due);
    }
}
