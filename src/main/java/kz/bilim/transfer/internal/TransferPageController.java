package kz.bilim.transfer.internal;

import kz.bilim.calendar.WorkingCalendar;
import kz.bilim.identity.Iin;
import kz.bilim.kernel.Caller;
import kz.bilim.kernel.CurrentScope;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.Role;
import kz.bilim.kernel.SignedIn;
import kz.bilim.kernel.Text;
import kz.bilim.enrolment.ChildLookup;
import kz.bilim.organisation.Organisation;
import kz.bilim.organisation.OrganisationFilter;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.Organisations;
import kz.bilim.organisation.SchoolClass;
import kz.bilim.platform.web.FormErrors;
import kz.bilim.signature.Signatures;
import kz.bilim.signature.SigningKeys;
import kz.bilim.transfer.ApplicationForm;
import kz.bilim.transfer.DocumentKind;
import kz.bilim.transfer.ExceptionGround;
import kz.bilim.transfer.RefusalGround;
import kz.bilim.transfer.Route;
import kz.bilim.transfer.TransferApplication;
import kz.bilim.transfer.TransferId;
import kz.bilim.transfer.TransferState;
import kz.bilim.transfer.Transfers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The pages of the service: the parent's application (TR-2, TR-17, TR-18; the demo signs on the server with the demo
 * applicant's test key, and says so), the personal cabinet (TR-17), an application with its stages and documents
 * (TR-9, TR-4), the school's desk with its decisions (TR-4, TR-5…TR-8, TR-16) and the district's monitoring (TR-9).
 */
@Controller
@RequestMapping("/transfers")
class TransferPageController {

    static final String APPLY = "transfer/apply";
    static final String MINE = "transfer/mine";
    static final String DETAIL = "transfer/detail";
    static final String DESK = "transfer/desk";

    /** The application form as the page binds it. */
    public static class ApplyForm {
        private String childIin;
        private String childLastName;
        private String grade;
        private String parentPhone;
        private String registeredAddress;
        private String settlement;
        private String district;
        private String city;
        private String region;
        private String schoolBin;
        private boolean consent;
        private String exceptionGround;
        private String supportingDocument;
        private String residenceDocument;

        public String getChildIin() { return childIin; }
        public void setChildIin(String v) { childIin = v; }
        public String getChildLastName() { return childLastName; }
        public void setChildLastName(String v) { childLastName = v; }
        public String getGrade() { return grade; }
        public void setGrade(String v) { grade = v; }
        public String getParentPhone() { return parentPhone; }
        public void setParentPhone(String v) { parentPhone = v; }
        public String getRegisteredAddress() { return registeredAddress; }
        public void setRegisteredAddress(String v) { registeredAddress = v; }
        public String getSettlement() { return settlement; }
        public void setSettlement(String v) { settlement = v; }
        public String getDistrict() { return district; }
        public void setDistrict(String v) { district = v; }
        public String getCity() { return city; }
        public void setCity(String v) { city = v; }
        public String getRegion() { return region; }
        public void setRegion(String v) { region = v; }
        public String getSchoolBin() { return schoolBin; }
        public void setSchoolBin(String v) { schoolBin = v; }
        public boolean isConsent() { return consent; }
        public void setConsent(boolean v) { consent = v; }
        public String getExceptionGround() { return exceptionGround; }
        public void setExceptionGround(String v) { exceptionGround = v; }
        public String getSupportingDocument() { return supportingDocument; }
        public void setSupportingDocument(String v) { supportingDocument = v; }
        public String getResidenceDocument() { return residenceDocument; }
        public void setResidenceDocument(String v) { residenceDocument = v; }
        // the API's names of the same fields, so that a refusal's field errors land in place
        public String getRequestedOrganisationId() { return schoolBin; }
        public String getDate() { return null; }
        public String getSignature() { return null; }
    }

    /** A child the registry links to the signed-in parent (V105), as the form lists it. */
    record LinkedChild(String iin, String lastName, String fullName, Integer grade, Organisation school) {
    }

    private final Transfers transfers;
    private final ChildLookup children;
    private final Organisations organisations;
    private final SigningKeys keys;
    private final Signatures signatures;
    private final WorkingCalendar calendar;
    private final Clock clock;

