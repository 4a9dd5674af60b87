package kz.bilim.staff.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.bilim.identity.Sex;
import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Paged;
import kz.bilim.kernel.Refusal;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.staff.ContractId;
import kz.bilim.staff.Dismissal;
import kz.bilim.staff.EducationLevel;
import kz.bilim.staff.EmploymentContract;
import kz.bilim.staff.FlaggedContract;
import kz.bilim.staff.GradesTaught;
import kz.bilim.staff.Hiring;
import kz.bilim.staff.QualificationCategory;
import kz.bilim.staff.StaffFigures;
import kz.bilim.staff.StaffListing;
import kz.bilim.staff.StaffMember;
import kz.bilim.staff.StaffMemberId;
import kz.bilim.staff.StaffImports;
import kz.bilim.staff.StaffRegistry;
import org.springframework.context.MessageSource;
import kz.bilim.staff.VerdictReference;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Staff over JSON: hiring (HB-1 — a refusal by a verdict is 422 problem+json with {@code code: HIRING_BANNED},
 * the clause and the verdict named), an organisation's staff, one employee's record (audited), dismissal, the
 * contracts flagged by a verdict, the positions classifier and staff figures without personal data.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "staff", description = "Employees, contracts, the court hiring ban (HB-1) and staff figures")
class StaffApiController {

    record HireRequest(String iin, String lastName, String firstName, String patronymic, String birthDate, String sex,
                       String position, String contractNumber, String contractDate, String startsOn, String endsOn,
                       String subject, String weeklyHours, String educationLevel, String speciality, String category,
                       String experienceYears, String nationality, String gradesTaught) {
    }

    record DismissalRequest(String date, String order, String reason) {
    }

    record VerdictView(String court, LocalDate inForceOn, String caseNumber) {
        static VerdictView of(VerdictReference v) {
            return v == null ? null : new VerdictView(v.court(), v.inForceOn(), v.caseNumber());
        }
    }

    record ContractView(long id, long staffMemberId, long organisationId, String position, String subject,
                        BigDecimal weeklyHours, String contractNumber, LocalDate contractDate, LocalDate startsOn,
                        LocalDate endsOn, LocalDate dismissedOn, String dismissalOrder, String dismissalReason,
                        boolean flagged, VerdictView flaggedBy) {
        static ContractView of(EmploymentContract c) {
            return new ContractView(c.id().value(), c.staffMemberId().value(), c.organisationId().value(), c.position(),
                    c.subject(), c.weeklyHours(), c.contractNumber(), c.contractDate(), c.startsOn(), c.endsOn(),
                    c.dismissedOn(), c.dismissalOrder(), c.dismissalReason(), c.flagged(),
                    c.flagged() ? VerdictView.of(c.bannedBy()) : null);
        }
    }

    record StaffMemberView(long id, long organisationId, String iin, String lastName, String firstName,
                           String patronymic, LocalDate birthDate, String sex, String educationLevel, String speciality,
                           String category, Integer experienceYears, List<ContractView> contracts) {
        static StaffMemberView of(StaffMember m) {
            return new StaffMemberView(m.id().value(), m.organisationId().value(), m.iin(), m.lastName(), m.firstName(),
                    m.patronymic(), m.birthDate(), m.sex().name(),
                    m.educationLevel() == null ? null : m.educationLevel().name(), m.speciality(),
                    m.category() == null ? null : m.category().name(), m.experienceYears(),
                    m.contracts().stream().map(ContractView::of).toList());
        }
    }

    record StaffRow(long staffMemberId, long contractId, String iin, String lastName, String firstName,
                    String patronymic, String position, LocalDate startsOn, LocalDate endsOn, LocalDate dismissedOn,
                    boolean flagged) {
        static StaffRow of(StaffListing s) {
            return new StaffRow(s.memberId().value(), s.contractId().value(), s.iin(), s.lastName(), s.firstName(),
                    s.patronymic(), s.position(), s.startsOn(), s.endsOn(), s.dismissedOn(), s.flagged());
        }
    }

    record FlaggedView(long contractId, long staffMemberId, long organisationId, String iin, String lastName,
                       String firstName, String patronymic, String position, LocalDate startsOn, VerdictView verdict) {
        static FlaggedView of(FlaggedContract f) {
            return new FlaggedView(f.contractId().value(), f.memberId().value(), f.organisationId().value(), f.iin(),
                    f.lastName(), f.firstName(), f.patronymic(), f.position(), f.startsOn(), VerdictView.of(f.verdict()));
        }
    }

    record PositionView(String code, String name, boolean pedagogical, boolean worksWithMinors) {
    }

    record PageView<T>(List<T> items, int page, int size, Long total, boolean hasNext) {
        static <T> PageView<T> of(Paged<T> paged) {
            return new PageView<>(paged.items(), paged.page(), paged.size(), paged.total(), paged.hasNext());
        }
    }

    record CountView(Map<StaffFigures.Dimension, String> key, long staff) {
    }

    private final StaffRegistry registry;
    private final StaffFigures figures;
    private final StaffImports imports;
    private final MessageSource messages;
    private final Clock clock;

    StaffApiController(StaffRegistry registry, StaffFigures figures, StaffImports imports, MessageSource messages,
                       Clock clock) {
        this.registry = registry;
        this.figures = figures;
        this.imports = imports;
        this.messages = messages;
        this.clock = clock;
    }

    @PostMapping(path = "/staff/imports", consumes = {"text/csv", "application/octet-stream"})
    @PreAuthorize(StaffDesk.READERS)
    @Operation(summary = "Import existing staff (CSV, one contract a row, organisations by BIN in the caller's scope); "
            + "idempotent; imported contracts are checked against the verdict register at once (HB-1)")
    CourtBanApiController.ImportView importStaff(@RequestBody byte[] content,
                                                 @RequestParam(defaultValue = "false") boolean allOrNothing,
                                                 Locale locale) {
        return CourtBanApiController.view(imports.importCsv(content, allOrNothing).orElseThrow(), messages, locale);
    }

