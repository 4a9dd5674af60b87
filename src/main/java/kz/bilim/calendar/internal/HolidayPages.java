package kz.bilim.calendar.internal;

import io.swagger.v3.oas.annotations.Hidden;
import kz.bilim.calendar.PublicHoliday;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import java.time.Clock;

/** The ministry's pages for public holidays (add, edit, delete after asking). */
@Controller
@RequestMapping("/admin/calendar/holidays")
@Hidden
class HolidayPages extends CalendarEntryPages<PublicHoliday, HolidayForm> {

    HolidayPages(CalendarEntries entries, CalendarEditing editing, Clock clock) {
        super(new Kind<>("holidays", "calendar/holiday-form", entries::holiday, HolidayForm::new, HolidayForm::of, editing::save,
                editing::deleteHoliday, HolidayForm::getDate, PublicHoliday::date, (holiday, locale) -> holiday.name().in(locale)), clock);
    }
}