    TransferPageController(Transfers transfers, ChildLookup children, Organisations organisations, SigningKeys keys,
                           Signatures signatures, WorkingCalendar calendar, Clock clock) {
        this.transfers = transfers;
        this.children = children;
        this.organisations = organisations;
        this.keys = keys;
        this.signatures = signatures;
        this.calendar = calendar;
        this.clock = clock;
    }

    @ModelAttribute("grounds")
    List<RefusalGround> grounds() {
        return Arrays.stream(RefusalGround.values()).filter(g -> g.number() > 0).toList();
    }

    @ModelAttribute("exceptions")
    ExceptionGround[] exceptions() {
        return ExceptionGround.values();
    }

    // ------------------------------------------------------------------------------------------- the parent

    @GetMapping("/apply")
    @PreAuthorize("hasRole('APPLICANT')")
    String applyForm(@RequestParam(name = "child", required = false) String child, Model model) {
        var form = new ApplyForm();
        // a child picked from the parent's list: IIN, surname and grade from the registry
        linkedChildren().stream().filter(c -> c.iin().equals(child)).findFirst().ifPresent(c -> {
            form.setChildIin(c.iin());
            form.setChildLastName(c.lastName());
            form.setGrade(c.grade() == null ? null : c.grade().toString());
        });
        model.addAttribute("form", form);
        return apply(model);
    }

    /** The signed-in parent's children in the registry, each read audited. */
    private List<LinkedChild> linkedChildren() {
        Caller caller = SignedIn.required();
        if (caller.iin() == null) return List.of();
        var found = children.childrenOf(new Iin(caller.iin()), "transfer-children");
        if (found.isEmpty()) return List.of();
        var schools = found.stream().filter(c -> c.current() != null).map(c -> c.current().organisationId())
                .distinct().toList();
        var names = CurrentScope.asSystem(() -> organisations.findAll(schools));
        return found.stream().map(c -> new LinkedChild(c.person().iin().value(), c.person().lastName(),
                c.person().fullName(), c.current() == null ? null : c.current().grade(),
                c.current() == null ? null : names.get(c.current().organisationId()))).toList();
    }

    private String apply(Model model) {
        model.addAttribute("children", linkedChildren());
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("today", today);
        model.addAttribute("holidays", WorkingCalendar.covers(today) && calendar.isSchoolHoliday(today));
        model.addAttribute("demoSigning", keys.testPkiFolder().isPresent());
        return APPLY;
    }

    @PostMapping("/apply")
    @PreAuthorize("hasRole('APPLICANT')")
    String apply(@ModelAttribute("form") ApplyForm form, BindingResult binding, Model model) {
        Caller caller = SignedIn.required();
        String organisationId = schoolId(form.getSchoolBin());
        if (organisationId == null) {
            binding.rejectValue("schoolBin", "transfer.organisation.unknown");
            return apply(model);
        }
        var request = new ApplicationForm(form.getChildIin(), form.getChildLastName(), form.getGrade(),
                form.getParentPhone(), form.getSettlement(), form.getDistrict(), form.getCity(), form.getRegion(),
                form.getRegisteredAddress(), organisationId, form.isConsent(), LocalDate.now(clock).toString(),
                form.getExceptionGround(), form.getSupportingDocument(), null, null, null, null,
                form.getResidenceDocument());
        Outcome<byte[]> text = transfers.applicationText(request);
        if (FormErrors.rejected(binding, text)) return apply(model);
        // the demo signs on the server with the demo applicant's test key; in production the client signs (NCALayer)
        var key = caller.iin() == null || keys.testPkiFolder().isEmpty() ? null : keys.forPerson(new Iin(caller.iin())).orElse(null);
        if (key == null) {
            binding.reject("transfer.apply.no-demo-key");
            return apply(model);
        }
        String signature = Base64.getEncoder().encodeToString(signatures.sign(text.orElseThrow(), key));
        TransferDesk.SERVER_SIGNED.set(true);
        Outcome<TransferApplication> submitted;
        try {
            submitted = transfers.submit(request.withSignature(signature));
        } finally {
            TransferDesk.SERVER_SIGNED.remove();
        }
        if (FormErrors.rejected(binding, submitted)) return apply(model);
        return "redirect:/transfers/" + submitted.orElseThrow().id() + "?submitted";
    }

