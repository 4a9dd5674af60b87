package kz.bilim.organisation.internal;

import kz.bilim.organisation.Organisation;
import kz.bilim.organisation.OrganisationFilter;
import kz.bilim.organisation.Organisations;
import kz.bilim.territory.Territories;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/**
 * The search-as-you-type helper of every organisation field: organisations of the caller's scope by a part of the
 * name (kk or ru) or the beginning of the BIN, as options of the field's list with the BIN as the value.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class OrganisationPicker {

    static final String OPTIONS = "organisation/options :: options";
    static final int LIMIT = 15;

    private final Organisations organisations;
    private final Territories territories;

    OrganisationPicker(Organisations organisations, Territories territories) {
        this.organisations = organisations;
        this.territories = territories;
    }

    @GetMapping("/organisations/options")
    String options(@RequestParam(defaultValue = "") String q, Model model) {
        List<Organisation> found = q.isBlank() ? List.of() : organisations.list(
                new OrganisationFilter(null, null, null, null, null, q.strip()), 0, LIMIT).items();
        model.addAttribute("options", found);
        model.addAttribute("settlements", territories.findAll(found.stream().map(o -> o.kato().value()).toList()));
        return OPTIONS;
    }
}
