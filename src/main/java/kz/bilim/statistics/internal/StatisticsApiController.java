package kz.bilim.statistics.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.SignedIn;
import kz.bilim.statistics.IndicatorTable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 45 indicators over JSON (SC-5): the catalogue, one indicator for a snapshot or live broken down and filtered,
 * and the 5-October snapshots (SC-4) — listed, and taken by the ministry. Aggregates only; every read is audited.
 */
@RestController
@RequestMapping("/api/v1/statistics")
@Tag(name = "statistics", description = "The 45 indicators of the Statistics Committee (SC-1…SC-5) and the snapshots")
@PreAuthorize(StatisticsAccess.READERS)
class StatisticsApiController {

    record CatalogueEntry(int number, String status, List<String> breakdowns, Map<String, String> pendingBreakdowns,
                          String waitsFor) {
    }

    record SnapshotView(LocalDate asOf, int version, String takenAt, String takenBy, int organisations, long pupils,
                        long staff, String digest, Integer millis) {
    }

    record TakeRequest(String asOf) {
    }

    private final IndicatorReading indicators;
    private final SnapshotTaking taking;
    private final StatisticsAccess access;
    private final AuditTrail audit;
    private final Clock clock;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    StatisticsApiController(IndicatorReading indicators, SnapshotTaking taking, StatisticsAccess access,
                            AuditTrail audit, Clock clock, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.indicators = indicators;
        this.taking = taking;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @GetMapping("/indicators")
    @Operation(summary = "The catalogue: each indicator's breakdowns and whether its inputs are held yet")
    List<CatalogueEntry> catalogue() {
        access.requireRegistered();
        return Catalogue.all().stream().map(i -> new CatalogueEntry(i.number(), i.live() ? "LIVE" : "PENDING",
                i.dims().stream().map(kz.bilim.statistics.Dim::apiName).toList(),
                i.pendingDims().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                        e -> e.getKey().apiName(), e -> e.getValue().input())),
                i.live() ? null : i.pending().input())).toList();
    }

    @GetMapping("/indicators/{number}")
    @Operation(summary = "One indicator: ?snapshot=<date>|live&by=<dims>&filter=<dim>:<value>")
    Map<String, Object> indicator(@PathVariable String number, @RequestParam(required = false) String snapshot,
                                  @RequestParam(required = false) List<String> by,
                                  @RequestParam(required = false) List<String> filter) {
        access.requireRegistered();
        int n;
        try {
            n = Integer.parseInt(number);
        } catch (NumberFormatException e) {
            throw Refusal.invalid("number", "statistics.indicator.unknown", number).exception();
        }
        var dims = split(by);
        var filters = filter == null ? List.<String>of() : filter;
        IndicatorTable table = indicators.read(n, snapshot, dims, filters).orElseThrow();
        audit.record(AuditEntry.of(AuditAction.READ, "statistics-indicator", n, "", null).because("SC-3 statistics")
                .with(Map.of("snapshot", table.snapshot(), "by", String.join(",", dims),
                        "filter", String.join(",", filters))));
        return view(table);
    }

    @GetMapping("/indicators/all")
    @Operation(summary = "Every live indicator with every one of its breakdowns and its total, for one snapshot")
    Map<String, Object> all(@RequestParam(required = false) String snapshot) {
        access.requireRegistered();
        long started = System.nanoTime();
        var all = indicators.all(snapshot).orElseThrow();
        var out = new LinkedHashMap<String, Object>();
        var tables = new LinkedHashMap<String, Object>();
        String name = null;
        java.time.Instant takenAt = null;
        for (var e : all.entrySet()) {
            var breakdowns = new LinkedHashMap<String, Object>();
            for (var b : e.getValue().entrySet()) {
                breakdowns.put(b.getKey() == null ? "total" : b.getKey().apiName(), view(b.getValue()).get("rows"));
                name = b.getValue().snapshot();
                takenAt = b.getValue().takenAt();
            }
            tables.put(String.valueOf(e.getKey()), breakdowns);
        }
        out.put("snapshot", name);
        out.put("takenAt", takenAt);
        out.put("millis", (System.nanoTime() - started) / 1_000_000);
        out.put("indicators", tables);
        audit.record(AuditEntry.of(AuditAction.READ, "statistics-indicator", "all", "", null).because("SC-3 statistics")
                .with(Map.of("snapshot", String.valueOf(name))));
        return out;
    }

    static Map<String, Object> view(IndicatorTable table) {
        var rows = new ArrayList<Map<String, Object>>();
        for (var row : table.rows()) {
            var r = new LinkedHashMap<String, Object>(row.key());
            r.put("value", row.value());
            rows.add(r);
        }
        var out = new LinkedHashMap<String, Object>();
        out.put("indicator", table.indicator());
        out.put("snapshot", table.snapshot());
        out.put("version", table.version());
        out.put("asOf", table.asOf());
        out.put("takenAt", table.takenAt());
        out.put("rows", rows);
        return out;
    }

    static List<String> split(List<String> values) {
        var out = new ArrayList<String>();
        if (values != null)
            for (String v : values)
                for (String part : v.split(",")) if (!part.isBlank()) out.add(part.trim());
        return out;
    }

    @GetMapping("/snapshots")
    @Operation(summary = "The 5-October snapshots, every version")
    List<SnapshotView> snapshots() {
        access.requireRegistered();
        return jdbc.sql("""
                        select as_of, version, taken_at::text as taken_at, taken_by, organisations, pupils, staff, digest,
                               millis
                          from stat_snapshot where not live and digest is not null order by as_of desc, version desc""")
                .query((rs, i) -> new SnapshotView(rs.getDate("as_of").toLocalDate(), rs.getInt("version"),
                        rs.getString("taken_at"), rs.getString("taken_by"), rs.getInt("organisations"),
                        rs.getLong("pupils"), rs.getLong("staff"), rs.getString("digest"),
                        (Integer) rs.getObject("millis"))).list();
    }

    @PostMapping("/snapshots")
    @PreAuthorize("hasRole('MINISTRY_ADMIN')")
    @Operation(summary = "Take (again) the snapshot of a day, as a new version (SC-4)")
    ResponseEntity<SnapshotView> take(@RequestBody(required = false) TakeRequest request) {
        LocalDate day;
        try {
            day = LocalDate.parse(request == null || request.asOf() == null ? "" : request.asOf());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("asOf", "statistics.snapshot.bad", request == null ? "" : request.asOf()).exception();
        }
        if (day.isAfter(LocalDate.now(clock)))
            throw Refusal.invalid("asOf", "statistics.snapshot.future", day).exception();
        var taken = taking.take(day, false, SignedIn.required().username());
        audit.record(AuditEntry.of(AuditAction.CREATE, "statistics-snapshot", taken.id(), "", null)
                .with(Map.of("asOf", day.toString(), "version", taken.version())));
        return ResponseEntity.created(URI.create("/api/v1/statistics/snapshots/" + day))
                .body(new SnapshotView(day, taken.version(), null, SignedIn.required().username(), taken.organisations(),
                        taken.pupils(), taken.staff(), taken.digest(), (int) taken.millis()));
    }
}
