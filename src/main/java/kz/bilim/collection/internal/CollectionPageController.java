package kz.bilim.collection.internal;

import kz.bilim.collection.DataCollection;
import kz.bilim.collection.Draft;
import kz.bilim.collection.Form;
import kz.bilim.collection.PaperSubmission;
import kz.bilim.collection.FormDefinition;
import kz.bilim.collection.Period;
import kz.bilim.collection.Submission;
import kz.bilim.collection.SubmissionStatus;
import kz.bilim.kernel.Caller;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Paged;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.SignedIn;
import kz.bilim.organisation.Organisation;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.Organisations;
import kz.bilim.territory.Territories;
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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pages of the collection: the caller's submissions (late ones first), and one submission — the participant fills
 * it (registry values pre-filled and marked), downloads the data to sign and submits with the detached signature
 * file; the level above accepts it or returns it with a comment. Refusals are shown beside their fields.
 */
@Controller
@PreAuthorize("hasAnyRole('MINISTRY_ADMIN', 'REGION_OFFICER', 'DISTRICT_OFFICER', 'ORGANISATION_ADMIN')")
class CollectionPageController {

    static final String LIST = "collection/list";
    static final String SUBMISSION = "collection/submission";

    private final DataCollection collection;
    private final Organisations organisations;
    private final Territories territories;
    private final MessageSource messages;
    private final Clock clock;

    CollectionPageController(DataCollection collection, Organisations organisations, Territories territories,
                             MessageSource messages, Clock clock) {
        this.clock = clock;
        this.collection = collection;
        this.organisations = organisations;
        this.territories = territories;
        this.messages = messages;
    }

    /** A row of the list: the submission with its form, period and participant's name. */
    record Line(Submission submission, String form, String period, String participant) {
    }

    @GetMapping("/collection")
    String list(@RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        int size = Paged.DEFAULT_SIZE;
        Paged<Submission> found = collection.submissions(new DataCollection.Filter(null, null, null, null, null),
                Math.max(page, 0), size);
        var periods = new HashMap<Long, Period>();
        var forms = new HashMap<Long, Form>();
        var names = organisations.findAll(found.items().stream().filter(s -> s.organisationId() != null)
                .map(s -> OrganisationId.of(s.organisationId())).toList());
        var territoryNames = territories.findAll(found.items().stream().filter(s -> s.organisationId() == null)
                .map(Submission::kato).toList());
        var lines = found.items().stream().map(s -> {
            Period period = periods.computeIfAbsent(s.periodId(), id -> collection.period(id).orElseThrow());
            Form form = forms.computeIfAbsent(period.formId(), id -> collection.form(id).orElseThrow());
            String participant;
            if (s.organisationId() != null) {
                Organisation o = names.get(OrganisationId.of(s.organisationId()));
                participant = o == null ? String.valueOf(s.organisationId()) : o.name(locale);
            } else {
                var t = territoryNames.get(s.kato());
                participant = t == null ? s.kato() : t.name(locale);
            }
            return new Line(s, form.name().in(locale), period.label(), participant);
        }).toList();
        model.addAttribute("lines", lines);
        model.addAttribute("page", found);
        model.addAttribute("previousPageUrl", found.hasPrevious() ? "/collection?page=" + (found.page() - 1) : null);
        model.addAttribute("nextPageUrl", found.hasNext() ? "/collection?page=" + (found.page() + 1) : null);
        return LIST;
    }

    static final String DASHBOARD = "collection/dashboard";

    /** EIS-1, EIS-8: completeness and timeliness of a period per territory, late first, with drill-down. */
    @GetMapping("/collection/periods/{id}/dashboard")
    String dashboard(@PathVariable long id, @RequestParam(required = false) String kato, Model model, Locale locale) {
        Period period = collection.period(id).orElseThrow(() -> Refusal.notFound("period", id).exception());
        Form form = collection.form(period.formId()).orElseThrow();
        var rows = collection.completeness(id, kato);
        model.addAttribute("period", period);
        model.addAttribute("formName", form.name().in(locale));
        model.addAttribute("rows", rows);
        // a district's rows are organisations: no further drill-down
        model.addAttribute("drill", kato == null || kato.isBlank() || kato.endsWith("0000000"));
        model.addAttribute("place", kato == null || kato.isBlank() ? null
                : territories.find(kato).map(t -> t.name(locale)).orElse(kato));
        boolean drill = kato == null || kato.isBlank() || kato.endsWith("0000000");
        model.addAttribute("bars", rows.stream().map(r -> Bar.of(r, locale, drill
                ? "/collection/periods/" + id + "/dashboard?kato=" + r.kato() : null, messages)).toList());
        // EIS-6: a territory officer consolidates the period from this page
        Caller caller = SignedIn.required();
        model.addAttribute("canConsolidate", CollectionPolicy.ownParticipant(caller).isPresent());
        return DASHBOARD;
    }

