package kz.bilim.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * School holidays set by the minister's order for an academic year ({@code academicYear} is the year it starts:
 * 2025 means 2025-2026). {@code grades} is {@code ALL}, or a single grade such as {@code 1} for the first grade's
 * extra February week.
 */
public record SchoolHolidayPeriod(long id, int academicYear, LocalizedName name, LocalDate firstDay, LocalDate lastDay,
                                  String grades, String note) {

    public static final String ALL_GRADES = "ALL";

    public SchoolHolidayPeriod {
        Objects.requireNonNull(name);
        Objects.requireNonNull(firstDay);
        Objects.requireNonNull(lastDay);
        if (lastDay.isBefore(firstDay)) throw new IllegalArgumentException("last day before first day");
        grades = grades == null || grades.isBlank() ? ALL_GRADES : grades;
    }

    public static SchoolHolidayPeriod of(int academicYear, LocalizedName name, LocalDate firstDay, LocalDate lastDay,
                                         String grades) {
        return new SchoolHolidayPeriod(0, academicYear, name, firstDay, lastDay, grades, null);
    }

    public boolean includes(LocalDate date) {
        return !date.isBefore(firstDay) && !date.isAfter(lastDay);
    }

    public boolean forAllGrades() {
        return ALL_GRADES.equals(grades);
    }

    public boolean appliesTo(int grade) {
        return forAllGrades() || grades.equals(Integer.toString(grade));
    }
}