    private String schoolId(String bin) {
        String b = Text.blankToNull(bin);
        if (b == null || !b.strip().matches("[0-9]{12}")) return null;
        var found = CurrentScope.asSystem(() -> organisations.list(
                new OrganisationFilter(null, null, null, null, null, b.strip()), 0, 5));
        return found.items().stream().filter(o -> o.bin().value().equals(b.strip()) && o.kind().isSchool())
                .findFirst().map(o -> o.id().toString()).orElse(null);
    }

    @GetMapping("/mine")
    @PreAuthorize("hasRole('APPLICANT')")
    String mine(Model model) {
        model.addAttribute("applications", transfers.mine());
        model.addAttribute("now", clock.instant());
        return MINE;
    }

    // ------------------------------------------------------------------------------------------- one application

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('MINISTRY_ADMIN', 'REGION_OFFICER', 'DISTRICT_OFFICER', 'ORGANISATION_ADMIN', 'APPLICANT')")
    String detail(@PathVariable long id, Model model) {
        var a = transfers.find(new TransferId(id)).orElseThrow(() -> Refusal.notFound("transfer", id).exception());
        Caller caller = SignedIn.required();
        model.addAttribute("a", a);
        model.addAttribute("now", clock.instant());
        model.addAttribute("stages", transfers.stages(a.id()));
        model.addAttribute("documents", transfers.documents(a.id()));
        var names = CurrentScope.asSystem(() -> organisations.findAll(a.departingOrganisationId() == null
                ? List.of(new OrganisationId(a.receivingOrganisationId()))
                : List.of(new OrganisationId(a.receivingOrganisationId()), new OrganisationId(a.departingOrganisationId()))));
        model.addAttribute("receiving", names.get(new OrganisationId(a.receivingOrganisationId())));
        model.addAttribute("departing", a.departingOrganisationId() == null ? null
                : names.get(new OrganisationId(a.departingOrganisationId())));
        boolean receivingDesk = caller.administers(a.receivingOrganisationId());
        boolean departingDesk = a.departingOrganisationId() != null && caller.administers(a.departingOrganisationId());
        model.addAttribute("canAccept", receivingDesk && a.route() == Route.PORTAL && a.state() == TransferState.SUBMITTED);
        model.addAttribute("canRefuse", receivingDesk && a.state().open());
        model.addAttribute("canArrival", receivingDesk && a.route() == Route.PAPER && !a.abroad()
                && a.state() == TransferState.SUBMITTED);
        model.addAttribute("canAbroad", receivingDesk && a.abroad() && a.state() == TransferState.SUBMITTED);
        model.addAttribute("canDeparture", departingDesk && a.route() == Route.PAPER
                && a.state() == TransferState.ARRIVAL_COUPON_ISSUED);
        model.addAttribute("canAdmit", receivingDesk && a.route() == Route.PAPER
                && a.state() == TransferState.DEPARTURE_COUPON_ISSUED);
        if (receivingDesk) {
            List<SchoolClass> classes = organisations.classes(new OrganisationId(a.receivingOrganisationId()), null)
                    .stream().filter(k -> k.grade() == a.grade()).toList();
            model.addAttribute("classes", classes);
        }
        return DETAIL;
    }

    @PostMapping("/{id}/accept")
    @PreAuthorize("hasRole('ORGANISATION_ADMIN')")
    String accept(@PathVariable long id, @RequestParam(required = false) Long classId,
                  @RequestParam(required = false) String admissionOrder, Model model) {
        if (classId == null) return decided(id, Refusal.invalid("classId", "error.field.required").outcome(), model);
        return decided(id, transfers.accept(new TransferId(id), classId, admissionOrder), model);
    }

    @PostMapping("/{id}/admit")
    @PreAuthorize("hasRole('ORGANISATION_ADMIN')")
    String admit(@PathVariable long id, @RequestParam(required = false) Long classId,
                 @RequestParam(required = false) String admissionOrder, Model model) {
        if (classId == null) return decided(id, Refusal.invalid("classId", "error.field.required").outcome(), model);
        return decided(id, transfers.admit(new TransferId(id), classId, admissionOrder), model);
    }

