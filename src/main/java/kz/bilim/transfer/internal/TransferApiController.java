package kz.bilim.transfer.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.bilim.kernel.Caller;
import kz.bilim.kernel.Paged;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.SignedIn;
import kz.bilim.kernel.Text;
import kz.bilim.transfer.ApplicationForm;
import kz.bilim.transfer.DocumentKind;
import kz.bilim.transfer.RuleNotices;
import kz.bilim.transfer.TransferApplication;
import kz.bilim.transfer.TransferId;
import kz.bilim.transfer.TransferStage;
import kz.bilim.transfer.TransferStatus;
import kz.bilim.transfer.Transfers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The transfer service over JSON (docs/transfer.md): the applicant's portal (TR-2, TR-17: the application text to
 * sign, the signed submission, their applications), the provider's desk (TR-4: accept into a class or refuse on a
 * TR-16 ground; the paper route's coupons, TR-5…TR-8), the signed documents as PDF and {@code .p7s}, the stage
 * timeline and the monitoring export (TR-9), the status for the contact centre (TR-17), the rule-change notices (TR-3).
 */
@RestController
@RequestMapping("/api/v1/transfers")
@Tag(name = "transfer", description = "Transfer between schools as a public service (TR-1…TR-18)")
class TransferApiController {

    record DecisionRequest(Long classId, String admissionOrder, String ground, String reason, String expulsionOrder) {
    }

    record TextView(String text, String content) {
    }

    record RuleChangeRequest(String registeredOn, String what) {
    }

    private final Transfers transfers;
    private final RuleNotices notices;

    TransferApiController(Transfers transfers, RuleNotices notices) {
        this.transfers = transfers;
        this.notices = notices;
    }

    @PostMapping("/application-text")
    @Operation(summary = "TR-17: the exact UTF-8 text of the application to sign (content: base64 of the bytes)")
    TextView applicationText(@RequestBody ApplicationForm form) {
        byte[] bytes = transfers.applicationText(form).orElseThrow();
        return new TextView(new String(bytes, StandardCharsets.UTF_8), Base64.getEncoder().encodeToString(bytes));
    }

    @PostMapping
    @Operation(summary = "TR-2, TR-17: submit the application on the portal with a detached CMS signature (base64 DER); "
            + "the application registered in the body, or only its Location with `Prefer: return=minimal` (RFC 7240)")
    ResponseEntity<TransferApplication> submit(@RequestBody ApplicationForm form,
                                               @RequestHeader(value = "Prefer", required = false) String prefer) {
        var a = transfers.submit(form).orElseThrow();
        var created = ResponseEntity.created(URI.create("/api/v1/transfers/" + a.id()));
        // a portal that only needs where the application is (its id) spares both sides the whole application in JSON
        if (prefer != null && MINIMAL.matcher(prefer).find())
            return created.header("Preference-Applied", "return=minimal").build();
        return created.body(a);
    }

    private static final java.util.regex.Pattern MINIMAL =
            java.util.regex.Pattern.compile("(^|[,;\\s])return\\s*=\\s*\"?minimal\"?($|[,;\\s])", java.util.regex.Pattern.CASE_INSENSITIVE);

    @PostMapping("/paper")
    @Operation(summary = "TR-2, TR-15: the receiving school registers a paper application")
    ResponseEntity<TransferApplication> paper(@RequestBody ApplicationForm form) {
        Caller caller = SignedIn.required();
        long organisation = caller.organisationId() == null ? -1 : caller.organisationId();
        var a = transfers.registerPaper(form, organisation).orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/transfers/" + a.id())).body(a);
    }

    @GetMapping("/mine")
    @Operation(summary = "TR-17: the signed-in applicant's applications")
    List<TransferApplication> mine() {
        return transfers.mine();
    }

