package kz.bilim.calendar.internal;

import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.RefusedException;
import kz.bilim.platform.web.FormErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The ministry's pages for one kind of calendar entry (holiday, decree swap, school holiday period): a form to add,
 * a form to edit that shows its errors in place, and a deletion that asks first. The three kinds differ only in their
 * form and their checks, so the pages are written once; each kind's controller is its {@link Kind}: its path, its
 * form and where its entries are read and written.
 *
 * @param <E> the entry as the calendar holds it
 * @param <F> its form
 */
// on the class that declares the handlers: Spring Security looks for it there, not on the subclass
@PreAuthorize("hasRole('MINISTRY_ADMIN')")
abstract class CalendarEntryPages<E, F> {

    static final String CONFIRM_DELETE = "calendar/confirm-delete";

    /** What the pages need of one kind of entry. */
    record Kind<E, F>(String path, String view, LongFunction<Optional<E>> find, Supplier<F> blank,
                      Function<E, F> formOf, Saving<F> save, LongPredicate remove,
                      Function<F, LocalDate> formDay, Function<E, LocalDate> entryDay,
                      BiFunction<E, Locale, String> nameOf) {
    }

    /** Saves a new entry (id 0) or a change; {@code unreadable}: the fields the form could not read. */
    interface Saving<F> {
        Outcome<Long> save(long id, F form, Set<String> unreadable);
    }

    private final Kind<E, F> kind;
    private final Clock clock;

    CalendarEntryPages(Kind<E, F> kind, Clock clock) {
        this.kind = kind;
        this.clock = clock;
    }

    @GetMapping("/new")
    String blankForm(Model model) {
        model.addAttribute("form", kind.blank().get());
        return kind.view();
    }

    @GetMapping("/{id}")
    String form(@PathVariable long id, Model model) {
        model.addAttribute("form", kind.formOf().apply(entry(id)));
        model.addAttribute("id", id);
        return kind.view();
    }

    @PostMapping
    String create(@ModelAttribute("form") F form, BindingResult errors, RedirectAttributes redirect) {
        return saved(0, form, errors, redirect);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") F form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        model.addAttribute("id", id);
        return saved(id, form, errors, redirect);
    }

    /** Deleting asks first: this page names what goes and posts the confirmed deletion. */
    @GetMapping("/{id}/delete")
    String confirmDelete(@PathVariable long id, Locale locale, Model model) {
        E entry = entry(id);
        model.addAttribute("kind", kind.path());
        model.addAttribute("id", id);
        model.addAttribute("date", kind.entryDay().apply(entry));
        model.addAttribute("name", kind.nameOf().apply(entry, locale));
        model.addAttribute("year", kind.entryDay().apply(entry).getYear());
        return CONFIRM_DELETE;
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirmed,
                  RedirectAttributes redirect) {
        if (!confirmed) return "redirect:/admin/calendar/" + kind.path() + "/" + id + "/delete";
        int year = kind.entryDay().apply(entry(id)).getYear();
        kind.remove().test(id);
        redirect.addFlashAttribute("deleted", true);
        return backTo(year);
    }

    private String saved(long id, F form, BindingResult errors, RedirectAttributes redirect) {
        if (FormErrors.rejected(errors, kind.save().save(id, form, unreadable(errors)))) return kind.view();
        redirect.addFlashAttribute("saved", true);
        LocalDate day = kind.formDay().apply(form);
        return backTo(day == null ? YearParameter.current(clock) : day.getYear());
    }

    private E entry(long id) {
        return kind.find().apply(id).orElseThrow(CalendarEntryPages::notFound);
    }

    static String backTo(int year) {
        return "redirect:/admin/calendar?year=" + year;
    }

    private static RefusedException notFound() {
        return Refusal.notFound("calendar entry", "").exception();
    }

    /** The fields the form could not even read (a date that is not a date): the checks do not repeat them. */
    private static Set<String> unreadable(BindingResult binding) {
        return binding.getFieldErrors().stream().map(FieldError::getField).collect(Collectors.toSet());
    }
}
