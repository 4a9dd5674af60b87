package kz.bilim.calendar.internal;

import io.swagger.v3.oas.annotations.Hidden;
import kz.bilim.calendar.DaySwap;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import java.time.Clock;

/** The ministry's pages for decree swaps of working days and days off. */
@Controller
@RequestMapping("/admin/calendar/swaps")
@Hidden
class SwapPages extends CalendarEntryPages<DaySwap, SwapForm> {

    SwapPages(CalendarEntries entries, CalendarEditing editing, Clock clock) {
        super(new Kind<>("swaps", "calendar/swap-form", entries::swap, SwapForm::new, SwapForm::of, editing::save,
                editing::deleteSwap, SwapForm::getDate, DaySwap::date, (swap, locale) -> swap.decree()), clock);
    }
}
