package kz.bilim.staff.internal;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Paged;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.SignedIn;
import kz.bilim.kernel.Text;
import kz.bilim.staff.ContractsFlagged;
import kz.bilim.staff.CourtBan;
import kz.bilim.staff.CourtBans;
import kz.bilim.staff.ImportReport;
import kz.bilim.staff.Position;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The verdict register (HB-1): imports of verdict files and the register's pages, for the ministry, region and
 * district offices only. An import is one transaction — its bans, the flags they raise on current contracts and its
 * audit record are written together or not at all.
 */
@Service
@PreAuthorize(CourtBanRegister.REGISTER_ROLES)
class CourtBanRegister implements CourtBans {

    static final String REGISTER_ROLES = "hasAnyRole('MINISTRY_ADMIN', 'REGION_OFFICER', 'DISTRICT_OFFICER')";

    private static final Logger log = LoggerFactory.getLogger(CourtBanRegister.class);

    private final CourtBanRepository bans;
    private final StaffRepository staff;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CourtBanRegister(CourtBanRepository bans, StaffRepository staff, AuditTrail audit, ApplicationEventPublisher events,
                     PlatformTransactionManager transactions, Clock clock) {
        this.bans = bans;
        this.staff = staff;
        this.audit = audit;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public Outcome<ImportReport> importCsv(byte[] content, boolean allOrNothing) {
        long started = System.nanoTime();
        List<CsvFile.Row> rows;
        try {
            rows = CsvFile.read(content, VerdictFile.COLUMNS);
        } catch (CsvFile.Unreadable e) {
            var r = e.rejection();
            return Refusal.invalid(List.of(new FieldError("file", r.reasonKey(), r.args().toArray()))).outcome();
        }
        LocalDate today = LocalDate.now(clock);
        var checked = VerdictFile.check(rows, staff.positions().stream().map(Position::code).collect(Collectors.toSet()),
                today);
        int accepted = checked.bans().size();
        int rejected = checked.rejections().size() == 0 ? 0
                : (int) checked.rejections().stream().map(ImportReport.RowRejection::row).distinct().count();
        if (accepted == 0 || (allOrNothing && rejected > 0))
            return Outcome.done(new ImportReport(0, rows.size(), 0, rejected, 0, 0, 0, 0, checked.rejections(), false));
        long checkedAt = System.nanoTime();
        var report = transaction.execute(status -> {
            long id = bans.newImport(SignedIn.actor(), rows.size(), accepted, rejected);
            var merged = bans.merge(id, checked.bans());
            long mergedAt = System.nanoTime();
            int flagged = bans.flag(id, today);
            long flaggedAt = System.nanoTime();
            bans.finish(id, merged, flagged);
            var details = new LinkedHashMap<String, Object>();
            details.put("rows", rows.size());
            details.put("accepted", accepted);
            details.put("rejected", rejected);
            details.put("inserted", merged.inserted());
            details.put("updated", merged.updated());
            details.put("flagged", flagged);
            details.put("bytes", content.length);
            audit.record(AuditEntry.of(AuditAction.IMPORT, "court-ban-import", id,
                    SignedIn.caller().map(c -> c.kato()).orElse(""), null).because("court-ban-import").with(details));
            if (flagged > 0) events.publishEvent(new ContractsFlagged("court-ban-import", id, flagged));
            log.info("Verdict file imported: {} rows, {} accepted ({} new, {} changed), {} rejected, {} contracts "
                            + "flagged; read and checked in {} ms, merged in {} ms, checked against contracts in {} ms",
                    rows.size(), accepted, merged.inserted(), merged.updated(), rejected, flagged,
                    (checkedAt - started) / 1_000_000, (mergedAt - checkedAt) / 1_000_000,
                    (flaggedAt - mergedAt) / 1_000_000);
            return new ImportReport(id, rows.size(), accepted, rejected, merged.inserted(), merged.updated(),
                    accepted - merged.inserted() - merged.updated(), flagged, checked.rejections(), true);
        });
        return Outcome.done(report);
    }

    @Override
    @Transactional
    public Paged<CourtBan> list(String iin, int page, int size) {
        String filter = Text.blankToNull(iin);
        long total = bans.count(filter);
        var items = (long) page * size >= total ? List.<CourtBan>of() : bans.list(filter, size, (long) page * size);
        if (!items.isEmpty())
            audit.record(AuditEntry.of(AuditAction.READ, "court-ban-list", null,
                            SignedIn.caller().map(c -> c.kato()).orElse(""), null).because("register")
                    .with(Map.of("rows", items.size(), "page", page, "searched", filter != null)));
        return Paged.counted(items, page, size, total);
    }
}
