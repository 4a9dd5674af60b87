package kz.bilim.calendar.internal;

import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.RefusedException;
import kz.bilim.platform.web.FormErrors;
import java.util.Set;
import java.util.stream.Collectors;
import java.time.Clock;
import io.swagger.v3.oas.annotations.Hidden;
import kz.bilim.calendar.SchoolHolidayPeriod;
import kz.bilim.calendar.WorkingCalendar;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The ministry's screens for the calendar data: holidays, decree swaps and school holiday periods of a year, with forms
 * that show their errors in place. Only the ministry administrator edits the calendar.
 */
@Controller
@RequestMapping("/admin/calendar")
@PreAuthorize("hasRole('MINISTRY_ADMIN')")
@Hidden
class CalendarAdminController {

    static final String LIST = "calendar/admin";
    static final String HOLIDAY_FORM = "calendar/holiday-form";
    static final String SWAP_FORM = "calendar/swap-form";
    static final String PERIOD_FORM = "calendar/period-form";
    static final String CONFIRM_DELETE = "calendar/confirm-delete";

    private final CalendarEntries entries;
    private final CalendarEditing editing;

    private final Clock clock;


    CalendarAdminController(CalendarEntries entries, CalendarEditing editing, Clock clock) {

        this.clock = clock;
        this.entries = entries;
        this.editing = editing;
    }

