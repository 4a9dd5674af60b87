package kz.bilim.collection.internal;

import kz.bilim.collection.DataCollection;
import kz.bilim.collection.Form;
import kz.bilim.collection.FormDefinition;
import kz.bilim.collection.NewForm;
import kz.bilim.collection.NewPeriod;
import kz.bilim.collection.Period;
import kz.bilim.collection.Texts;
import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Refusal;
import kz.bilim.organisation.OrganisationKind;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * EIS-4: the ministry's pages — the year's forms, a new form with its definition as JSON (typed, pasted or uploaded;
 * each error named beside its field or, for the definition, by its path), and a form's periods: open one with a
 * deadline per level and publish it to every organisation of the form's kinds.
 */
@Controller
@PreAuthorize("hasRole('MINISTRY_ADMIN')")
class CollectionFormPageController {

    static final String FORMS = "collection/forms";
    static final String FORM = "collection/form";
    /** The fields of a new form shown beside their inputs; every other error is the definition's, by its path. */
    private static final Set<String> FORM_FIELDS = Set.of("code", "year", "kind", "periodicity", "name", "orderRef",
            "appliesTo");
    private static final int MAX_DEFINITION = 1024 * 1024;

    private final DataCollection collection;
    private final JsonMapper json;
    private final MessageSource messages;
    private final Clock clock;

