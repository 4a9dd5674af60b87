package kz.bilim.statistics.internal;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Refusal;
import kz.bilim.statistics.Dim;
import kz.bilim.statistics.IndicatorTable;
import kz.bilim.territory.Territories;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pivot page (SC-5): choose an indicator, the breakdown down the rows and across the columns, filters (a region,
 * any breakdown's value) and the snapshot; the table with totals and a chart beside it; the same as XLSX; and the
 * SC-4 yearly summary by regions as XLSX and PDF. Aggregates only; every read audited like the API's.
 */
@Controller
@PreAuthorize(StatisticsAccess.READERS)
class StatisticsPageController {

    static final String VIEW = "statistics/pivot";
    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** What the reader chose, as the page's query parameters. */
    public record Selection(int indicator, Dim rows, Dim columns, String region, Dim filterDim, String filterValue,
                     String snapshot) {

        List<String> by() {
            var out = new ArrayList<String>();
            if (rows != null) out.add(rows.apiName());
            if (columns != null && columns != rows) out.add(columns.apiName());
            return out;
        }

        List<String> filters() {
            var out = new ArrayList<String>();
            if (region != null) out.add("region:" + region);
            if (filterDim != null && filterValue != null) out.add(filterDim.apiName() + ":" + filterValue);
            return out;
        }
    }

    /** An indicator of the page's list: its number, and whether it is computed yet. */
    public record Option(int number, boolean live) {
    }

    private final IndicatorReading indicators;
    private final StatisticsAccess access;
    private final AuditTrail audit;
    private final ValueLabels labels;
    private final StatisticsDocuments documents;
    private final MessageSource messages;
    private final Territories territories;
    private final SnapshotTaking taking;

    StatisticsPageController(IndicatorReading indicators, StatisticsAccess access, AuditTrail audit, ValueLabels labels,
                             StatisticsDocuments documents, MessageSource messages, Territories territories,
                             SnapshotTaking taking) {
        this.taking = taking;
        this.indicators = indicators;
        this.access = access;
        this.audit = audit;
        this.labels = labels;
        this.documents = documents;
        this.messages = messages;
        this.territories = territories;
    }

    private Selection selection(String indicator, String rows, String cols, String region, String fdim, String fvalue,
                                String snapshot) {
        int n;
        try {
            n = Integer.parseInt(indicator == null || indicator.isBlank() ? "8" : indicator.trim());
        } catch (NumberFormatException e) {
            throw Refusal.invalid("indicator", "statistics.indicator.unknown", indicator).exception();
        }
        var found = Catalogue.find(n).orElseThrow(() ->
                Refusal.invalid("indicator", "statistics.indicator.unknown", n).exception());
        var dims = found.liveDims();
        Dim r = dim(rows, dims, rows == null ? (dims.isEmpty() ? null : dims.get(0)) : null);
        Dim c = dim(cols, dims, null);
        if (c == r) c = null;
        Dim fd = dim(fdim, dims, null);
        String fv = fvalue == null || fvalue.isBlank() ? null : fvalue.trim();
        String reg = region == null || !region.matches("[0-9]{9}") || !dims.contains(Dim.REGION) ? null : region;
        String snap = snapshot;
        if (snap == null || snap.isBlank()) {
            var days = indicators.snapshotDays();
            snap = days.isEmpty() ? IndicatorReading.LIVE : days.get(0).toString();
        }
        return new Selection(n, r, c, reg, fd, fv, snap);
    }

    private static Dim dim(String name, List<Dim> allowed, Dim otherwise) {
        if (name == null || name.isBlank()) return otherwise;
        return Dim.ofApiName(name.trim()).filter(allowed::contains).orElse(otherwise);
    }

    private Outcome<IndicatorTable> read(Selection s) {
        var outcome = indicators.read(s.indicator(), s.snapshot(), s.by(), s.filters());
        if (outcome instanceof Outcome.Done<IndicatorTable> done)
            audit.record(AuditEntry.of(AuditAction.READ, "statistics-indicator", s.indicator(), "", null)
                    .because("SC-3 statistics").with(Map.of("snapshot", done.value().snapshot(),
                            "by", String.join(",", s.by()), "filter", String.join(",", s.filters()), "page", true)));
        return outcome;
    }

    @GetMapping("/statistics")
    String pivot(@RequestParam(required = false) String indicator, @RequestParam(required = false) String rows,
                 @RequestParam(required = false) String cols, @RequestParam(required = false) String region,
                 @RequestParam(required = false) String fdim, @RequestParam(required = false) String fvalue,
                 @RequestParam(required = false) String snapshot, Model model, Locale locale) {
        access.requireRegistered();
        var s = selection(indicator, rows, cols, region, fdim, fvalue, snapshot);
        var found = Catalogue.find(s.indicator()).orElseThrow();
        model.addAttribute("selection", s);
        model.addAttribute("catalogue", Catalogue.all().stream().map(i -> new Option(i.number(), i.live())).toList());
        model.addAttribute("dims", found.liveDims());
        model.addAttribute("regions", territories.regions());
        model.addAttribute("snapshots", indicators.snapshotDays());
        model.addAttribute("notices", access.notices(true));
        model.addAttribute("heading", s.indicator() + ". " + messages.getMessage("statistics.indicator." + s.indicator(),
                null, "", locale));
        var outcome = read(s);
        if (outcome instanceof Outcome.Refused<IndicatorTable> refused) {
            var refusal = refused.refusal();
            var error = refusal.errors().isEmpty() ? null : refusal.errors().get(0);
            model.addAttribute("problem", error == null
                    ? messages.getMessage(refusal.reasonKey(), refusal.args().toArray(), refusal.reasonKey(), locale)
                    : messages.getMessage(error.reasonKey(), error.args(), error.reasonKey(), locale));
            return VIEW;
        }
        var table = outcome.orElseThrow();
        // the live figures are those of the kept live snapshot: the page says when it was taken (Kazakhstan's time)
        if (table.takenAt() != null)
            model.addAttribute("takenAt", java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
                    .format(table.takenAt().atZone(java.time.ZoneId.of("Asia/Almaty"))));
        if (s.indicator() == 45) {
            model.addAttribute("pivot", Comparative.of(table, messages, locale).pivot());
            model.addAttribute("table", table);
            return VIEW;
        }
        var pivot = Pivot.of(table, s.rows(), s.columns(), labels, locale);
        model.addAttribute("pivot", pivot);
        model.addAttribute("table", table);
        model.addAttribute("chart", PivotChart.svg(pivot, (String) model.getAttribute("heading")));
        return VIEW;
    }

    /** SC-4: the ministry takes (again) the snapshot of a day from the page; then the page shows it. */
    @org.springframework.web.bind.annotation.PostMapping("/statistics/snapshots")
    @PreAuthorize("hasRole('MINISTRY_ADMIN')")
    String take(@RequestParam(required = false) String asOf) {
        java.time.LocalDate day;
        try {
            day = java.time.LocalDate.parse(asOf == null ? "" : asOf.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw Refusal.invalid("asOf", "statistics.snapshot.bad", asOf).exception();
        }
        if (day.isAfter(access.today())) throw Refusal.invalid("asOf", "statistics.snapshot.future", day).exception();
        var taken = taking.take(day, false, kz.bilim.kernel.SignedIn.required().username());
        audit.record(AuditEntry.of(AuditAction.CREATE, "statistics-snapshot", taken.id(), "", null)
                .with(Map.of("asOf", day.toString(), "version", taken.version())));
        return "redirect:/statistics?snapshot=" + day;
    }

    @GetMapping("/statistics/pivot.xlsx")
    ResponseEntity<byte[]> pivotXlsx(@RequestParam(required = false) String indicator,
                                     @RequestParam(required = false) String rows,
                                     @RequestParam(required = false) String cols,
                                     @RequestParam(required = false) String region,
                                     @RequestParam(required = false) String fdim,
                                     @RequestParam(required = false) String fvalue,
                                     @RequestParam(required = false) String snapshot, Locale locale) {
        access.requireRegistered();
        var s = selection(indicator, rows, cols, region, fdim, fvalue, snapshot);
        var table = read(s).orElseThrow();
        String title = s.indicator() + ". " + messages.getMessage("statistics.indicator." + s.indicator(), null, "", locale);
        Pivot pivot = s.indicator() == 45 ? Comparative.of(table, messages, locale).pivot()
                : Pivot.of(table, s.rows(), s.columns(), labels, locale);
        byte[] bytes = documents.pivotXlsx(pivot, title, table.snapshot(), s.filters(), locale);
        return file(bytes, XLSX, "indicator-" + s.indicator() + "-" + table.snapshot() + ".xlsx");
    }

    @GetMapping("/statistics/summary.xlsx")
    ResponseEntity<byte[]> summaryXlsx(@RequestParam(required = false) String snapshot, Locale locale) {
        var summary = summary(snapshot, locale);
        return file(documents.summaryXlsx(summary, summary.snapshotOf().snapshot(), locale), XLSX,
                "summary-" + summary.snapshotOf().snapshot() + ".xlsx");
    }

    @GetMapping("/statistics/summary.pdf")
    ResponseEntity<byte[]> summaryPdf(@RequestParam(required = false) String snapshot, Locale locale) {
        var summary = summary(snapshot, locale);
        return file(documents.summaryPdf(summary, summary.snapshotOf().snapshot(), locale), MediaType.APPLICATION_PDF,
                "summary-" + summary.snapshotOf().snapshot() + ".pdf");
    }

    private StatisticsDocuments.Summary summary(String snapshot, Locale locale) {
        access.requireRegistered();
        String snap = snapshot;
        if (snap == null || snap.isBlank()) {
            var days = indicators.snapshotDays();
            snap = days.isEmpty() ? IndicatorReading.LIVE : days.get(0).toString();
        }
        var all = indicators.all(snap).orElseThrow();
        var summary = documents.summary(all, locale);
        audit.record(AuditEntry.of(AuditAction.READ, "statistics-summary", snap, "", null).because("SC-4 statistics")
                .with(Map.of("snapshot", summary.snapshotOf().snapshot())));
        return summary;
    }

    private static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(bytes);
    }
}