    @GetMapping
    String list(@RequestParam(required = false) String year, Model model) {
        int shown = YearParameter.parse(year).orElse(YearParameter.current(clock));
        model.addAttribute("year", shown);
        model.addAttribute("years", YearParameter.all());
        model.addAttribute("holidays", entries.holidaysOf(shown));
        model.addAttribute("swaps", entries.swapsOf(shown));
        model.addAttribute("periods", entries.schoolHolidaysOf(shown));
        model.addAttribute("texts", entries.texts(org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        return LIST;
    }

    private static String backTo(int year) {
        return "redirect:/admin/calendar?year=" + year;
    }

    private int yearOf(LocalDate date) {
        return date == null ? YearParameter.current(clock) : date.getYear();
    }

    // ---- holidays ------------------------------------------------------------------------------------------------------

    @GetMapping("/holidays/new")
    String newHoliday(Model model) {
        model.addAttribute("form", new HolidayForm());
        return HOLIDAY_FORM;
    }

    @GetMapping("/holidays/{id}")
    String editHoliday(@PathVariable long id, Model model) {
        model.addAttribute("form", HolidayForm.of(entries.holiday(id).orElseThrow(CalendarAdminController::notFound)));
        model.addAttribute("id", id);
        return HOLIDAY_FORM;
    }

    @PostMapping("/holidays")
    String createHoliday(@ModelAttribute("form") HolidayForm form, BindingResult errors, RedirectAttributes redirect) {
        return saveHoliday(0, form, errors, redirect);
    }

    @PostMapping("/holidays/{id}")
    String updateHoliday(@PathVariable long id, @ModelAttribute("form") HolidayForm form, BindingResult errors,
                         Model model, RedirectAttributes redirect) {
        model.addAttribute("id", id);
        return saveHoliday(id, form, errors, redirect);
    }

    private String saveHoliday(long id, HolidayForm form, BindingResult errors, RedirectAttributes redirect) {
        if (FormErrors.rejected(errors, editing.save(id, form, unreadable(errors)))) return HOLIDAY_FORM;
        redirect.addFlashAttribute("saved", true);
        return backTo(yearOf(form.getDate()));
    }

    /** Deleting asks first: this page names what goes and posts the confirmed deletion. */
    @GetMapping("/holidays/{id}/delete")
    String confirmDeleteHoliday(@PathVariable long id, Locale locale, Model model) {
        var holiday = entries.holiday(id).orElseThrow(CalendarAdminController::notFound);
        return confirm(model, "holidays", id, holiday.date(), holiday.name().in(locale), holiday.date().getYear());
    }

    @PostMapping("/holidays/{id}/delete")
    String deleteHoliday(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirmed,
                         RedirectAttributes redirect) {
        if (!confirmed) return "redirect:/admin/calendar/holidays/" + id + "/delete";
        int year = entries.holiday(id).map(h -> h.date().getYear()).orElseThrow(CalendarAdminController::notFound);
        editing.deleteHoliday(id);
        redirect.addFlashAttribute("deleted", true);
        return backTo(year);
    }

    // ---- decree swaps --------------------------------------------------------------------------------------------------

    @GetMapping("/swaps/new")
    String newSwap(Model model) {
        model.addAttribute("form", new SwapForm());
        return SWAP_FORM;
    }

    @GetMapping("/swaps/{id}")
    String editSwap(@PathVariable long id, Model model) {
        model.addAttribute("form", SwapForm.of(entries.swap(id).orElseThrow(CalendarAdminController::notFound)));
        model.addAttribute("id", id);
        return SWAP_FORM;
    }

    @PostMapping("/swaps")
    String createSwap(@ModelAttribute("form") SwapForm form, BindingResult errors, RedirectAttributes redirect) {
        return saveSwap(0, form, errors, redirect);
    }

    @PostMapping("/swaps/{id}")
    String updateSwap(@PathVariable long id, @ModelAttribute("form") SwapForm form, BindingResult errors, Model model,
                      RedirectAttributes redirect) {
        model.addAttribute("id", id);
        return saveSwap(id, form, errors, redirect);
    }

    private String saveSwap(long id, SwapForm form, BindingResult errors, RedirectAttributes redirect) {
        if (FormErrors.rejected(errors, editing.save(id, form, unreadable(errors)))) return SWAP_FORM;
        redirect.addFlashAttribute("saved", true);
        return backTo(yearOf(form.getDate()));
    }

    @GetMapping("/swaps/{id}/delete")
    String confirmDeleteSwap(@PathVariable long id, Model model) {
        var swap = entries.swap(id).orElseThrow(CalendarAdminController::notFound);
        return confirm(model, "swaps", id, swap.date(), swap.decree(), swap.date().getYear());
    }

    @PostMapping("/swaps/{id}/delete")
    String deleteSwap(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirmed,
                      RedirectAttributes redirect) {
        if (!confirmed) return "redirect:/admin/calendar/swaps/" + id + "/delete";
        int year = entries.swap(id).map(s -> s.date().getYear()).orElseThrow(CalendarAdminController::notFound);
        editing.deleteSwap(id);
        redirect.addFlashAttribute("deleted", true);
        return backTo(year);
    }

    // ---- school holiday periods ----------------------------------------------------------------------------------------

    @GetMapping("/school-holidays/new")
    String newPeriod(Model model) {
        model.addAttribute("form", new PeriodForm());
        return PERIOD_FORM;
    }

    @GetMapping("/school-holidays/{id}")
    String editPeriod(@PathVariable long id, Model model) {
        model.addAttribute("form", PeriodForm.of(entries.schoolHoliday(id).orElseThrow(CalendarAdminController::notFound)));
        model.addAttribute("id", id);
        return PERIOD_FORM;
    }

    @PostMapping("/school-holidays")
    String createPeriod(@ModelAttribute("form") PeriodForm form, BindingResult errors, RedirectAttributes redirect) {
        return savePeriod(0, form, errors, redirect);
    }

    @PostMapping("/school-holidays/{id}")
    String updatePeriod(@PathVariable long id, @ModelAttribute("form") PeriodForm form, BindingResult errors,
                        Model model, RedirectAttributes redirect) {
        model.addAttribute("id", id);
        return savePeriod(id, form, errors, redirect);
    }

    private String savePeriod(long id, PeriodForm form, BindingResult errors, RedirectAttributes redirect) {
        if (FormErrors.rejected(errors, editing.save(id, form, unreadable(errors)))) return PERIOD_FORM;
        redirect.addFlashAttribute("saved", true);
        return backTo(yearOf(form.getFirstDay()));
    }

    @GetMapping("/school-holidays/{id}/delete")
    String confirmDeletePeriod(@PathVariable long id, Locale locale, Model model) {
        var period = entries.schoolHoliday(id).orElseThrow(CalendarAdminController::notFound);
        return confirm(model, "school-holidays", id, period.firstDay(), period.name().in(locale),
                period.firstDay().getYear());
    }

    @PostMapping("/school-holidays/{id}/delete")
    String deletePeriod(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirmed,
                        RedirectAttributes redirect) {
        if (!confirmed) return "redirect:/admin/calendar/school-holidays/" + id + "/delete";
        int year = entries.schoolHoliday(id).map(SchoolHolidayPeriod::firstDay).map(LocalDate::getYear)
                .orElseThrow(CalendarAdminController::notFound);
        editing.deleteSchoolHoliday(id);
        redirect.addFlashAttribute("deleted", true);
        return backTo(year);
    }

    private String confirm(Model model, String kind, long id, LocalDate date, String name, int year) {
        model.addAttribute("kind", kind);
        model.addAttribute("id", id);
        model.addAttribute("date", date);
        model.addAttribute("name", name);
        model.addAttribute("year", year);
        return CONFIRM_DELETE;
    }

    private static RefusedException notFound() {
        return Refusal.notFound("calendar entry", "").exception();
    }

    /** The fields the form could not even read (a date that is not a date): the checks do not repeat them. */
    private static Set<String> unreadable(BindingResult binding) {
        return binding.getFieldErrors().stream().map(org.springframework.validation.FieldError::getField)
                .collect(Collectors.toSet());
    }
}
