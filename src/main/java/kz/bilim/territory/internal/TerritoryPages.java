package kz.bilim.territory.internal;

import kz.bilim.kernel.Refusal;
import kz.bilim.territory.KatoCode;
import kz.bilim.territory.Territory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The KATO tree for people (CA-2): the 20 top-level territories, drill-down with a breadcrumb and paged children,
 * search by name or code prefix (live through htmx, a plain GET form without script), and the classifier upload for
 * the ministry. The tree is public to every signed-in user; the reader's own territory is shown first and highlighted.
 */
@Controller
@RequestMapping("/territories")
class TerritoryPages {

    static final String LIST = "territory/list";
    static final String RESULTS = "territory/list :: results";
    static final String NODE = "territory/node";
    static final String IMPORT = "territory/import";
    static final int PAGE_SIZE = 50;
    static final int SEARCH_LIMIT = 50;

    private final TerritoryRepository territories;
    private final ImportingClassifier importing;
    private final RowErrorMessages errorMessages;

    TerritoryPages(TerritoryRepository territories, ImportingClassifier importing, RowErrorMessages errorMessages) {
        this.territories = territories;
        this.importing = importing;
        this.errorMessages = errorMessages;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @AuthenticationPrincipal(expression = "kato()") String ownKato, Locale locale,
                Model model) {
        results(q, ownKato, locale, model);
        return LIST;
    }

    /** The result rows alone, for the live search box. */
    @GetMapping("/search")
    String search(@RequestParam(defaultValue = "") String q, @AuthenticationPrincipal(expression = "kato()") String ownKato, Locale locale,
                  Model model) {
        results(q, ownKato, locale, model);
        return RESULTS;
    }

    @GetMapping("/{kato}")
    String node(@PathVariable String kato, @RequestParam(defaultValue = "0") int page,
                @AuthenticationPrincipal(expression = "kato()") String ownKato, Locale locale, Model model) {
        if (!KatoCode.isWellFormed(kato)) throw Refusal.notFound("territory", kato).exception();
        TerritoryRow node = territories.findRow(kato).orElseThrow(() -> Refusal.notFound("territory", kato).exception());
        Map<String, Territory> regions = regions();
        Set<String> mine = mine(ownKato);
        int current = kz.bilim.kernel.Paged.page(page);
        long total = territories.countChildren(kato);
        model.addAttribute("node", TerritoryItem.of(node, locale, mine, regions));
        model.addAttribute("path", items(territories.pathRows(kato), locale, mine, regions));
        model.addAttribute("children", items(territories.childRows(kato, current, PAGE_SIZE), locale, mine, regions));
        model.addAttribute("page", current);
        model.addAttribute("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("total", total);
        model.addAttribute("hasNext", (long) (current + 1) * PAGE_SIZE < total);
        addMine(ownKato, locale, mine, regions, model);
        return NODE;
    }

    @GetMapping("/import")
    @PreAuthorize("hasRole('MINISTRY_ADMIN')")
    String importForm() {
        return IMPORT;
    }

    @PostMapping("/import")
    @PreAuthorize("hasRole('MINISTRY_ADMIN')")
    String importFile(@RequestParam(name = "file", required = false) MultipartFile file, Locale locale, Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "territory.import.file.required");
            return IMPORT;
        }
        ImportResult result = importing.importCsv(file.getBytes());
        if (result instanceof ImportResult.Imported imported) {
            model.addAttribute("imported", imported);
        } else if (result instanceof ImportResult.Rejected rejected) {
            model.addAttribute("errors", errorMessages.lines(rejected.errors(), locale));
            model.addAttribute("errorTotal", rejected.total());
        }
        return IMPORT;
    }

    private void results(String q, String ownKato, Locale locale, Model model) {
        Map<String, Territory> regions = regions();
        Set<String> mine = mine(ownKato);
        String text = q.strip();
        model.addAttribute("q", text);
        if (text.isEmpty()) {
            model.addAttribute("regions", items(territories.regionRows(), locale, mine, regions));
        } else {
            var found = items(territories.searchRows(text, SEARCH_LIMIT + 1), locale, mine, regions);
            model.addAttribute("found", found.subList(0, Math.min(SEARCH_LIMIT, found.size())));
            model.addAttribute("more", found.size() > SEARCH_LIMIT);
        }
        addMine(ownKato, locale, mine, regions, model);
    }

    private void addMine(String ownKato, Locale locale, Set<String> mine, Map<String, Territory> regions, Model model) {
        if (mine.isEmpty()) return;
        model.addAttribute("minePath", items(territories.pathRows(ownKato), locale, mine, regions));
    }

    /**
     * The codes on the path from the region down to the reader's own territory; empty for national users. The reader
     * arrives as the principal's territory code (SpEL on the principal), so this module needs no compile-time link to
     * access, which itself builds on territory.
     */
    private Set<String> mine(String ownKato) {
        if (ownKato == null || !KatoCode.isWellFormed(ownKato)) return Set.of();
        return territories.pathRows(ownKato).stream().map(r -> r.territory().kato()).collect(Collectors.toSet());
    }

    private Map<String, Territory> regions() {
        return territories.regions().stream().collect(Collectors.toMap(Territory::kato, Function.identity()));
    }

    private static List<TerritoryItem> items(List<TerritoryRow> rows, Locale locale, Set<String> mine,
                                             Map<String, Territory> regions) {
        return rows.stream().map(r -> TerritoryItem.of(r, locale, mine, regions)).toList();
    }
}
