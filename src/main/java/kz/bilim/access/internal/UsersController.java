package kz.bilim.access.internal;

import kz.bilim.access.UserId;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Paged;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.Almaty;
import kz.bilim.kernel.Role;
import kz.bilim.access.UserAccount;
import kz.bilim.access.UserAccounts;
import kz.bilim.platform.web.FormErrors;
import kz.bilim.access.UserPage;
import kz.bilim.access.UserQuery;
import kz.bilim.audit.AuditQuery;
import kz.bilim.audit.AuditReaderScope;
import kz.bilim.audit.AuditTrail;
import kz.bilim.platform.web.PageLinks;
import kz.bilim.territory.KatoCode;
import kz.bilim.territory.Territories;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The users screen of region and district offices and the ministry: list, create, change, reset a password. */
@Controller
@PreAuthorize("hasAnyRole('MINISTRY_ADMIN', 'REGION_OFFICER', 'DISTRICT_OFFICER')")
class UsersController {

    static final String LIST = "access/users";
    static final String DETAIL = "access/user";
    static final String FORM = "access/user-form";
    static final String PASSWORD = "access/user-password";
    static final String POSITION = "access/user-position";
    static final int PAGE_SIZE = 25;

    private final UserAccounts accounts;
    private final Territories territories;
    private final AuditTrail audit;
    private final AuditReaderScope auditReaders;
    private final OrganisationChoice organisations;
    private final kz.bilim.access.AccountPositions positions;

    UsersController(UserAccounts accounts, Territories territories, AuditTrail audit, AuditReaderScope auditReaders,
                    OrganisationChoice organisations, kz.bilim.access.AccountPositions positions) {
        this.organisations = organisations;
        this.positions = positions;
        this.accounts = accounts;
        this.territories = territories;
        this.audit = audit;
        this.auditReaders = auditReaders;
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(required = false) String role, @RequestParam(required = false) String territory,
                @RequestParam(required = false) String q, @RequestParam(required = false) String enabled,
                @RequestParam(required = false) Integer page, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        Role wanted = null;
        if (role != null && !role.isBlank()) {
            try {
                wanted = Role.valueOf(role);
            } catch (IllegalArgumentException e) {
                errors.put("role", "access.user.role.unknown");
            }
        }
        if (territory != null && !territory.isBlank()) {
            try {
                KatoCode.parse(territory);
            } catch (IllegalArgumentException e) {
                errors.put("territory", "access.user.territory.format");
            }
        }
        int pageNumber = Paged.page(page);
        Boolean enabledFilter = "true".equals(enabled) ? Boolean.TRUE : "false".equals(enabled) ? Boolean.FALSE : null;
        UserPage users = errors.isEmpty()
                ? accounts.search(new UserQuery(wanted, territory, q, enabledFilter, pageNumber, PAGE_SIZE))
                : new UserPage(List.of(), 0, PAGE_SIZE, 0);
        model.addAttribute("roles", Role.values());
        model.addAttribute("errors", errors);
        model.addAttribute("users", users);
        model.addAttribute("territoryNames", names(users.items()));
        model.addAttribute("previousLink", pageNumber > 0 ? PageLinks.to(pageNumber - 1) : null);
        model.addAttribute("nextLink", users.hasNext() ? PageLinks.to(pageNumber + 1) : null);
        return LIST;
    }

    @GetMapping("/admin/users/new")
    String newUser(Model model) {
        model.addAttribute("form", new UserForm());
        return form(model, null);
    }

    @PostMapping("/admin/users")
    String create(@ModelAttribute("form") UserForm form, BindingResult binding, Model model) {
        var draft = form.toDraft(binding, organisations);
        if (draft == null) return form(model, null);
        var result = accounts.create(draft);
        if (!FormErrors.rejected(binding, result)) return "redirect:/admin/users/" + result.orElseThrow().id() + "?saved";
        form.setPassword(null);
        return form(model, null);
    }

