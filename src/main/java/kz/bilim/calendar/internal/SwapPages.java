package kz.bilim.calendar.internal;

import io.swagger.v3.oas.annotations.Hidden;
import kz.bilim.calendar.DaySwap;
import kz.bilim.kernel.Outcome;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The ministry's pages for decree swaps of working days and days off. */
@Controller
@RequestMapping("/admin/calendar/swaps")
@Hidden
class SwapPages extends CalendarEntryPages<DaySwap, SwapForm> {

    private final CalendarEntries entries;
    private final CalendarEditing editing;

    SwapPages(CalendarEntries entries, CalendarEditing editing, Clock clock) {
        super("swaps", "calendar/swap-form", clock);
        this.entries = entries;
        this.editing = editing;
    }

    @Override
    Optional<DaySwap> find(long id) {
        return entries.swap(id);
    }

    @Override
    SwapForm blank() {
        return new SwapForm();
    }

    @Override
    SwapForm formOf(DaySwap entry) {
        return SwapForm.of(entry);
    }

    @Override
    Outcome<Long> save(long id, SwapForm form, Set<String> unreadable) {
        return editing.save(id, form, unreadable);
    }

    @Override
    boolean remove(long id) {
        return editing.deleteSwap(id);
    }

    @Override
    LocalDate formDay(SwapForm form) {
        return form.getDate();
    }

    @Override
    LocalDate entryDay(DaySwap entry) {
        return entry.date();
    }

    @Override
    String nameOf(DaySwap entry, Locale locale) {
        return entry.decree();
    }
}
