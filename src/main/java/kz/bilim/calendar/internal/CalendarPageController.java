package kz.bilim.calendar.internal;

import java.time.Clock;
import io.swagger.v3.oas.annotations.Hidden;
import kz.bilim.calendar.WorkingCalendar;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Locale;

/** The public year view of the calendar: /calendar?year=2026. */
@Controller
@Hidden
class CalendarPageController {

    static final String VIEW = "calendar/year";

    private final WorkingCalendar calendar;
    private final MessageSource messages;

    private final Clock clock;


    private final CalendarEntries entries;

    CalendarPageController(WorkingCalendar calendar, MessageSource messages, Clock clock, CalendarEntries entries) {
        this.entries = entries;

        this.clock = clock;
        this.calendar = calendar;
        this.messages = messages;
    }

    @GetMapping("/calendar")
    String year(@RequestParam(required = false) String year, Model model, Locale locale) {
        var asked = YearParameter.parse(year);
        if (year != null && !year.isBlank() && asked.isEmpty()) model.addAttribute("invalidYear", year);
        int shown = asked.orElse(YearParameter.current(clock));
        var texts = entries.texts(locale);
        model.addAttribute("texts", texts);
        model.addAttribute("view", YearView.of(shown, calendar, messages, locale, texts));
        model.addAttribute("first", WorkingCalendar.FIRST_YEAR);
        model.addAttribute("last", WorkingCalendar.LAST_YEAR);
        return VIEW;
    }
}