    @GetMapping("/admin/users/{id}")
    String show(@PathVariable long id, Model model) {
        UserAccount user = visible(id);
        model.addAttribute("user", user);
        model.addAttribute("position", positions.of(id).orElse(null));
        model.addAttribute("created", LocalDateTime.ofInstant(user.createdAt(), Almaty.ZONE));
        model.addAttribute("territoryNames", names(List.of(user)));
        model.addAttribute("history", audit.search(AuditQuery.newest(20).bySubject("user", id), auditReaders.current())
                .items().stream().map(e -> Map.of("event", e,
                        "time", LocalDateTime.ofInstant(e.occurredAt(), Almaty.ZONE))).toList());
        return DETAIL;
    }

    @GetMapping("/admin/users/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        UserAccount user = visible(id);
        var form = UserForm.of(user);
        form.setOrganisationId(organisations.shown(user.organisationId()));
        model.addAttribute("form", form);
        return form(model, user);
    }

    @PostMapping("/admin/users/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") UserForm form, BindingResult binding, Model model) {
        UserAccount user = visible(id);
        form.setUsername(user.username());
        var draft = form.toDraft(binding, organisations);
        if (draft == null) return form(model, user);
        var result = accounts.update(new UserId(id), draft);
        if (!FormErrors.rejected(binding, result)) return "redirect:/admin/users/" + id + "?saved";
        return form(model, user);
    }

    @GetMapping("/admin/users/{id}/password")
    String passwordForm(@PathVariable long id, Model model) {
        model.addAttribute("user", visible(id));
        model.addAttribute("form", new PasswordForm());
        return PASSWORD;
    }

    @PostMapping("/admin/users/{id}/password")
    String resetPassword(@PathVariable long id, @ModelAttribute("form") PasswordForm form, BindingResult binding,
                         Model model, RedirectAttributes redirect) {
        UserAccount user = visible(id);
        model.addAttribute("user", user);
        if (!form.repeated()) {
            binding.rejectValue("repeatPassword", "access.user.password.mismatch");
            return PASSWORD;
        }
        var result = accounts.resetPassword(new UserId(id), form.getNewPassword());
        if (result instanceof Outcome.Refused<UserAccount> refused) {
            // the service names the API's field, "password"; this form calls it "newPassword"
            if (refused.refusal().errors().isEmpty()) throw refused.refusal().exception();
            refused.refusal().errors().forEach(e -> binding.rejectValue("newPassword", e.reasonKey(), e.args(), e.reasonKey()));
            return PASSWORD;
        }
        redirect.addFlashAttribute("passwordReset", true);
        return "redirect:/admin/users/" + id;
    }

    @GetMapping("/admin/users/{id}/position")
    String positionForm(@PathVariable long id, Model model) {
        model.addAttribute("user", visible(id));
        model.addAttribute("form", new PositionForm(positions.of(id).orElse(null)));
        return POSITION;
    }

    @PostMapping("/admin/users/{id}/position")
    String setPosition(@PathVariable long id, @ModelAttribute("form") PositionForm form, BindingResult binding,
                       Model model) {
        model.addAttribute("user", visible(id));
        var result = accounts.setPosition(new UserId(id), form.getPosition());
        if (FormErrors.rejected(binding, result)) return POSITION;
        return "redirect:/admin/users/" + id + "?saved";
    }

    private String form(Model model, UserAccount user) {
        model.addAttribute("user", user);
        model.addAttribute("roles", accounts.assignableRoles());
        model.addAttribute("locales", List.of("kk", "ru", "en"));
        return FORM;
    }

    private UserAccount visible(long id) {
        return accounts.find(new UserId(id)).orElseThrow(() -> Refusal.notFound("user", id).exception());
    }

    private Map<String, String> names(List<UserAccount> users) {
        var locale = LocaleContextHolder.getLocale();
        Map<String, String> names = new LinkedHashMap<>();
        territories.findAll(users.stream().map(UserAccount::kato).toList())
                .forEach((kato, territory) -> names.put(kato, territory.name(locale)));
        return names;
    }
}