    CollectionFormPageController(DataCollection collection, JsonMapper json, MessageSource messages, Clock clock) {
        this.collection = collection;
        this.json = json;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/collection/forms")
    String forms(@RequestParam(required = false) Long from, Model model, Locale locale) {
        var typed = new LinkedHashMap<String, String>();
        typed.put("year", String.valueOf(LocalDate.now(clock).getYear()));
        typed.put("periodicity", Form.Periodicity.ANNUAL.name());
        if (from != null) collection.form(from).ifPresent(f -> {
            // a new year's form starts from an earlier one: the same code and definition, the next year
            typed.put("code", f.code());
            typed.put("year", String.valueOf(f.year() + 1));
            typed.put("periodicity", f.periodicity().name());
            typed.put("name.kk", f.name().kk());
            typed.put("name.ru", f.name().ru());
            typed.put("name.en", f.name().en());
            typed.put("orderRef", f.orderRef());
            f.appliesTo().forEach(k -> typed.put("appliesTo." + k.name(), "on"));
            typed.put("definition", json.writerWithDefaultPrettyPrinter().writeValueAsString(f.definition()));
        });
        return showForms(typed, Map.of(), List.of(), null, model);
    }

    @PostMapping("/collection/forms")
    String define(@RequestParam MultiValueMap<String, String> params,
                  @RequestParam(required = false) MultipartFile definitionFile, Model model,
                  RedirectAttributes redirect, Locale locale) {
        var typed = new LinkedHashMap<String, String>();
        params.forEach((k, v) -> typed.put(k, v.isEmpty() ? "" : v.get(0)));
        var kinds = new ArrayList<OrganisationKind>();
        for (String kind : params.getOrDefault("appliesTo", List.of())) {
            try {
                kinds.add(OrganisationKind.valueOf(kind));
                typed.put("appliesTo." + kind, "on");
            } catch (IllegalArgumentException ignored) {
                // not a kind: left out, so "required" names the field if none is left
            }
        }
        String definitionText = typed.getOrDefault("definition", "");
        if (definitionFile != null && !definitionFile.isEmpty()) {
            if (definitionFile.getSize() > MAX_DEFINITION)
                return showForms(typed, Map.of("definition", message("collection.page.definition-too-large", locale)),
                        List.of(), null, model);
            try {
                definitionText = new String(definitionFile.getBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            typed.put("definition", definitionText);
        }
        FormDefinition definition = null;
        if (!definitionText.isBlank()) {
            try {
                definition = json.readValue(definitionText, FormDefinition.class);
            } catch (JacksonException e) {
                var at = e.getLocation();
                return showForms(typed, Map.of("definition", message("collection.page.definition-json", locale,
                        at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr())), List.of(), null, model);
            }
        }
        Integer year = null;
        try {
            year = typed.get("year") == null || typed.get("year").isBlank() ? null : Integer.valueOf(typed.get("year").strip());
        } catch (NumberFormatException e) {
            return showForms(typed, Map.of("year", message("error.field.expected-integer", locale)), List.of(), null, model);
        }
        Form.Periodicity periodicity = enumOrNull(Form.Periodicity.class, typed.get("periodicity"));
        var form = new NewForm(blank(typed.get("code")), year, Form.Kind.REGULAR, periodicity,
                new Texts(blank(typed.get("name.kk")), blank(typed.get("name.ru")), blank(typed.get("name.en"))),
                blank(typed.get("orderRef")), kinds, definition);
        Outcome<Form> outcome = collection.defineForm(form);
        if (outcome instanceof Outcome.Refused<Form> refused) {
            var errors = new LinkedHashMap<String, String>();
            var definitionErrors = new ArrayList<String>();
            for (FieldError e : refused.refusal().errors()) {
                String text = messages.getMessage(e.reasonKey(), e.args(), e.reasonKey(), locale);
                if (FORM_FIELDS.contains(e.field())) errors.merge(e.field(), text, (a, b) -> a + "; " + b);
                else definitionErrors.add(e.field().equals("sections") ? text : e.field() + ": " + text);
            }
            return showForms(typed, errors, definitionErrors, problem(refused.refusal(), locale), model);
        }
        redirect.addFlashAttribute("done", "form-defined");
        return "redirect:/collection/forms/" + outcome.orElseThrow().id();
    }

    private String showForms(Map<String, String> typed, Map<String, String> errors, List<String> definitionErrors,
                             String problem, Model model) {
        model.addAttribute("forms", collection.forms(null));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("definitionErrors", definitionErrors);
        model.addAttribute("problem", problem);
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute("periodicities", Form.Periodicity.values());
        return FORMS;
    }

    @GetMapping("/collection/forms/{id}")
    String form(@PathVariable long id, Model model) {
        return showForm(id, new LinkedHashMap<>(), Map.of(), null, model);
    }

    /** EIS-4, EIS-8: a period with a deadline per level (each not before the level below's). */
    @PostMapping("/collection/forms/{id}/periods")
    String openPeriod(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model,
                      RedirectAttributes redirect, Locale locale) {
        var typed = new LinkedHashMap<String, String>();
        params.forEach((k, v) -> typed.put(k, v.isEmpty() ? "" : v.get(0)));
        var errors = new LinkedHashMap<String, String>();
        LocalDate startsOn = date(typed, "startsOn", errors, locale);
        LocalDate endsOn = date(typed, "endsOn", errors, locale);
        var due = new Period.Deadlines(date(typed, "due.organisation", errors, locale),
                date(typed, "due.district", errors, locale), date(typed, "due.region", errors, locale),
                date(typed, "due.ministry", errors, locale));
        if (!errors.isEmpty()) return showForm(id, typed, errors, null, model);
        Outcome<Period> outcome = collection.openPeriod(id, new NewPeriod(blank(typed.get("label")), startsOn, endsOn, due));
        if (outcome instanceof Outcome.Refused<Period> refused) {
            for (FieldError e : refused.refusal().errors())
                errors.merge(e.field(), messages.getMessage(e.reasonKey(), e.args(), e.reasonKey(), locale),
                        (a, b) -> a + "; " + b);
            return showForm(id, typed, errors, problem(refused.refusal(), locale), model);
        }
        redirect.addFlashAttribute("done", "period-opened");
        return "redirect:/collection/forms/" + id;
    }

    /** EIS-4, EIS-6: the period goes to every organisation of the form's kinds. */
    @PostMapping("/collection/periods/{id}/publish")
    String publish(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        Period period = collection.period(id).orElseThrow(() -> Refusal.notFound("period", id).exception());
        Outcome<Integer> outcome = collection.publish(id);
        if (outcome instanceof Outcome.Refused<Integer> refused)
            redirect.addFlashAttribute("problem", problem(refused.refusal(), locale));
        else redirect.addFlashAttribute("published", outcome.orElseThrow());
        return "redirect:/collection/forms/" + period.formId();
    }

    private String showForm(long id, Map<String, String> typed, Map<String, String> errors, String problem, Model model) {
        Form form = collection.form(id).orElseThrow(() -> Refusal.notFound("form", id).exception());
        model.addAttribute("form", form);
        model.addAttribute("periods", collection.periods(id));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        if (problem != null) model.addAttribute("problem", problem);
        model.addAttribute("fieldCount", form.definition().fields().count());
        return FORM;
    }

    private LocalDate date(Map<String, String> typed, String field, Map<String, String> errors, Locale locale) {
        String text = typed.get(field);
        if (text == null || text.isBlank()) return null;
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, message("collection.value.not-a-date", locale));
            return null;
        }
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private String problem(Refusal refusal, Locale locale) {
        return (refusal.clause() == null ? "" : refusal.clause() + ": ")
                + messages.getMessage(refusal.reasonKey(), refusal.args().toArray(), refusal.reasonKey(), locale);
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        if (name == null || name.isBlank()) return null;
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
