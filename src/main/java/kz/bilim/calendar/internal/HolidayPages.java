package kz.bilim.calendar.internal;

import io.swagger.v3.oas.annotations.Hidden;
import kz.bilim.calendar.PublicHoliday;
import kz.bilim.kernel.Outcome;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The ministry's pages for public holidays (add, edit, delete after asking). */
@Controller
@RequestMapping("/admin/calendar/holidays")
@Hidden
class HolidayPages extends CalendarEntryPages<PublicHoliday, HolidayForm> {

    private final CalendarEntries entries;
    private final CalendarEditing editing;

    HolidayPages(CalendarEntries entries, CalendarEditing editing, Clock clock) {
        super("holidays", "calendar/holiday-form", clock);
        this.entries = entries;
        this.editing = editing;
    }

    @Override
    Optional<PublicHoliday> find(long id) {
        return entries.holiday(id);
    }

    @Override
    HolidayForm blank() {
        return new HolidayForm();
    }

    @Override
    HolidayForm formOf(PublicHoliday entry) {
        return HolidayForm.of(entry);
    }

    @Override
    Outcome<Long> save(long id, HolidayForm form, Set<String> unreadable) {
        return editing.save(id, form, unreadable);
    }

    @Override
    boolean remove(long id) {
        return editing.deleteHoliday(id);
    }

    @Override
    LocalDate formDay(HolidayForm form) {
        return form.getDate();
    }

    @Override
    LocalDate entryDay(PublicHoliday entry) {
        return entry.date();
    }

    @Override
    String nameOf(PublicHoliday entry, Locale locale) {
        return entry.name().in(locale);
    }
}
