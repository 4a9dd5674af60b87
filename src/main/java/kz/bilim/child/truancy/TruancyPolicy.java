package kz.bilim.child.truancy;

import kz.bilim.calendar.WorkingCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of list (9) and of the police agreement, in one place (CA-3 (9), CA-4; seed 000 point 11). Every day is
 * a fact of the working-day calendar, never arithmetic:
 * <ul>
 * <li>a <b>school day</b> is a working day of the calendar (five-day week, holidays, transfers, decree swaps) that is
 * not in the school holidays of all grades;</li>
 * <li>CA-3 (9): a child is "systematically missing school without a valid reason" in a month when the child has
 * <b>more than {@code bilim.truancy.more-than-days}</b> (default 10) unexcused absences on school days of that month;</li>
 * <li>CA-4: the list formed on the 1st is due placed by the 10th of that month; the 10th on a day off moves to the
 * end of the next working day ({@link WorkingCalendar#deadline}, the rule of EIS-8).</li>
 * </ul>
 */
@Component
public class TruancyPolicy {

    private final WorkingCalendar calendar;
    private final int moreThan;

    TruancyPolicy(WorkingCalendar calendar, @Value("${bilim.truancy.more-than-days:10}") int moreThan) {
        if (moreThan < 0) throw new IllegalArgumentException("bilim.truancy.more-than-days must not be negative");
        this.calendar = calendar;
        this.moreThan = moreThan;
    }

    /** CA-3 (9): more than this many unexcused school days in a month put a child on the month's list. */
    public int moreThan() {
        return moreThan;
    }

    /** A school day: a working day of the calendar outside the school holidays of all grades. */
    public boolean isSchoolDay(LocalDate day) {
        return WorkingCalendar.covers(day) && calendar.isWorkingDay(day) && !calendar.isSchoolHoliday(day);
    }

    /** CA-3 (9): the school days of a month, counted on the calendar. */
    public List<LocalDate> schoolDays(YearMonth month) {
        var days = new ArrayList<LocalDate>();
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1))
            if (isSchoolDay(d)) days.add(d);
        return days;
    }

    /** CA-3 (9): whether so many unexcused school days put the child on the list. */
    public boolean truant(int unexcusedSchoolDays) {
        return unexcusedSchoolDays > moreThan;
    }

    /** The month a list formed on {@code today} counts: the previous month. */
    public YearMonth countedMonth(LocalDate today) {
        return YearMonth.from(today).minusMonths(1);
    }

    /**
     * CA-4: the moment the list of {@code month}'s absences is due placed: the end of the 10th of the next month,
     * or, when the 10th is a day off, the end of the calendar's next working day.
     */
    public ZonedDateTime due(YearMonth month) {
        return calendar.deadline(month.plusMonths(1).atDay(10));
    }
}
