package kz.bilim.calendar.internal;

import kz.bilim.calendar.CalendarDay;
import kz.bilim.calendar.DayKind;
import kz.bilim.calendar.DaySwap;
import kz.bilim.calendar.SchoolHolidayPeriod;
import kz.bilim.calendar.WorkingCalendar;
import org.springframework.context.MessageSource;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** What the year page shows: twelve month grids, the list of special days, the decree swaps and school holidays. */
record YearView(int year, List<Month> months, List<SpecialDay> specialDays, List<DaySwap> swaps,
                List<Period> schoolHolidays) {

    /** A month as weeks of seven cells, Monday first; cells before the 1st and after the last day are null. */
    record Month(int number, List<List<Cell>> weeks) {
    }

    record Cell(LocalDate date, int day, String css, String title) {
    }

    record SpecialDay(LocalDate date, String when, String name, DayKind kind, String decree) {
    }

    record Period(String name, LocalDate firstDay, LocalDate lastDay, boolean firstGradeOnly, String note) {
    }

    static YearView of(int year, WorkingCalendar calendar, MessageSource messages, Locale locale) {
        List<CalendarDay> days = calendar.year(year);
        List<SchoolHolidayPeriod> periods = calendar.schoolHolidays(year);
        DateTimeFormatter when = DateTimeFormatter.ofPattern("d MMMM, EEEE", locale);
        List<Month> months = new ArrayList<>(12);
        List<SpecialDay> special = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            List<List<Cell>> weeks = new ArrayList<>();
            List<Cell> week = new ArrayList<>(Collections.nCopies(LocalDate.of(year, m, 1).getDayOfWeek().getValue() - 1, null));
            for (CalendarDay day : days) {
                if (day.date().getMonthValue() != m) continue;
                week.add(cell(day, periods, messages, locale));
                if (week.size() == 7) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) week.add(null);
                weeks.add(week);
            }
            months.add(new Month(m, weeks));
        }
        for (CalendarDay day : days) {
            if (day.kind() == DayKind.WORKING_DAY || day.kind() == DayKind.WEEKEND) continue;
            special.add(new SpecialDay(day.date(), day.date().format(when), day.holidayName(locale), day.kind(), day.decree()));
        }
        List<Period> shown = periods.stream()
                .map(p -> new Period(p.name().in(locale), p.firstDay(), p.lastDay(), !p.forAllGrades(), p.note()))
                .toList();
        return new YearView(year, months, special, calendar.swaps(year), shown);
    }

    private static Cell cell(CalendarDay day, List<SchoolHolidayPeriod> periods, MessageSource messages, Locale locale) {
        StringBuilder css = new StringBuilder("d-").append(day.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        List<String> title = new ArrayList<>();
        title.add(messages.getMessage("calendar.kind." + day.kind().name(), null, locale));
        if (day.holiday() != null) title.add(day.holiday().in(locale));
        if (day.decree() != null) title.add(day.decree());
        for (SchoolHolidayPeriod p : periods) {
            if (!p.includes(day.date())) continue;
            css.append(p.forAllGrades() ? " school" : " school-first-grade");
            title.add(p.name().in(locale));
        }
        return new Cell(day.date(), day.date().getDayOfMonth(), css.toString(), String.join(" · ", title));
    }
}