    /**
     * EIS-1, EIS-8: one bar of the dashboard's chart — of the participants expected, the share submitted on time,
     * submitted late and not submitted (percent of the bar's width), with its label and where it drills down to.
     */
    record Bar(String label, String shortLabel, String href, double onTime, double late, double missing) {

        static Bar of(kz.bilim.collection.Completeness r, Locale locale, String href, MessageSource messages) {
            double expected = Math.max(r.expected(), 1);
            double onTime = round(100.0 * (r.submitted() - r.late()) / expected);
            double late = round(100.0 * r.late() / expected);
            double missing = Math.max(0, round(100.0 - onTime - late));
            String name = r.name() == null ? r.kato() : r.name().in(locale);
            String label = messages.getMessage("collection.chart.bar",
                    new Object[]{name, r.completenessPercent(), r.late(), r.expected()}, locale);
            // the bar's line shows the name and the completeness (it must fit a phone); the whole sentence is its title
            return new Bar(label, name + " · " + r.completenessPercent() + " %", href, onTime, late, missing);
        }

        private static double round(double percent) {
            return Math.round(percent * 10) / 10.0;
        }
    }

    /** EIS-10: the final report for the page's session (the API's address needs a token). */
    @GetMapping("/collection/periods/{id}/report.pdf")
    org.springframework.http.ResponseEntity<byte[]> reportPdf(@PathVariable long id, Locale locale) {
        byte[] pdf = collection.finalReportPdf(id, locale).orElseThrow(() -> Refusal.notFound("period", id).exception());
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                        .attachment().filename("final-report-" + id + ".pdf").build().toString())
                .body(pdf);
    }

    @GetMapping("/collection/submissions/{id}")
    String submission(@PathVariable long id, Model model, Locale locale) {
        Draft draft = collection.submission(id).orElseThrow(() -> Refusal.notFound("submission", id).exception());
        return show(draft, null, null, model, locale);
    }

    /** EIS-5: the exact bytes to sign, as a file (the page's session cannot use the stateless API). */
    @GetMapping("/collection/submissions/{id}/content")
    org.springframework.http.ResponseEntity<byte[]> content(@PathVariable long id) {
        byte[] content = collection.content(id).orElseThrow(() -> Refusal.notFound("submission", id).exception());
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                        .attachment().filename("submission-" + id + ".json").build().toString())
                .body(content);
    }

    @PostMapping("/collection/submissions/{id}/values")
    String fill(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model,
                RedirectAttributes redirect, Locale locale) {
        Draft draft = collection.submission(id).orElseThrow(() -> Refusal.notFound("submission", id).exception());
        Form form = formOf(draft.submission());
        var values = new LinkedHashMap<String, Object>();
        var explanations = new LinkedHashMap<String, String>();
        var typed = new LinkedHashMap<String, String>();
        form.definition().fields().forEach(field -> {
            if (field.type() == FormDefinition.FieldType.TABLE) {
                var table = new LinkedHashMap<String, Object>();
                for (var row : field.rows()) {
                    String text = params.getFirst("v." + field.code() + "." + row.code());
                    typed.put(field.code() + "." + row.code(), text);
                    if (text != null && !text.isBlank()) table.put(row.code(), number(text));
                }
                if (!table.isEmpty()) values.put(field.code(), table);
            } else {
                String text = params.getFirst("v." + field.code());
                typed.put(field.code(), text);
                if (text != null && !text.isBlank())
                    values.put(field.code(), field.type() == FormDefinition.FieldType.NUMBER ? number(text) : text);
            }
            String explanation = params.getFirst("x." + field.code());
            if (explanation != null && !explanation.isBlank()) explanations.put(field.code(), explanation);
        });
        Outcome<Draft> outcome = collection.fill(id, values, explanations);
        if (outcome instanceof Outcome.Refused<Draft> refused)
            return show(draft, refused.refusal(), typed, model, locale);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/collection/submissions/" + id;
    }

    @PostMapping("/collection/submissions/{id}/submit")
    String submit(@PathVariable long id, @RequestParam(required = false) MultipartFile signature, Model model,
                  RedirectAttributes redirect, Locale locale) {
        byte[] bytes;
        try {
            bytes = signature == null || signature.isEmpty() ? null : signature.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return after(id, collection.submit(id, bytes), "submitted", model, redirect, locale);
    }

    @PostMapping("/collection/submissions/{id}/accept")
    String accept(@PathVariable long id, Model model, RedirectAttributes redirect, Locale locale) {
        return after(id, collection.accept(id), "accepted", model, redirect, locale);
    }

    @PostMapping("/collection/submissions/{id}/return")
    String giveBack(@PathVariable long id, @RequestParam(required = false) String comment, Model model,
                    RedirectAttributes redirect, Locale locale) {
        return after(id, collection.giveBack(id, comment), "returned", model, redirect, locale);
    }

    /** EIS-5, EIS-7: the addressee records paper that reached it, with the scan and the day it arrived. */
    @PostMapping("/collection/submissions/{id}/paper")
    String paper(@PathVariable long id, @RequestParam(required = false) MultipartFile scan,
                 @RequestParam(required = false) String arrivedOn, @RequestParam(required = false) String reference,
                 Model model, RedirectAttributes redirect, Locale locale) {
        byte[] bytes;
        try {
            bytes = scan == null || scan.isEmpty() ? null : scan.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalDate day = date(arrivedOn);
        if (day == null && arrivedOn != null && !arrivedOn.isBlank())
            return after(id, Refusal.invalid("arrivedOn", "collection.value.not-a-date").outcome(), "paper", "paper",
                    model, redirect, locale);
        var paper = new PaperSubmission(bytes, scan == null ? null : scan.getContentType(), reference, day);
        return after(id, collection.receivePaper(id, paper, null), "paper", "paper", model, redirect, locale);
    }

    /** EIS-6: the level that accepted withdraws its approval, with a reason. */
    @PostMapping("/collection/submissions/{id}/unapprove")
    String unapprove(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
                     RedirectAttributes redirect, Locale locale) {
        return after(id, collection.unapprove(id, reason), "unapproved", "unapprove", model, redirect, locale);
    }

    /** EIS-8: an accepted submission found incorrect is marked distorted, with the reason. */
    @PostMapping("/collection/submissions/{id}/distortion")
    String distortion(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
                      RedirectAttributes redirect, Locale locale) {
        return after(id, collection.markDistorted(id, reason), "distorted", "distortion", model, redirect, locale);
    }

    /** EIS-6: a lock exception for this participant until a day, with a reason. */
    @PostMapping("/collection/submissions/{id}/lock-exception")
    String lockException(@PathVariable long id, @RequestParam(required = false) String until,
                         @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect,
                         Locale locale) {
        LocalDate day = date(until);
        if (day == null && until != null && !until.isBlank())
            return after(id, Refusal.invalid("until", "collection.value.not-a-date").outcome(), "lock", "lock",
                    model, redirect, locale);
        return after(id, collection.grantLockException(id, day, reason), "lock", "lock", model, redirect, locale);
    }

    /** EIS-6: the caller's territory consolidates its accepted participants; refused with the count still missing. */
    @PostMapping("/collection/periods/{id}/consolidate")
    String consolidate(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        Outcome<Submission> outcome = collection.consolidate(id);
        if (outcome instanceof Outcome.Refused<Submission> refused) {
            redirect.addFlashAttribute("problem", problem(refused.refusal(), locale));
            return "redirect:/collection/periods/" + id + "/dashboard";
        }
        redirect.addFlashAttribute("done", "consolidated");
        return "redirect:/collection/submissions/" + outcome.orElseThrow().id();
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private String problem(Refusal refusal, Locale locale) {
        return (refusal.clause() == null ? "" : refusal.clause() + ": ")
                + messages.getMessage(refusal.reasonKey(), refusal.args().toArray(), refusal.reasonKey(), locale);
    }

    private String after(long id, Outcome<Submission> outcome, String done, Model model, RedirectAttributes redirect,
                         Locale locale) {
        return after(id, outcome, done, null, model, redirect, locale);
    }

    /** After a step: the page again, or with the refusal beside the fields of the form that was sent ({@code form}). */
    private <T> String after(long id, Outcome<T> outcome, String done, String form, Model model,
                             RedirectAttributes redirect, Locale locale) {
        if (outcome instanceof Outcome.Refused<T> refused) {
            Draft draft = collection.submission(id).orElseThrow(() -> refused.refusal().exception());
            model.addAttribute("acted", form);
            return show(draft, refused.refusal(), null, model, locale, form);
        }
        redirect.addFlashAttribute("done", done);
        return "redirect:/collection/submissions/" + id;
    }

    private String show(Draft draft, Refusal refusal, Map<String, String> typed, Model model, Locale locale) {
        return show(draft, refusal, typed, model, locale, null);
    }

    private String show(Draft draft, Refusal refusal, Map<String, String> typed, Model model, Locale locale,
                        String prefix) {
        Submission s = draft.submission();
        Period period = collection.period(s.periodId()).orElseThrow();
        Form form = collection.form(period.formId()).orElseThrow();
        Caller caller = SignedIn.required();
        var shown = new LinkedHashMap<String, String>();
        var prefilled = new HashMap<String, Boolean>();
        for (var v : s.values()) {
            String key = v.row().isEmpty() ? v.field() : v.field() + "." + v.row();
            shown.put(key, v.number() != null ? v.number().stripTrailingZeros().toPlainString() : v.text());
            prefilled.put(key, v.prefilled());
            if (v.explanation() != null) shown.put("x." + v.field(), v.explanation());
        }
        if (typed != null) typed.forEach((k, v) -> shown.put(k, v == null ? "" : v));
        var errors = new LinkedHashMap<String, String>();
        String problem = null;
        if (refusal != null) {
            for (var e : refusal.errors()) {
                String key = e.field().startsWith("values.") ? e.field().substring(7)
                        : e.field().startsWith("explanations.") ? "x." + e.field().substring(13) : e.field();
                if (prefix != null) key = prefix + "." + key;
                errors.merge(key, messages.getMessage(e.reasonKey(), e.args(), e.reasonKey(), locale), (a, b) -> a + "; " + b);
            }
            problem = problem(refusal, locale);
        }
        boolean participant = CollectionPolicy.isParticipant(caller, s.level(), s.organisationId(), s.kato());
        boolean addressee = CollectionPolicy.isAddressee(caller, s.level(), s.addresseeKato());
        model.addAttribute("submission", s);
        model.addAttribute("queries", draft.queries());
        model.addAttribute("form", form);
        model.addAttribute("period", period);
        model.addAttribute("values", shown);
        model.addAttribute("prefilled", prefilled);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("canFill", participant && s.status().editable()
                && s.level() == kz.bilim.collection.Level.ORGANISATION);
        model.addAttribute("canSubmit", participant && s.status().editable());
        model.addAttribute("canReview", addressee && s.status() == SubmissionStatus.SUBMITTED);
        // EIS-6, EIS-8: what the level above may still do — record paper, withdraw, mark distorted, grant an exception
        model.addAttribute("canPaper", addressee && s.status().editable()
                && s.level() == kz.bilim.collection.Level.ORGANISATION);
        model.addAttribute("canUnapprove", addressee && s.status() == SubmissionStatus.ACCEPTED);
        model.addAttribute("canLock", addressee && s.status() != SubmissionStatus.ACCEPTED);
        model.addAttribute("today", java.time.LocalDate.now(clock));
        model.addAttribute("participant", s.organisationId() == null ? s.kato()
                : organisations.find(OrganisationId.of(s.organisationId())).map(o -> o.name(locale))
                .orElse(String.valueOf(s.organisationId())));
        return SUBMISSION;
    }

    private Form formOf(Submission s) {
        return collection.form(collection.period(s.periodId()).orElseThrow().formId()).orElseThrow();
    }

    private static Object number(String text) {
        try {
            return new BigDecimal(text.strip().replace(',', '.').replace(" ", ""));
        } catch (NumberFormatException e) {
            return text;
        }
    }

    @SuppressWarnings("unused")
    private static List<String> none() {
        return List.of();
    }
}
