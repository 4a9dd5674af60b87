package kz.bilim.calendar.internal;

import io.swagger.v3.oas.annotations.Hidden;
import kz.bilim.calendar.SchoolHolidayPeriod;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import java.time.Clock;

/** The ministry's pages for school holiday periods (the transfer window of TR-12 among them). */
@Controller
@RequestMapping("/admin/calendar/school-holidays")
@Hidden
class SchoolHolidayPages extends CalendarEntryPages<SchoolHolidayPeriod, PeriodForm> {

    SchoolHolidayPages(CalendarEntries entries, CalendarEditing editing, Clock clock) {
        super(new Kind<>("school-holidays", "calendar/period-form", entries::schoolHoliday, PeriodForm::new, PeriodForm::of, editing::save,
                editing::deleteSchoolHoliday, PeriodForm::getFirstDay, SchoolHolidayPeriod::firstDay, (period, locale) -> period.name().in(locale)), clock);
    }
}
