package kz.bilim.staff.internal;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.SignedIn;
import kz.bilim.organisation.Organisation;
import kz.bilim.organisation.OrganisationFilter;
import kz.bilim.organisation.Organisations;
import kz.bilim.staff.ContractsFlagged;
import kz.bilim.staff.ImportReport;
import kz.bilim.staff.ImportReport.RowRejection;
import kz.bilim.staff.Position;
import kz.bilim.staff.StaffImports;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The staff import: checked rows, organisations found by BIN in the caller's scope, one transaction, HB-1 flags. */
@Service
@PreAuthorize(StaffDesk.READERS)
class StaffImporting implements StaffImports {

    private final StaffImportRepository imports;
    private final StaffRepository staff;
    private final Organisations organisations;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    StaffImporting(StaffImportRepository imports, StaffRepository staff, Organisations organisations, AuditTrail audit,
                   ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
        this.imports = imports;
        this.staff = staff;
        this.organisations = organisations;
        this.audit = audit;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public Outcome<ImportReport> importCsv(byte[] content, boolean allOrNothing) {
        List<CsvFile.Row> rows;
        try {
            rows = CsvFile.read(content, StaffFile.REQUIRED, StaffFile.OPTIONAL);
        } catch (CsvFile.Unreadable e) {
            var r = e.rejection();
            return Refusal.invalid(List.of(new FieldError("file", r.reasonKey(), r.args().toArray()))).outcome();
        }
        LocalDate today = LocalDate.now(clock);
        return Outcome.done(transaction.execute(status -> {
            var checked = StaffFile.check(rows, staff.positions().stream().map(Position::code)
                    .collect(Collectors.toSet()), today);
            var rejections = new ArrayList<>(checked.rejections());
            var found = organisationsByBin(checked.contracts().stream().map(StaffFile.Contract::bin).distinct().toList());
            var staged = new ArrayList<StaffImportRepository.Staged>();
            for (var c : checked.contracts()) {
                var organisation = found.get(c.bin());
                if (organisation == null)
                    rejections.add(new RowRejection(c.row(), "bin", "staff.import.organisation-unknown", List.of(c.bin())));
                else staged.add(new StaffImportRepository.Staged(c, organisation.id().value(), organisation.kato().value()));
            }
            int rejectedRows = (int) rejections.stream().map(RowRejection::row).distinct().count();
            if (staged.isEmpty() || (allOrNothing && rejectedRows > 0)) {
                status.setRollbackOnly();
                return report(rows.size(), 0, rejectedRows, 0, 0, 0, rejections, false);
            }
            var merged = imports.merge(staged);
            for (int row : merged.conflicting())
                rejections.add(new RowRejection(row, "position", "staff.contract.second-open", List.of()));
            int accepted = staged.size() - merged.conflicting().size();
            int rejected = rejectedRows + merged.conflicting().size();
            if (allOrNothing && !merged.conflicting().isEmpty()) {
                status.setRollbackOnly();
                return report(rows.size(), 0, rejected, 0, 0, 0, rejections, false);
            }
            int flagged = staff.flagContracts(merged.contracts(), today);
            var details = new LinkedHashMap<String, Object>();
            details.put("rows", rows.size());
            details.put("accepted", accepted);
            details.put("rejected", rejected);
            details.put("employees", merged.members());
            details.put("contracts", merged.contracts().size());
            details.put("flagged", flagged);
            audit.record(AuditEntry.of(AuditAction.IMPORT, "staff-import", null,
                    SignedIn.caller().map(c -> c.kato()).orElse(""), null).because("staff-import").with(details));
            if (flagged > 0) events.publishEvent(new ContractsFlagged("staff-import", 0, flagged));
            return report(rows.size(), accepted, rejected, merged.contracts().size(),
                    accepted - merged.contracts().size(), flagged, rejections, true);
        }));
    }

    private static ImportReport report(int rows, int accepted, int rejected, int inserted, int unchanged, int flagged,
                                       List<RowRejection> rejections, boolean written) {
        var sorted = rejections.stream().sorted(Comparator.comparingInt(RowRejection::row)).toList();
        return new ImportReport(0, rows, accepted, rejected, inserted, 0, unchanged, flagged, sorted, written);
    }

    /** The organisations of these BINs that the caller may see (one look-up per BIN; a region holds hundreds). */
    private Map<String, Organisation> organisationsByBin(List<String> bins) {
        var found = new HashMap<String, Organisation>();
        for (String bin : bins)
            organisations.list(new OrganisationFilter(null, null, null, null, null, bin), 0, 5).items().stream()
                    .filter(o -> o.bin().value().equals(bin)).findFirst().ifPresent(o -> found.put(bin, o));
        return found;
    }
}
