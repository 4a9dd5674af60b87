package kz.bilim.organisation;

import java.time.LocalDate;
import java.time.Clock;

/** A school year, named by the calendar year it starts in (1 September). */
public record AcademicYear(int startYear) {

    public AcademicYear {
        if (startYear < 2000 || startYear > 2100) throw new IllegalArgumentException("organisation.class.year.range");
    }

    /** The school year of today by this clock. */
    public static AcademicYear current(Clock clock) {
        return containing(LocalDate.now(clock));
    }

    public static AcademicYear containing(LocalDate date) {
        return new AcademicYear(date.getMonthValue() >= 9 ? date.getYear() : date.getYear() - 1);
    }

    public LocalDate start() {
        return LocalDate.of(startYear, 9, 1);
    }

    public LocalDate end() {
        return LocalDate.of(startYear + 1, 8, 31);
    }

    @Override
    public String toString() {
        return startYear + "–" + (startYear + 1);
    }
}
