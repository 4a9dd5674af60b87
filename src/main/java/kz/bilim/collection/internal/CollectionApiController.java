package kz.bilim.collection.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import kz.bilim.collection.AdditionalRequest;
import kz.bilim.collection.Completeness;
import kz.bilim.collection.DataCollection;
import kz.bilim.collection.Draft;
import kz.bilim.collection.Form;
import kz.bilim.collection.Level;
import kz.bilim.collection.NewForm;
import kz.bilim.collection.NewPeriod;
import kz.bilim.collection.PaperSubmission;
import kz.bilim.collection.Period;
import kz.bilim.collection.Submission;
import kz.bilim.collection.SubmissionStatus;
import kz.bilim.kernel.Paged;
import kz.bilim.kernel.Refusal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Data collection over JSON (docs/collection.md): forms and periods (the ministry), submissions — fill, the bytes to
 * sign, submit signed, paper received — and the steps of the level above (accept, return, unapprove, distortion,
 * lock exception), consolidation, completeness and the final report. Refusals are problem+json naming the field.
 */
@RestController
@RequestMapping("/api/v1/collection")
@Tag(name = "collection", description = "Forms of the year, submissions up the hierarchy, the final report (EIS-1…11)")
class CollectionApiController {

    record ValuesRequest(Map<String, Object> values, Map<String, String> explanations) {
    }

    record SubmitRequest(String signature) {
    }

    record CommentRequest(String comment) {
    }

    record ReasonRequest(String reason) {
    }

    record LockExceptionRequest(LocalDate until, String reason) {
    }

    record PageView<T>(List<T> items, int page, int size, boolean hasNext) {
        static <T> PageView<T> of(Paged<T> paged) {
            return new PageView<>(paged.items(), paged.page(), paged.size(), paged.hasNext());
        }
    }

    record CompletenessView(String kato, Long organisationId, String name, long expected, long submitted,
                            long accepted, long late, long returned, long distorted, double completenessPercent,
                            double timelinessPercent) {
        static CompletenessView of(Completeness c, Locale locale) {
            return new CompletenessView(c.kato(), c.organisationId(), c.name() == null ? null : c.name().in(locale),
                    c.expected(), c.submitted(), c.accepted(), c.late(), c.returned(), c.distorted(),
                    c.completenessPercent(), c.timelinessPercent());
        }
    }

    private final DataCollection collection;
    private final JsonMapper json;

    CollectionApiController(DataCollection collection, JsonMapper json) {
        this.collection = collection;
        this.json = json;
    }

    @PostMapping("/forms")
    ResponseEntity<Form> defineForm(@RequestBody NewForm form) {
        var defined = collection.defineForm(form).orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/collection/forms/" + defined.id())).body(defined);
    }

    @GetMapping("/forms")
    List<Form> forms(@RequestParam(required = false) Integer year) {
        return collection.forms(year);
    }

    @GetMapping("/forms/{id}")
    Form form(@PathVariable long id) {
        return collection.form(id).orElseThrow(() -> Refusal.notFound("form", id).exception());
    }

    @GetMapping(value = "/forms/{id}/print", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> printForm(@PathVariable long id, Locale locale) {
        byte[] pdf = collection.formPdf(id, locale).orElseThrow(() -> Refusal.notFound("form", id).exception());
        return file(pdf, MediaType.APPLICATION_PDF, "form-" + id + ".pdf");
    }

    @PostMapping("/forms/{id}/periods")
    ResponseEntity<Period> openPeriod(@PathVariable long id, @RequestBody NewPeriod period) {
        var opened = collection.openPeriod(id, period).orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/collection/periods/" + opened.id())).body(opened);
    }

    @GetMapping("/forms/{id}/periods")
    List<Period> periods(@PathVariable long id) {
        return collection.periods(id);
    }

    @GetMapping("/periods/{id}")
    Period period(@PathVariable long id) {
        return collection.period(id).orElseThrow(() -> Refusal.notFound("period", id).exception());
    }

    @PostMapping("/periods/{id}/publication")
    Map<String, Integer> publish(@PathVariable long id) {
        return Map.of("participants", collection.publish(id).orElseThrow());
    }

    @PostMapping("/requests")
    ResponseEntity<Period> request(@RequestBody AdditionalRequest request) {
        var period = collection.request(request).orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/collection/periods/" + period.id())).body(period);
    }

    @PostMapping("/periods/{id}/consolidation")
    Submission consolidate(@PathVariable long id) {
        return collection.consolidate(id).orElseThrow();
    }

    @GetMapping("/periods/{id}/completeness")
    List<CompletenessView> completeness(@PathVariable long id, @RequestParam(required = false) String kato,
                                        Locale locale) {
        return collection.completeness(id, kato).stream().map(c -> CompletenessView.of(c, locale)).toList();
    }

    @GetMapping(value = "/periods/{id}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> reportPdf(@PathVariable long id, Locale locale) {
        byte[] pdf = collection.finalReportPdf(id, locale).orElseThrow(() -> Refusal.notFound("period", id).exception());
        return file(pdf, MediaType.APPLICATION_PDF, "final-report-" + id + ".pdf");
    }

    @GetMapping("/periods/{id}/report.xlsx")
    ResponseEntity<byte[]> reportXlsx(@PathVariable long id, Locale locale) {
        byte[] xlsx = collection.finalReportXlsx(id, locale).orElseThrow(() -> Refusal.notFound("period", id).exception());
        return file(xlsx, MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                "final-report-" + id + ".xlsx");
    }

    @GetMapping("/submissions")
    PageView<Submission> submissions(@RequestParam(required = false) Long period,
                                     @RequestParam(required = false) Level level,
                                     @RequestParam(required = false) SubmissionStatus status,
                                     @RequestParam(required = false) Boolean late,
                                     @RequestParam(required = false) String kato,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "25") int size) {
        if (page < 0) throw Refusal.invalid("page", "error.field.range", 0, Integer.MAX_VALUE).exception();
        if (size < 1 || size > Paged.MAX_SIZE) throw Refusal.invalid("size", "error.field.range", 1, Paged.MAX_SIZE).exception();
        if (kato != null && !kato.matches("[0-9]{0,9}")) throw Refusal.invalid("kato", "collection.kato").exception();
        return PageView.of(collection.submissions(new DataCollection.Filter(period, level, status, late, kato), page, size));
    }

