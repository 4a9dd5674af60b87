package kz.bilim.staff.internal;

import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Paged;
import kz.bilim.kernel.Refusal;
import kz.bilim.organisation.Organisation;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.Organisations;
import kz.bilim.platform.web.FormErrors;
import kz.bilim.platform.web.PageLinks;
import kz.bilim.staff.ContractId;
import kz.bilim.staff.Dismissal;
import kz.bilim.staff.EducationLevel;
import kz.bilim.staff.EmploymentContract;
import kz.bilim.staff.Position;
import kz.bilim.staff.QualificationCategory;
import kz.bilim.staff.StaffMember;
import kz.bilim.staff.StaffMemberId;
import kz.bilim.staff.StaffRegistry;
import org.springframework.context.MessageSource;
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

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Pages of staff: an organisation's staff, the hire form (HB-1: a verdict's refusal shown above the form, naming the
 * verdict), an employee's record (its read audited), the dismissal form and the contracts flagged by a verdict.
 */
@Controller
@PreAuthorize(StaffDesk.READERS)
class StaffPageController {

    static final String LIST = "staff/list";
    static final String HIRE = "staff/hire";
    static final String MEMBER = "staff/member";
    static final String DISMISS = "staff/dismiss";
    static final String FLAGGED = "staff/flagged";

    private final StaffRegistry registry;
    private final Organisations organisations;
    private final MessageSource messages;
    private final Clock clock;

    StaffPageController(StaffRegistry registry, Organisations organisations, MessageSource messages, Clock clock) {
        this.registry = registry;
        this.organisations = organisations;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/organisations/{id}/staff")
    String list(@PathVariable long id, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "true") boolean current, @RequestParam(required = false) Integer page,
                Model model, Locale locale) {
        var organisation = organisation(id);
        var staff = registry.staff(organisation.id(), q, current, Paged.page(page), Paged.size(null));
        model.addAttribute("organisation", organisation);
        model.addAttribute("staff", staff);
        model.addAttribute("q", q);
        model.addAttribute("current", current);
        model.addAttribute("positionNames", positionNames(locale));
        PageLinks.addTo(model, staff.page(), staff.hasNext());
        return LIST;
    }

    @GetMapping("/organisations/{id}/staff/new")
    String hireForm(@PathVariable long id, Model model, Locale locale) {
        var form = new HireForm();
        String today = LocalDate.now(clock).toString();
        form.setContractDate(today);
        form.setStartsOn(today);
        model.addAttribute("form", form);
        return hirePage(organisation(id), model, locale);
    }

    @PostMapping("/organisations/{id}/staff")
    String hire(@PathVariable long id, @ModelAttribute("form") HireForm form, BindingResult binding, Model model,
                Locale locale, RedirectAttributes redirect) {
        var organisation = organisation(id);
        var errors = new ArrayList<FieldError>();
        var hiring = StaffApiController.hiring(form.request(), errors);
        Outcome<StaffMember> outcome = errors.isEmpty() ? registry.hire(organisation.id(), hiring)
                : Refusal.invalid(errors).outcome();
        if (outcome instanceof Outcome.Refused<StaffMember> refused) {
            var refusal = refused.refusal();
            if (refusal.code() == Refusal.Code.HIRING_BANNED)
                model.addAttribute("refusal", refusal.clause() + ": "
                        + messages.getMessage(refusal.reasonKey(), refusal.args().toArray(), refusal.reasonKey(), locale));
            FormErrors.rejected(binding, outcome);
            return hirePage(organisation, model, locale);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/organisations/" + id + "/staff";
    }

    private String hirePage(Organisation organisation, Model model, Locale locale) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("positions", registry.positions());
        model.addAttribute("positionNames", positionNames(locale));
        model.addAttribute("educationLevels", EducationLevel.values());
        model.addAttribute("gradeBands", kz.bilim.staff.GradesTaught.values());
        model.addAttribute("categories", QualificationCategory.values());
        return HIRE;
    }

    @GetMapping("/staff/{id}")
    String member(@PathVariable long id, @RequestParam(required = false) String purpose, Model model, Locale locale) {
        var member = registry.read(new StaffMemberId(id), purpose == null || purpose.isBlank() ? "page:staff" : purpose)
                .orElseThrow(() -> Refusal.notFound("staff", id).exception());
        model.addAttribute("member", member);
        model.addAttribute("organisation", organisation(member.organisationId().value()));
        model.addAttribute("positionNames", positionNames(locale));
        model.addAttribute("today", LocalDate.now(clock));
        return MEMBER;
    }

    @GetMapping("/staff/contracts/{id}/dismiss")
    String dismissForm(@PathVariable long id, Model model, Locale locale) {
        var form = new DismissalForm();
        form.setDate(LocalDate.now(clock).toString());
        model.addAttribute("form", form);
        return dismissPage(contract(id), model, locale);
    }

    @PostMapping("/staff/contracts/{id}/dismiss")
    String dismiss(@PathVariable long id, @ModelAttribute("form") DismissalForm form, BindingResult binding,
                   Model model, Locale locale, RedirectAttributes redirect) {
        var contract = contract(id);
        var errors = new ArrayList<FieldError>();
        var date = StaffValidation.date("date", form.getDate(), errors);
        var outcome = errors.isEmpty() ? registry.dismiss(contract.id(), new Dismissal(date, form.getOrder(), form.getReason()))
                : Refusal.invalid(errors).<EmploymentContract>outcome();
        if (FormErrors.rejected(binding, outcome)) return dismissPage(contract, model, locale);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/staff/" + contract.staffMemberId().value();
    }

    private String dismissPage(EmploymentContract contract, Model model, Locale locale) {
        model.addAttribute("contract", contract);
        model.addAttribute("organisation", organisation(contract.organisationId().value()));
        model.addAttribute("positionNames", positionNames(locale));
        return DISMISS;
    }

    @GetMapping("/staff/flagged")
    String flagged(@RequestParam(required = false) Integer page, Model model, Locale locale) {
        var flagged = registry.flagged(Paged.page(page), Paged.size(null));
        Map<OrganisationId, Organisation> names = new HashMap<>();
        flagged.items().stream().map(f -> f.organisationId()).distinct()
                .forEach(o -> organisations.find(o).ifPresent(org -> names.put(o, org)));
        model.addAttribute("flagged", flagged);
        model.addAttribute("organisationNames", names);
        model.addAttribute("positionNames", positionNames(locale));
        PageLinks.addTo(model, flagged.page(), flagged.hasNext());
        return FLAGGED;
    }

    private Map<String, String> positionNames(Locale locale) {
        return registry.positions().stream().collect(Collectors.toMap(Position::code, p -> p.name(locale),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private EmploymentContract contract(long id) {
        return registry.contract(new ContractId(id)).orElseThrow(() -> Refusal.notFound("contract", id).exception());
    }

    private Organisation organisation(long id) {
        return organisations.find(new OrganisationId(id)).orElseThrow(() -> Refusal.notFound("organisation", id).exception());
    }
}
