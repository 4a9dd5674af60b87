package kz.bilim.calendar.internal;

import io.swagger.v3.oas.annotations.Hidden;
import kz.bilim.calendar.SchoolHolidayPeriod;
import kz.bilim.kernel.Outcome;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The ministry's pages for school holiday periods (the transfer window of TR-12 among them). */
@Controller
@RequestMapping("/admin/calendar/school-holidays")
@Hidden
class SchoolHolidayPages extends CalendarEntryPages<SchoolHolidayPeriod, PeriodForm> {

    private final CalendarEntries entries;
    private final CalendarEditing editing;

    SchoolHolidayPages(CalendarEntries entries, CalendarEditing editing, Clock clock) {
        super("school-holidays", "calendar/period-form", clock);
        this.entries = entries;
        this.editing = editing;
    }

    @Override
    Optional<SchoolHolidayPeriod> find(long id) {
        return entries.schoolHoliday(id);
    }

    @Override
    PeriodForm blank() {
        return new PeriodForm();
    }

    @Override
    PeriodForm formOf(SchoolHolidayPeriod entry) {
        return PeriodForm.of(entry);
    }

    @Override
    Outcome<Long> save(long id, PeriodForm form, Set<String> unreadable) {
        return editing.save(id, form, unreadable);
    }

    @Override
    boolean remove(long id) {
        return editing.deleteSchoolHoliday(id);
    }

    @Override
    LocalDate formDay(PeriodForm form) {
        return form.getFirstDay();
    }

    @Override
    LocalDate entryDay(SchoolHolidayPeriod entry) {
        return entry.firstDay();
    }

    @Override
    String nameOf(SchoolHolidayPeriod entry, Locale locale) {
        return entry.name().in(locale);
    }
}