    @GetMapping("/submissions/{id}")
    Draft submission(@PathVariable long id) {
        return collection.submission(id).orElseThrow(() -> Refusal.notFound("submission", id).exception());
    }

    @PutMapping("/submissions/{id}/values")
    Draft fill(@PathVariable long id, @RequestBody ValuesRequest request) {
        return collection.fill(id, request.values(), request.explanations()).orElseThrow();
    }

    @GetMapping(value = "/submissions/{id}/content", produces = MediaType.APPLICATION_JSON_VALUE)
    byte[] content(@PathVariable long id) {
        return collection.content(id).orElseThrow(() -> Refusal.notFound("submission", id).exception());
    }

    @PostMapping("/submissions/{id}/submission")
    Submission submit(@PathVariable long id, @RequestBody(required = false) SubmitRequest request) {
        byte[] signature = null;
        if (request != null && request.signature() != null && !request.signature().isBlank()) {
            try {
                signature = Base64.getDecoder().decode(request.signature().strip());
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid("signature", "collection.signature.base64").exception();
            }
        }
        return collection.submit(id, signature).orElseThrow();
    }

    @PostMapping(value = "/submissions/{id}/paper", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Submission paper(@PathVariable long id, @RequestPart(required = false) MultipartFile scan,
                     @RequestParam(required = false) String arrivedOn, @RequestParam(required = false) String reference,
                     @RequestParam(required = false) String values) {
        LocalDate arrived = null;
        if (arrivedOn != null && !arrivedOn.isBlank()) {
            try {
                arrived = LocalDate.parse(arrivedOn.strip());
            } catch (DateTimeParseException e) {
                throw Refusal.invalid("arrivedOn", "collection.value.not-a-date").exception();
            }
        }
        Map<String, Object> parsed = null;
        if (values != null && !values.isBlank()) {
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = json.readValue(values, Map.class);
                parsed = map;
            } catch (RuntimeException e) {
                throw Refusal.invalid("values", "error.field.expected-object").exception();
            }
        }
        byte[] bytes;
        try {
            bytes = scan == null ? null : scan.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return collection.receivePaper(id, new PaperSubmission(bytes, scan == null ? null : scan.getContentType(),
                reference, arrived), parsed).orElseThrow();
    }

    @PostMapping("/submissions/{id}/acceptance")
    Submission accept(@PathVariable long id) {
        return collection.accept(id).orElseThrow();
    }

    @PostMapping("/submissions/{id}/return")
    Submission giveBack(@PathVariable long id, @RequestBody CommentRequest request) {
        return collection.giveBack(id, request.comment()).orElseThrow();
    }

    @PostMapping("/submissions/{id}/unapproval")
    Submission unapprove(@PathVariable long id, @RequestBody ReasonRequest request) {
        return collection.unapprove(id, request.reason()).orElseThrow();
    }

    @PostMapping("/submissions/{id}/distortion")
    Submission distorted(@PathVariable long id, @RequestBody ReasonRequest request) {
        return collection.markDistorted(id, request.reason()).orElseThrow();
    }

    @PostMapping("/submissions/{id}/lock-exception")
    Submission lockException(@PathVariable long id, @RequestBody LockExceptionRequest request) {
        return collection.grantLockException(id, request.until(), request.reason()).orElseThrow();
    }

    private static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(bytes);
    }
}
