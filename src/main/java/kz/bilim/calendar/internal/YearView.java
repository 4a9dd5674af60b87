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

    /** {@code texts}: the decrees' and notes' texts in the reader's language, by the stored text (V55). */
    static YearView of(int year, WorkingCalendar calendar, MessageSource messages, Locale locale,
                       java.util.Map<String, String> texts) {
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
                week.add(cell(day, periods, messages, locale, texts));
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
            String name = day.holidayName(locale);
            // a day off by decree alone (3 January 2025) has no holiday's name: it is named for what it is
            if (name == null) name = messages.getMessage("calendar.special.name." + day.kind().name(), null,
                    messages.getMessage("calendar.kind." + day.kind().name(), null, locale), locale);
            special.add(new SpecialDay(day.date(), day.date().format(when), name, day.kind(), shown(day.decree(), texts)));
        }
        List<Period> shown = periods.stream()
                .map(p -> new Period(p.name().in(locale), p.firstDay(), p.lastDay(), !p.forAllGrades(), shown(p.note(), texts)))
                .toList();
        return new YearView(year, months, special, calendar.swaps(year), shown);
    }

    private static String shown(String stored, java.util.Map<String, String> texts) {
        return stored == null ? null : texts.getOrDefault(stored, stored);
    }

    private static Cell cell(CalendarDay day, List<SchoolHolidayPeriod> periods, MessageSource messages, Locale locale,
                             java.util.Map<String, String> texts) {
        StringBuilder css = new StringBuilder("d-").append(day.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        List<String> title = new ArrayList<>();
        title.add(messages.getMessage("calendar.kind." + day.kind().name(), null, locale));
        if (day.holiday() != null) title.add(day.holiday().in(locale));
        if (day.decree() != null) title.add(shown(day.decree(), texts));
        for (SchoolHolidayPeriod p : periods) {
            if (!p.includes(day.date())) continue;
            css.append(p.forAllGrades() ? " school" : " school-first-grade");
            title.add(p.name().in(locale));
        }
        return new Cell(day.date(), day.date().getDayOfMonth(), css.toString(), String.join(" · ", title));
    }
}