    @PostMapping("/{id}/refuse")
    @PreAuthorize("hasRole('ORGANISATION_ADMIN')")
    String refuse(@PathVariable long id, @RequestParam(required = false) String ground,
                  @RequestParam(required = false) String reason, Model model) {
        return decided(id, transfers.refuse(new TransferId(id), ground, reason), model);
    }

    @PostMapping("/{id}/arrival-coupon")
    @PreAuthorize("hasRole('ORGANISATION_ADMIN')")
    String arrival(@PathVariable long id, Model model) {
        return decided(id, transfers.issueArrivalCoupon(new TransferId(id)), model);
    }

    @PostMapping("/{id}/departure-coupon")
    @PreAuthorize("hasRole('ORGANISATION_ADMIN')")
    String departure(@PathVariable long id, Model model) {
        return decided(id, transfers.issueDepartureCoupon(new TransferId(id)), model);
    }

    @PostMapping("/{id}/departure-abroad")
    @PreAuthorize("hasRole('ORGANISATION_ADMIN')")
    String departAbroad(@PathVariable long id, @RequestParam(required = false) String expulsionOrder, Model model) {
        return decided(id, transfers.departAbroad(new TransferId(id), expulsionOrder), model);
    }

    private String decided(long id, Outcome<TransferApplication> outcome, Model model) {
        if (outcome instanceof Outcome.Refused<TransferApplication> refused) {
            var r = refused.refusal();
            if (r.code() == Refusal.Code.NOT_FOUND || r.code() == Refusal.Code.FORBIDDEN) throw r.exception();
            var error = r.errors().isEmpty() ? null : r.errors().get(0);
            model.addAttribute("refusalKey", error == null ? r.reasonKey() : error.reasonKey());
            model.addAttribute("refusalArgs", error == null ? r.args().toArray() : error.args());
            model.addAttribute("refusalClause", r.clause());
            return detail(id, model);
        }
        return "redirect:/transfers/" + id;
    }

    @GetMapping("/{id}/{file}.pdf")
    @PreAuthorize("hasAnyRole('MINISTRY_ADMIN', 'REGION_OFFICER', 'DISTRICT_OFFICER', 'ORGANISATION_ADMIN', 'APPLICANT')")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable String file) {
        var d = document(id, file);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "-" + id + ".pdf\"").body(d.pdf());
    }

    @GetMapping("/{id}/{file}.p7s")
    @PreAuthorize("hasAnyRole('MINISTRY_ADMIN', 'REGION_OFFICER', 'DISTRICT_OFFICER', 'ORGANISATION_ADMIN', 'APPLICANT')")
    ResponseEntity<byte[]> p7s(@PathVariable long id, @PathVariable String file) {
        var d = document(id, file);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/pkcs7-signature"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "-" + id + ".p7s\"")
                .body(d.signature());
    }

    private kz.bilim.transfer.IssuedDocument document(long id, String file) {
        DocumentKind kind = DocumentKind.ofFileName(file);
        if (kind == null) throw Refusal.notFound("document", file).exception();
        return transfers.document(new TransferId(id), kind).orElseThrow(() -> Refusal.notFound("document", file).exception());
    }

    // ------------------------------------------------------------------------------------------- desk, monitoring

    @GetMapping("/desk")
    @PreAuthorize("hasAnyRole('MINISTRY_ADMIN', 'REGION_OFFICER', 'DISTRICT_OFFICER', 'ORGANISATION_ADMIN')")
    String desk(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "true") boolean open, Model model) {
        if (page < 0) throw Refusal.invalid("page", "transfer.page.range").exception();
        model.addAttribute("page", transfers.desk(open, page, 50));
        model.addAttribute("open", open);
        model.addAttribute("now", clock.instant());
        model.addAttribute("counts", transfers.monitoring());
        model.addAttribute("district", SignedIn.role().map(r -> r != Role.ORGANISATION_ADMIN).orElse(false));
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("today", today);
        model.addAttribute("monthStart", today.withDayOfMonth(1));
        return DESK;
    }

    @GetMapping(value = "/monitoring/stages.csv", produces = "text/csv")
    @PreAuthorize("hasAnyRole('MINISTRY_ADMIN', 'REGION_OFFICER', 'DISTRICT_OFFICER', 'ORGANISATION_ADMIN')")
    ResponseEntity<String> export(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"transfer-stages.csv\"")
                .body(transfers.monitoringExport(from, to));
    }
}
