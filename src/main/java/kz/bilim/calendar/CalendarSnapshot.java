package kz.bilim.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The calendar data as loaded, with the days off that follow from the law computed once: holidays and the weekend
 * transfer rule. Immutable; {@link WorkingCalendar} swaps in a new one when the data change.
 */
final class CalendarSnapshot {

    private final List<PublicHoliday> holidays;
    private final List<DaySwap> swaps;
    private final List<SchoolHolidayPeriod> schoolHolidays;
    private final Map<LocalDate, CalendarDay> daysOffByLaw;
    private final Map<LocalDate, DaySwap> swapsByDate;

    private CalendarSnapshot(Collection<PublicHoliday> holidays, Collection<DaySwap> swaps,
                             Collection<SchoolHolidayPeriod> schoolHolidays) {
        this.holidays = holidays.stream().sorted(Comparator.comparing(PublicHoliday::date)).toList();
        this.swaps = swaps.stream().sorted(Comparator.comparing(DaySwap::date)).toList();
        this.schoolHolidays = schoolHolidays.stream().sorted(Comparator.comparing(SchoolHolidayPeriod::firstDay)).toList();
        this.daysOffByLaw = daysOffByLaw(this.holidays);
        this.swapsByDate = this.swaps.stream().collect(Collectors.toUnmodifiableMap(DaySwap::date, Function.identity()));
    }

    static CalendarSnapshot of(Collection<PublicHoliday> holidays, Collection<DaySwap> swaps,
                               Collection<SchoolHolidayPeriod> schoolHolidays) {
        return new CalendarSnapshot(holidays, swaps, schoolHolidays);
    }

    /**
     * The weekend transfer rule (Labour Code art. 85; TR-5, TR-13): a holiday that falls on Saturday or Sunday gives a
     * day off on the next working day after it - the next weekday that is neither a holiday nor already a transferred
     * day off, so that 1-2 January 2022 (Saturday, Sunday) give Monday 3 and Tuesday 4 January. Orthodox Christmas and
     * Kurban Ait ({@code movesOffWeekend = false}) never move. Decree swaps are not consulted here: they override the
     * result afterwards.
     */
    private static Map<LocalDate, CalendarDay> daysOffByLaw(List<PublicHoliday> sortedHolidays) {
        Map<LocalDate, CalendarDay> days = new HashMap<>();
        for (PublicHoliday holiday : sortedHolidays) {
            days.putIfAbsent(holiday.date(), new CalendarDay(holiday.date(), DayKind.HOLIDAY, holiday.name(), null));
        }
        for (PublicHoliday holiday : sortedHolidays) {
            if (!isWeekend(holiday.date()) || !holiday.movesOffWeekend()) continue;
            LocalDate dayOff = holiday.date().plusDays(1);
            while (isWeekend(dayOff) || days.containsKey(dayOff)) dayOff = dayOff.plusDays(1);
            days.put(dayOff, new CalendarDay(dayOff, DayKind.TRANSFERRED_DAY_OFF, holiday.name().transferred(), null));
        }
        return Map.copyOf(days);
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    /** The day by the five-day week, the holidays and the weekend transfer rule, before any decree swap. */
    CalendarDay byLaw(LocalDate date) {
        CalendarDay special = daysOffByLaw.get(date);
        if (special != null) return special;
        return new CalendarDay(date, isWeekend(date) ? DayKind.WEEKEND : DayKind.WORKING_DAY, null, null);
    }

    /** The day as it is: decree swaps override everything. */
    CalendarDay day(LocalDate date) {
        CalendarDay byLaw = byLaw(date);
        DaySwap swap = swapsByDate.get(date);
        if (swap == null) return byLaw;
        return swap.working()
                ? new CalendarDay(date, DayKind.DECREE_WORKING_DAY, null, swap.decree())
                : new CalendarDay(date, DayKind.DECREE_DAY_OFF, byLaw.holiday(), swap.decree());
    }

    List<PublicHoliday> holidays() {
        return holidays;
    }

    List<DaySwap> swaps() {
        return swaps;
    }

    List<SchoolHolidayPeriod> schoolHolidays() {
        return schoolHolidays;
    }
}