    @GetMapping
    @Operation(summary = "TR-4: the desk: applications within the caller's scope, open first by due moment")
    Paged<TransferApplication> desk(@RequestParam(defaultValue = "false") boolean open,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "50") int size) {
        if (page < 0) throw Refusal.invalid("page", "transfer.page.range").exception();
        if (size < 1 || size > 200) throw Refusal.invalid("size", "transfer.page.range").exception();
        return transfers.desk(open, page, size);
    }

    @GetMapping("/{id}")
    TransferApplication one(@PathVariable long id) {
        return transfers.find(new TransferId(id))
                .orElseThrow(() -> Refusal.notFound("transfer", id).exception());
    }

    @GetMapping("/{id}/status")
    @Operation(summary = "TR-17: stage and term without personal data (contact centre 1414, help desk)")
    TransferStatus status(@PathVariable long id) {
        return transfers.status(new TransferId(id)).orElseThrow(() -> Refusal.notFound("transfer", id).exception());
    }

    @GetMapping("/{id}/stages")
    @Operation(summary = "TR-9: every stage with who and when")
    List<TransferStage> stages(@PathVariable long id) {
        one(id);
        return transfers.stages(new TransferId(id));
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "TR-4, TR-10: accept into a class; the enrolment moves and the signed notification is issued")
    TransferApplication accept(@PathVariable long id, @RequestBody DecisionRequest request) {
        if (request.classId() == null) throw Refusal.invalid("classId", "error.field.required").exception();
        return transfers.accept(new TransferId(id), request.classId(), request.admissionOrder()).orElseThrow();
    }

    @PostMapping("/{id}/refuse")
    @Operation(summary = "TR-4, TR-16: a motivated refusal on one ground (1–7), with the refusal receipt")
    TransferApplication refuse(@PathVariable long id, @RequestBody DecisionRequest request) {
        return transfers.refuse(new TransferId(id), request.ground(), request.reason()).orElseThrow();
    }

    @PostMapping("/{id}/arrival-coupon")
    @Operation(summary = "TR-5: the receiving school issues the arrival coupon, valid 3 working days")
    TransferApplication arrivalCoupon(@PathVariable long id) {
        return transfers.issueArrivalCoupon(new TransferId(id)).orElseThrow();
    }

    @PostMapping("/{id}/departure-coupon")
    @Operation(summary = "TR-6, TR-8: the departing school registers the coupon (refused when late) and issues its own")
    TransferApplication departureCoupon(@PathVariable long id) {
        return transfers.issueDepartureCoupon(new TransferId(id)).orElseThrow();
    }

    @PostMapping("/{id}/departure-abroad")
    @Operation(summary = "TR-15: the departing school closes a departure abroad (confirming document) by its expulsion order")
    TransferApplication departAbroad(@PathVariable long id, @RequestBody DecisionRequest request) {
        return transfers.departAbroad(new TransferId(id), request.expulsionOrder()).orElseThrow();
    }

    @PostMapping("/{id}/admit")
    @Operation(summary = "TR-7: admission and expulsion orders, the enrolment moved in one transaction")
    TransferApplication admit(@PathVariable long id, @RequestBody DecisionRequest request) {
        if (request.classId() == null) throw Refusal.invalid("classId", "error.field.required").exception();
        return transfers.admit(new TransferId(id), request.classId(), request.admissionOrder()).orElseThrow();
    }

    @GetMapping("/{id}/{file}.pdf")
    @Operation(summary = "A document issued (notice, refusal-receipt, arrival-coupon, departure-coupon) as PDF")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable String file) {
        var document = document(id, file);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "-" + id + ".pdf\"")
                .body(document.pdf());
    }

    @GetMapping("/{id}/{file}.p7s")
    @Operation(summary = "The provider's detached CMS signature (DER) of that PDF")
    ResponseEntity<byte[]> signature(@PathVariable long id, @PathVariable String file) {
        var document = document(id, file);
        if (document.signature() == null) throw Refusal.notFound("signature", id).exception();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/pkcs7-signature"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "-" + id + ".p7s\"")
                .body(document.signature());
    }

    private kz.bilim.transfer.IssuedDocument document(long id, String file) {
        DocumentKind kind = DocumentKind.ofFileName(file);
        if (kind == null) throw Refusal.notFound("document", file).exception();
        return transfers.document(new TransferId(id), kind)
                .orElseThrow(() -> Refusal.notFound("document", file).exception());
    }

    @GetMapping("/monitoring")
    @Operation(summary = "TR-9: applications by route and state within the caller's scope, and how many are overdue")
    Map<String, Long> monitoring() {
        return transfers.monitoring();
    }

    @GetMapping(value = "/monitoring/stages.csv", produces = "text/csv")
    @Operation(summary = "TR-9: the stages for the public-services monitoring system, CSV without personal data")
    ResponseEntity<String> export(@RequestParam String from, @RequestParam String to) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start)) throw Refusal.invalid("to", "transfer.date.before-from").exception();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .body(transfers.monitoringExport(start, end));
    }

    @PostMapping("/rule-changes")
    @Operation(summary = "TR-3: record a change of the service's rules; three notices due in 3 working days")
    ResponseEntity<RuleNotices.RuleChange> ruleChange(@RequestBody RuleChangeRequest request) {
        var change = notices.record(date("registeredOn", request.registeredOn()), request.what()).orElseThrow();
        return ResponseEntity.status(201).body(change);
    }

    @GetMapping("/rule-notices")
    @Operation(summary = "TR-3: the notices of rule changes, late ones marked")
    List<RuleNotices.RuleNotice> ruleNotices() {
        return notices.notices();
    }

    @PostMapping("/rule-notices/{id}/sent")
    RuleNotices.RuleNotice sent(@PathVariable long id) {
        return notices.markSent(id).orElseThrow();
    }

    private static LocalDate date(String field, String value) {
        if (Text.blankToNull(value) == null) throw Refusal.invalid(field, "error.field.required").exception();
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(field, "transfer.date.format").exception();
        }
    }
}
