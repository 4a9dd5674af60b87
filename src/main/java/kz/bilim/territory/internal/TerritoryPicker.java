package kz.bilim.territory.internal;

import kz.bilim.kernel.CurrentScope;
import kz.bilim.kernel.Scope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The search-as-you-type helper of every territory field: territories by name (kk or ru, a word's beginning) or KATO
 * code prefix, as options of the field's list. An officer finds only territories of their own subtree (the search is
 * filtered in the query, so the rest of the country cannot crowd them out); everybody else the whole tree, which is
 * public knowledge.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class TerritoryPicker {

    static final String OPTIONS = "territory/options :: options";
    static final int LIMIT = 20;

    private final TerritoryRepository territories;

    TerritoryPicker(TerritoryRepository territories) {
        this.territories = territories;
    }

    @GetMapping("/territories/options")
    String options(@RequestParam(defaultValue = "") String q, Model model) {
        Scope scope = CurrentScope.get();
        String within = scope.kind() == Scope.Kind.KATO ? scope.katoPrefix() : "";
        model.addAttribute("options", q.isBlank() ? java.util.List.of() : territories.search(q, within, LIMIT));
        return OPTIONS;
    }
}