    @GetMapping("/staff/positions")
    @Operation(summary = "The positions classifier: pedagogical or not, involving work with minors or not (HB-1)")
    List<PositionView> positions(Locale locale) {
        return registry.positions().stream()
                .map(p -> new PositionView(p.code(), p.name(locale), p.pedagogical(), p.worksWithMinors())).toList();
    }

    @PostMapping("/organisations/{id}/staff")
    @PreAuthorize(StaffDesk.READERS)
    @Operation(summary = "Hire: conclude an employment contract (HB-1: refused with HIRING_BANNED when a court verdict "
            + "in force bans the person from the position)")
    ResponseEntity<StaffMemberView> hire(@PathVariable long id, @RequestBody HireRequest request) {
        var errors = new ArrayList<FieldError>();
        var hiring = hiring(request, errors);
        if (!errors.isEmpty()) throw Refusal.invalid(errors).exception();
        var member = registry.hire(new OrganisationId(id), hiring).orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/staff/" + member.id().value())).body(StaffMemberView.of(member));
    }

    static Hiring hiring(HireRequest r, List<FieldError> errors) {
        return new Hiring(r.iin(), r.lastName(), r.firstName(), r.patronymic(),
                StaffValidation.date("birthDate", r.birthDate(), errors),
                StaffValidation.choice(Sex.class, "sex", r.sex(), errors), r.position(), r.subject(),
                StaffValidation.hours("weeklyHours", r.weeklyHours(), errors), r.contractNumber(),
                StaffValidation.date("contractDate", r.contractDate(), errors),
                StaffValidation.date("startsOn", r.startsOn(), errors),
                StaffValidation.date("endsOn", r.endsOn(), errors),
                StaffValidation.choice(EducationLevel.class, "educationLevel", r.educationLevel(), errors),
                r.speciality(), StaffValidation.choice(QualificationCategory.class, "category", r.category(), errors),
                StaffValidation.integer("experienceYears", r.experienceYears(), errors), r.nationality(),
                StaffValidation.choice(GradesTaught.class, "gradesTaught", r.gradesTaught(), errors));
    }

    @GetMapping("/organisations/{id}/staff")
    @PreAuthorize(StaffDesk.READERS)
    @Operation(summary = "An organisation's contracts with their employees, by name; every page read is audited")
    PageView<StaffRow> staff(@PathVariable long id, @RequestParam(required = false) String q,
                             @RequestParam(defaultValue = "true") boolean current,
                             @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageView.of(registry.staff(new OrganisationId(id), q, current, Paged.page(page), Paged.size(size))
                .map(StaffRow::of));
    }

    @GetMapping("/staff/{id}")
    @PreAuthorize(StaffDesk.READERS)
    @Operation(summary = "An employee's record with their contracts; every read is audited with its purpose")
    StaffMemberView member(@PathVariable long id, @RequestParam(required = false) String purpose) {
        return registry.read(new StaffMemberId(id), purpose == null ? "api" : purpose).map(StaffMemberView::of)
                .orElseThrow(() -> Refusal.notFound("staff", id).exception());
    }

    @PostMapping("/staff/contracts/{id}/dismissal")
    @PreAuthorize(StaffDesk.READERS)
    @Operation(summary = "End a contract by order: the last day, the order number and the reason")
    ContractView dismiss(@PathVariable long id, @RequestBody DismissalRequest request) {
        var errors = new ArrayList<FieldError>();
        var date = StaffValidation.date("date", request.date(), errors);
        if (!errors.isEmpty()) throw Refusal.invalid(errors).exception();
        return ContractView.of(registry.dismiss(new ContractId(id), new Dismissal(date, request.order(), request.reason()))
                .orElseThrow());
    }

    @GetMapping("/staff/flagged")
    @PreAuthorize(StaffDesk.READERS)
    @Operation(summary = "HB-1: current contracts a court verdict in force covers, within the caller's scope")
    PageView<FlaggedView> flagged(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageView.of(registry.flagged(Paged.page(page), Paged.size(size)).map(FlaggedView::of));
    }

    @GetMapping("/staff/figures")
    @Operation(summary = "Staff counts (no personal data) by position, pedagogical, education, category, sex, age band, "
            + "organisation or territory, within the caller's scope")
    List<CountView> figures(@RequestParam(required = false) String kato, @RequestParam(required = false) String on,
                            @RequestParam(required = false) List<String> groupBy,
                            @RequestParam(defaultValue = "4") int level) {
        var errors = new ArrayList<FieldError>();
        String prefix = kato == null ? "" : kato.trim();
        if (!prefix.matches("[0-9]{0,9}")) errors.add(new FieldError("kato", "staff.figures.kato"));
        LocalDate day = StaffValidation.date("on", on, errors);
        var dimensions = EnumSet.noneOf(StaffFigures.Dimension.class);
        for (String g : groupBy == null ? List.<String>of() : groupBy) {
            var d = StaffValidation.choice(StaffFigures.Dimension.class, "groupBy", g, errors);
            if (d != null) dimensions.add(d);
        }
        if (level != 2 && level != 4 && level != 6 && level != 9) errors.add(new FieldError("level", "staff.figures.level"));
        if (!errors.isEmpty()) throw Refusal.invalid(errors).exception();
        return figures.counts(new StaffFigures.Query(prefix, day == null ? LocalDate.now(clock) : day, dimensions, level))
                .stream().map(c -> new CountView(c.key(), c.staff())).toList();
    }
}
