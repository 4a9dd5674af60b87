package kz.bilim.staff.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.bilim.kernel.Paged;
import kz.bilim.staff.CourtBan;
import kz.bilim.staff.CourtBans;
import kz.bilim.staff.ImportReport;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The verdict register over JSON (HB-1), for the ministry, region and district offices; everyone else gets 403.
 * Import: {@code text/csv} in the body (docs/staff.md), answered with the accepted and rejected counts and the reason
 * of each rejected row in the caller's language.
 */
@RestController
@RequestMapping("/api/v1/court-bans")
@PreAuthorize(CourtBanRegister.REGISTER_ROLES)
@Tag(name = "court bans", description = "Court verdicts in force banning pedagogical work or work with minors (HB-1)")
class CourtBanApiController {

    record RejectionView(int row, String field, String reason) {
    }

    record ImportView(Long importId, int rows, int accepted, int rejected, int inserted, int updated, int unchanged,
                      int flagged, boolean written, List<RejectionView> rejections) {
    }

    record BanView(long id, String iin, String lastName, String firstName, LocalDate birthDate, String court,
                   String caseNumber, LocalDate inForceOn, String article, String banned, String until) {
        static BanView of(CourtBan b) {
            return new BanView(b.id().value(), b.iin(), b.lastName(), b.firstName(), b.birthDate(), b.court(),
                    b.caseNumber(), b.inForceOn(), b.article(), b.banned(),
                    b.until() == null ? "LIFE" : b.until().toString());
        }
    }

    private final CourtBans bans;
    private final MessageSource messages;

    CourtBanApiController(CourtBans bans, MessageSource messages) {
        this.bans = bans;
        this.messages = messages;
    }

    @PostMapping(path = "/imports", consumes = {"text/csv", "application/octet-stream"})
    @Operation(summary = "Import a verdict file (CSV, UTF-8, header iin, last_name, first_name, birth_date, court, "
            + "case_number, in_force_on, article, banned, until); idempotent; current contracts are checked at once")
    ImportView importCsv(@RequestBody byte[] content, @RequestParam(defaultValue = "false") boolean allOrNothing,
                         Locale locale) {
        return view(bans.importCsv(content, allOrNothing).orElseThrow(), messages, locale);
    }

    static ImportView view(ImportReport r, MessageSource messages, Locale locale) {
        return new ImportView(r.written() && r.importId() > 0 ? r.importId() : null, r.rows(), r.accepted(), r.rejected(), r.inserted(),
                r.updated(), r.unchanged(), r.flagged(), r.written(), r.rejections().stream()
                .map(x -> new RejectionView(x.row(), x.field(),
                        messages.getMessage(x.reasonKey(), x.args().toArray(), x.reasonKey(), locale)))
                .toList());
    }

    @GetMapping
    @Operation(summary = "The register, newest in force first, optionally of one IIN; every page read is audited")
    StaffApiController.PageView<BanView> list(@RequestParam(required = false) String iin,
                                              @RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer size) {
        return StaffApiController.PageView.of(bans.list(iin, Paged.page(page), Paged.size(size)).map(BanView::of));
    }
}
