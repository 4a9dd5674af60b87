package kz.bilim.territory.internal;

import kz.bilim.kernel.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.bilim.platform.web.ErrorCode;
import kz.bilim.platform.web.Problems;
import kz.bilim.territory.KatoCode;
import kz.bilim.territory.Territory;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The KATO tree for machine clients (CA-2, SC-5): regions, a node with its path, paged children, search, and the
 * classifier import for the ministry. Bad codes are 422 naming the field; unknown codes are 404.
 */
@RestController
@RequestMapping("/api/v1/territories")
@Tag(name = "territory", description = "KATO classifier: region → district → rural district → settlement")
class TerritoryApi {

    static final int MAX_PAGE_SIZE = 500;
    static final int MAX_SEARCH_LIMIT = 100;

    record TerritoryView(String kato, String parentKato, int level, String name, String nameKk, String nameRu,
                         boolean urban, int children) {

        static TerritoryView of(TerritoryRow row, Locale locale) {
            Territory t = row.territory();
            return new TerritoryView(t.kato(), t.parentKato(), t.level(), t.name(locale), t.nameKk(), t.nameRu(),
                    t.urban(), row.children());
        }
    }

    record NodeView(TerritoryView territory, List<TerritoryView> path) {
    }

    record PageView(List<TerritoryView> items, int page, int size, long total, int pages) {
    }

    record ImportSummary(int rows, int inserted, int updated, int unchanged, int reattached, long millis) {
    }

    private final TerritoryRepository territories;
    private final ImportingClassifier importing;
    private final RowErrorMessages errorMessages;
    private final Problems problems;

    TerritoryApi(TerritoryRepository territories, ImportingClassifier importing, RowErrorMessages errorMessages,
                 Problems problems) {
        this.territories = territories;
        this.importing = importing;
        this.errorMessages = errorMessages;
        this.problems = problems;
    }

    @GetMapping
    @Operation(summary = "The 20 top-level territories: 17 regions and Astana, Almaty, Shymkent")
    List<TerritoryView> regions(Locale locale) {
        return views(territories.regionRows(), locale);
    }

    @GetMapping("/search")
    @Operation(summary = "Territories whose code starts with q, or whose Kazakh or Russian name (or a word of it) does")
    List<TerritoryView> search(@RequestParam(required = false) String q,
                               @RequestParam(defaultValue = "20") int limit, Locale locale) {
        if (q == null || q.isBlank()) throw Refusal.invalid("q", "error.field.required").exception();
        if (limit < 1 || limit > MAX_SEARCH_LIMIT)
            throw Refusal.invalid("limit", "territory.api.range", 1, MAX_SEARCH_LIMIT).exception();
        return views(territories.searchRows(q, limit), locale);
    }

    @GetMapping("/{kato}")
    @Operation(summary = "One territory with its path from the region down")
    NodeView node(@Parameter(description = "9-digit KATO code") @PathVariable String kato, Locale locale) {
        TerritoryRow node = existing(kato);
        return new NodeView(TerritoryView.of(node, locale), views(territories.pathRows(kato), locale));
    }

    @GetMapping("/{kato}/children")
    @Operation(summary = "The direct children of a territory, a page (from 0) at a time")
    PageView children(@PathVariable String kato, @RequestParam(defaultValue = "0") int page,
                      @RequestParam(defaultValue = "50") int size, Locale locale) {
        if (page < 0) throw Refusal.invalid("page", "territory.api.range", 0, Integer.MAX_VALUE).exception();
        if (size < 1 || size > MAX_PAGE_SIZE)
            throw Refusal.invalid("size", "territory.api.range", 1, MAX_PAGE_SIZE).exception();
        existing(kato);
        long total = territories.countChildren(kato);
        return new PageView(views(territories.childRows(kato, page, size), locale), page, size, total,
                (int) ((total + size - 1) / size));
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('MINISTRY_ADMIN')")
    @Operation(summary = "Import the KATO classifier from CSV (docs/kato-import.md); any bad row: 422 with every row's reason")
    ResponseEntity<?> importFile(@RequestParam(name = "file", required = false) MultipartFile file, Locale locale)
            throws IOException {
        if (file == null || file.isEmpty()) throw Refusal.invalid("file", "territory.import.file.required").exception();
        ImportResult result = importing.importCsv(file.getBytes());
        if (result instanceof ImportResult.Imported i) {
            return ResponseEntity.ok(new ImportSummary(i.rows(), i.inserted(), i.updated(), i.unchanged(),
                    i.reattached(), i.millis()));
        }
        var rejected = (ImportResult.Rejected) result;
        ProblemDetail problem = problems.of(ErrorCode.INVALID_INPUT, "territory.import.rejected", rejected.total());
        problem.setProperty("errorCount", rejected.total());
        problem.setProperty("errors", errorMessages.lines(rejected.errors(), locale).stream()
                .map(l -> {
                    Map<String, Object> error = new LinkedHashMap<>();
                    error.put("row", l.row());
                    error.put("field", l.field());
                    error.put("reason", l.reason());
                    return error;
                })
                .toList());
        return ResponseEntity.status(ErrorCode.INVALID_INPUT.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private TerritoryRow existing(String kato) {
        if (!KatoCode.isWellFormed(kato)) throw Refusal.invalid("kato", KatoCode.FORMAT_REASON).exception();
        return territories.findRow(kato).orElseThrow(() -> Refusal.notFound("territory", kato).exception());
    }

    private static List<TerritoryView> views(List<TerritoryRow> rows, Locale locale) {
        return rows.stream().map(r -> TerritoryView.of(r, locale)).toList();
    }
}
