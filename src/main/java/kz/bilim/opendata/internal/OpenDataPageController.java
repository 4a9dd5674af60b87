package kz.bilim.opendata.internal;

import io.swagger.v3.oas.annotations.Hidden;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The open-data pages (OD-1…OD-3): the public catalogue {@code /open-data} — every dataset with its period due now,
 * the due day, its standing and the latest file to download, late ones first on request — and one dataset's page
 * with all its releases; the ministry publishes from the same pages (generate, upload, record an event).
 */
@Controller
@Hidden
class OpenDataPageController {

    private final Publishing publishing;
    private final Catalogue catalogue;
    private final MessageSource messages;

    OpenDataPageController(Publishing publishing, Catalogue catalogue, MessageSource messages) {
        this.publishing = publishing;
        this.catalogue = catalogue;
        this.messages = messages;
    }

    @GetMapping("/open-data")
    String catalogue(@RequestParam(required = false) String state, Model model) {
        var all = publishing.statuses();
        DatasetStatus.State wanted = parse(state);
        model.addAttribute("statuses", wanted == null ? all : all.stream().filter(s -> s.state() == wanted).toList());
        model.addAttribute("state", wanted == null ? "" : wanted.name());
        model.addAttribute("late", all.stream().filter(s -> s.state() == DatasetStatus.State.LATE).count());
        model.addAttribute("total", all.size());
        return "opendata/catalogue";
    }

    @GetMapping("/open-data/{number}")
    String dataset(@PathVariable int number, Model model) {
        return show(number, List.of(), null, model);
    }

    @PostMapping("/open-data/{number}/generate")
    @PreAuthorize(OpenDataApiController.PUBLISHERS)
    String generate(@PathVariable int number, @RequestParam(required = false) String period, Model model,
                    RedirectAttributes redirect, Locale locale) {
        return after(number, publishing.generate(number, period), period, model, redirect, locale);
    }

    @PostMapping("/open-data/{number}/upload")
    @PreAuthorize(OpenDataApiController.PUBLISHERS)
    String upload(@PathVariable int number, @RequestParam(required = false) String period,
                  @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect,
                  Locale locale) {
        byte[] content;
        try {
            content = file == null || file.isEmpty() ? null : file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return after(number, publishing.upload(number, period, content), period, model, redirect, locale);
    }

    @PostMapping("/open-data/{number}/events")
    @PreAuthorize(OpenDataApiController.PUBLISHERS)
    String event(@PathVariable int number, @RequestParam(required = false) String occursOn,
                 @RequestParam(required = false) String note, Model model, RedirectAttributes redirect,
                 Locale locale) {
        var outcome = publishing.recordEvent(number, occursOn, note);
        if (outcome instanceof Outcome.Refused<?> refused) return show(number, errors(refused.refusal(), locale), null,
                model);
        redirect.addFlashAttribute("recorded", outcome.orElseThrow());
        return "redirect:/open-data/" + number;
    }

    private String after(int number, Outcome<Release> outcome, String period, Model model,
                         RedirectAttributes redirect, Locale locale) {
        if (outcome instanceof Outcome.Refused<?> refused)
            return show(number, errors(refused.refusal(), locale), period, model);
        var release = outcome.orElseThrow();
        redirect.addFlashAttribute("published", release);
        return "redirect:/open-data/" + number;
    }

    private String show(int number, List<String> errors, String period, Model model) {
        var status = publishing.status(number).orElseThrow(() -> Refusal.notFound("open-dataset", number).exception());
        model.addAttribute("status", status);
        model.addAttribute("events", catalogue.events(number));
        model.addAttribute("errors", errors);
        model.addAttribute("period", period != null ? period
                : status.current() != null ? status.current().period() : "");
        return "opendata/dataset";
    }

    /** Each error of a refusal as a sentence in the reader's language, the column or field named first. */
    private List<String> errors(Refusal refusal, Locale locale) {
        if (refusal.code() == Refusal.Code.NOT_FOUND || refusal.code() == Refusal.Code.FORBIDDEN)
            throw refusal.exception();
        if (refusal.errors().isEmpty())
            return List.of(messages.getMessage(refusal.reasonKey(), refusal.args().toArray(), locale));
        return refusal.errors().stream().map(e -> messages.getMessage("opendata.error.field",
                new Object[]{messages.getMessage("opendata.field." + e.field(), null, e.field(), locale),
                        messages.getMessage(e.reasonKey(), e.args(), locale)}, locale)).toList();
    }

    private static DatasetStatus.State parse(String state) {
        if (state == null || state.isBlank()) return null;
        try {
            return DatasetStatus.State.valueOf(state.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
