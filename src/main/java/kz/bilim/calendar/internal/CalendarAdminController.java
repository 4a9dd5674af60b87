package kz.bilim.calendar.internal;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.util.Locale;

/**
 * The ministry's overview of the calendar data of a year: holidays, decree swaps and school holiday periods, each
 * edited on its own pages ({@link CalendarEntryPages}). Only the ministry administrator edits the calendar.
 */
@Controller
@RequestMapping("/admin/calendar")
@PreAuthorize("hasRole('MINISTRY_ADMIN')")
@Hidden
class CalendarAdminController {

    static final String LIST = "calendar/admin";

    private final CalendarEntries entries;
    private final Clock clock;

    CalendarAdminController(CalendarEntries entries, Clock clock) {
        this.clock = clock;
        this.entries = entries;
    }

    @GetMapping
    String list(@RequestParam(required = false) String year, Locale locale, Model model) {
        int shown = YearParameter.parse(year).orElse(YearParameter.current(clock));
        model.addAttribute("year", shown);
        model.addAttribute("years", YearParameter.all());
        model.addAttribute("holidays", entries.holidaysOf(shown));
        model.addAttribute("swaps", entries.swapsOf(shown));
        model.addAttribute("periods", entries.schoolHolidaysOf(shown));
        model.addAttribute("texts", entries.texts(locale));
        return LIST;
    }
}
