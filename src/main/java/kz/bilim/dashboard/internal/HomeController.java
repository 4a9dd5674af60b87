package kz.bilim.dashboard.internal;

import kz.bilim.kernel.Role;

import kz.bilim.access.BilimUser;
import kz.bilim.kernel.Scope;
import kz.bilim.child.TruantListDeadlines;
import kz.bilim.staff.StaffTasks;
import kz.bilim.territory.KatoCode;
import kz.bilim.territory.Territories;
import kz.bilim.territory.Territory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The home page: what the viewer is responsible for, counted per child territory, with a chart. Ministry and
 * statistics users start from the 20 regions, an officer from their own territory, a school head from the district
 * of the school. {@code ?kato=} drills down, never above the viewer's own territory.
 */
@Controller
class HomeController {

    static final String VIEW = "dashboard/home";
    /** A parent's home: what they can do here, no staff counts. */
    static final String APPLICANT = "dashboard/applicant";

    private final Dashboard dashboard;
    private final Territories territories;
    private final JsonMapper json;
    private final StaffTasks staffTasks;
    private final TruantListDeadlines truantLists;

    HomeController(Dashboard dashboard, Territories territories, JsonMapper json, StaffTasks staffTasks,
                   TruantListDeadlines truantLists) {
        this.dashboard = dashboard;
        this.territories = territories;
        this.json = json;
        this.staffTasks = staffTasks;
        this.truantLists = truantLists;
    }

    /** CA-4: the districts late with their truant list, for those who read the lists (at most ten shown). */
    private void truantLate(BilimUser user, Model model) {
        boolean reader = switch (user.role()) {
            case MINISTRY_ADMIN, REGION_OFFICER, DISTRICT_OFFICER, POLICE_LIAISON -> true;
            default -> false;
        };
        var late = reader ? truantLists.late() : List.<TruantListDeadlines.LateList>of();
        var names = territories.findAll(late.stream().map(TruantListDeadlines.LateList::district).distinct().toList());
        model.addAttribute("truantLate", late.stream().limit(10).toList());
        model.addAttribute("truantLateMore", Math.max(0, late.size() - 10));
        model.addAttribute("truantDistricts", names);
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal BilimUser user, @RequestParam(required = false) String kato,
                Locale locale, Model model) {
        if (user.role() == Role.APPLICANT) return APPLICANT;
        Territory parent = parentFor(user, kato);
        int level = parent == null ? 0 : parent.level();
        List<TerritoryTally> rows = parent != null && level >= 4 ? List.of()
                : dashboard.children(parent == null ? null : parent.kato(), level, locale);
        model.addAttribute("parent", parent);
        model.addAttribute("path", parent == null ? List.of() : territories.path(parent.kato()).stream()
                .filter(t -> t.level() == 1 || user.scope().kind() == Scope.Kind.ALL || isWithinOwn(user, t)).toList());
        // a breadcrumb step above the viewer's own territory is named, not linked: following it would show their own again
        Territory own = ownTerritory(user);
        model.addAttribute("reachable", own == null ? "" : own.scopePrefix());
        model.addAttribute("ofSchool", user.scope().kind() == Scope.Kind.ORG);
        model.addAttribute("organisationId", user.organisationId());
        model.addAttribute("rows", rows);
        // HB-1: contracts a court verdict covers are a task for the head and the district office until ended
        model.addAttribute("flaggedContracts", staffTasks.flaggedContracts());
        truantLate(user, model);
        model.addAttribute("total", TerritoryTally.total(rows));
        model.addAttribute("chart", json.writeValueAsString(Map.of(
                "labels", rows.stream().map(TerritoryTally::name).toList(),
                "pupils", rows.stream().map(TerritoryTally::pupils).toList(),
                "schools", rows.stream().map(TerritoryTally::schools).toList())));
        return VIEW;
    }

    /** The territory whose children are shown: the one asked for if the viewer may see it, else the viewer's own. */
    private Territory parentFor(BilimUser user, String requested) {
        Territory own = ownTerritory(user);
        if (requested != null && KatoCode.isWellFormed(requested)) {
            var asked = territories.find(requested).orElse(null);
            if (asked != null && (own == null || asked.kato().startsWith(own.scopePrefix()))) return asked;
        }
        return own;
    }

    private Territory ownTerritory(BilimUser user) {
        return switch (user.scope().kind()) {
            case ALL, NONE -> null;
            case KATO -> territories.find(user.kato()).orElse(null);
            case ORG -> territories.find(KatoCode.parse(user.kato()).value().substring(0, 4) + "00000").orElse(null);
        };
    }

    private boolean isWithinOwn(BilimUser user, Territory t) {
        Territory own = ownTerritory(user);
        return own != null && t.kato().startsWith(own.scopePrefix());
    }
}
