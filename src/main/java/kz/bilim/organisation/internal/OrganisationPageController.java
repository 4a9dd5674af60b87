package kz.bilim.organisation.internal;

import kz.bilim.kernel.Refusal;
import java.time.Clock;
import kz.bilim.kernel.CurrentScope;
import kz.bilim.organisation.AcademicYear;
import kz.bilim.organisation.ClassOccupancy;
import kz.bilim.organisation.InstructionLanguage;
import kz.bilim.organisation.Organisation;
import kz.bilim.organisation.OrganisationFilter;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.OrganisationKind;
import kz.bilim.organisation.Organisations;
import kz.bilim.organisation.Ownership;
import kz.bilim.kernel.Paged;
import kz.bilim.organisation.SchoolClass;
import kz.bilim.organisation.SchoolClassId;
import kz.bilim.kernel.FieldError;
import kz.bilim.platform.web.FormErrors;
import kz.bilim.platform.web.PageLinks;
import kz.bilim.territory.Territories;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Pages of the registry: the filtered list, an organisation with its classes, the organisation and class forms. */
@Controller
class OrganisationPageController {

    static final String LIST = "organisation/list";
    static final String DETAIL = "organisation/detail";
    static final String FORM = "organisation/form";
    static final String CLASS_FORM = "organisation/class-form";

    /** The filter form as typed; enums as text so that a hand-edited URL is answered with a message, not an error. */
    record Filter(String q, String kind, String ownership, String language, String urban, String kato) {
    }

    private final Organisations organisations;
    private final Territories territories;
    private final ObjectProvider<ClassOccupancy> occupancy;

    private final Clock clock;


    OrganisationPageController(Organisations organisations, Territories territories,
                               ObjectProvider<ClassOccupancy> occupancy, Clock clock) {

        this.clock = clock;
        this.organisations = organisations;
        this.territories = territories;
        this.occupancy = occupancy;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute("ownerships", Ownership.values());
        model.addAttribute("languageCodes", InstructionLanguage.CODES);
    }

    @GetMapping("/organisations")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String ownership, @RequestParam(required = false) String language,
                @RequestParam(required = false) String urban, @RequestParam(required = false) String kato,
                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                Model model) {
        var filter = new Filter(q, kind, ownership, language, urban, kato);
        model.addAttribute("filter", filter);
        var errors = new ArrayList<FieldError>();
        var parsed = new OrganisationFilter(OrganisationApiController.kato(kato, errors),
                OrganisationApiController.parse(OrganisationKind.class, "kind", kind, errors),
                OrganisationApiController.parse(Ownership.class, "ownership", ownership, errors),
                InstructionLanguage.isKnown(language) ? language : null,
                urban == null || urban.isBlank() ? null : Boolean.valueOf(urban), q);
        model.addAttribute("filterErrors", errors.stream().map(FieldError::field).toList());
        var found = organisations.list(parsed, Paged.page(page), Paged.size(size));
        model.addAttribute("organisations", found);
        model.addAttribute("settlements", territories.findAll(found.items().stream().map(o -> o.kato().value()).toList()));
        PageLinks.addTo(model, found.page(), found.hasNext());
        model.addAttribute("mayRegister", organisations.permissions(new OrganisationId(-1)).register());
        return LIST;
    }

    @GetMapping("/organisations/{id}")
    String detail(@PathVariable long id, @RequestParam(required = false) Integer year, Model model) {
        var organisation = existing(id);
        var classes = organisations.classes(organisation.id(), year);
        model.addAttribute("organisation", organisation);
        model.addAttribute("territoryPath", territories.path(organisation.kato().value()));
        model.addAttribute("classes", classes);
        model.addAttribute("enrolled", enrolled(classes));
        model.addAttribute("permissions", organisations.permissions(organisation.id()));
        // SC-3: pupils (and counts of them per class, which come from their records) only for readers of personal data
        model.addAttribute("readsPupils", CurrentScope.get().personalData());
        return DETAIL;
    }

    @GetMapping("/organisations/new")
    String newForm(Model model) {
        if (!organisations.permissions(new OrganisationId(-1)).register()) throw Refusal.forbidden(null, "error.forbidden.detail").exception();
        model.addAttribute("form", new OrganisationForm());
        return form(model, null, true);
    }

    @PostMapping("/organisations")
    String create(@ModelAttribute("form") OrganisationForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        if (binding.hasErrors()) return form(model, null, true);
        var created = organisations.create(form.draft());
        if (FormErrors.rejected(binding, created)) return form(model, null, true);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/organisations/" + created.orElseThrow().id().value();
    }

    @GetMapping("/organisations/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        var organisation = existing(id);
        var permissions = organisations.permissions(organisation.id());
        if (!permissions.editContacts()) throw Refusal.forbidden(null, "error.forbidden.detail").exception();
        model.addAttribute("form", OrganisationForm.of(organisation));
        return form(model, organisation, permissions.editRegistration());
    }

    @PostMapping("/organisations/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") OrganisationForm form, BindingResult binding,
                  Model model, RedirectAttributes redirect) {
        var organisation = existing(id);
        boolean full = organisations.permissions(organisation.id()).editRegistration();
        if (binding.hasErrors()) return form(model, organisation, full, form);
        var outcome = organisations.update(organisation.id(), form.draft(), form.getVersion());
        if (FormErrors.rejected(binding, outcome)) {
            var now = FormErrors.current(outcome, Organisation.class);
            if (now.isEmpty()) return form(model, organisation, full, form);
            // stale: the typed values stay, the version becomes the current one, and each field shows what it holds now
            form.setVersion(now.get().version());
            var shown = form(model, now.get(), full, form);
            model.addAttribute("changed", form.differencesFrom(now.get()));
            return shown;
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/organisations/" + id;
    }

    /** The form shown again; an administrator's disabled registration fields show the organisation's data. */
    private String form(Model model, Organisation organisation, boolean registrationEditable, OrganisationForm form) {
        if (!registrationEditable) form.keepRegistrationOf(organisation);
        return form(model, organisation, registrationEditable);
    }

    private String form(Model model, Organisation organisation, boolean registrationEditable) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("registrationEditable", registrationEditable);
        return FORM;
    }

    @GetMapping("/organisations/{id}/classes/new")
    String newClass(@PathVariable long id, Model model) {
        var organisation = existing(id);
        if (!organisations.permissions(organisation.id()).manageClasses()) throw Refusal.forbidden(null, "error.forbidden.detail").exception();
        var form = new ClassForm();
        form.setAcademicYear(AcademicYear.current(clock).startYear());
        form.setCapacity(organisation.occupancyNorm());
        form.setLanguage(organisation.languages().get(0));
        model.addAttribute("form", form);
        return classForm(model, organisation, null);
    }

    @PostMapping("/organisations/{id}/classes")
    String addClass(@PathVariable long id, @ModelAttribute("form") ClassForm form, BindingResult binding, Model model,
                    RedirectAttributes redirect) {
        var organisation = existing(id);
        if (binding.hasErrors()) return classForm(model, organisation, null);
        var outcome = organisations.addClass(organisation.id(), form.draft());
        if (FormErrors.rejected(binding, outcome)) return classForm(model, organisation, null);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/organisations/" + id;
    }

    @GetMapping("/classes/{id}/edit")
    String editClass(@PathVariable long id, Model model) {
        var schoolClass = existingClass(id);
        var organisation = existing(schoolClass.organisationId().value());
        if (!organisations.permissions(organisation.id()).manageClasses()) throw Refusal.forbidden(null, "error.forbidden.detail").exception();
        model.addAttribute("form", ClassForm.of(schoolClass));
        return classForm(model, organisation, schoolClass);
    }

    @PostMapping("/classes/{id}")
    String updateClass(@PathVariable long id, @ModelAttribute("form") ClassForm form, BindingResult binding,
                       Model model, RedirectAttributes redirect) {
        var schoolClass = existingClass(id);
        var organisation = existing(schoolClass.organisationId().value());
        if (binding.hasErrors()) return classForm(model, organisation, schoolClass);
        var outcome = organisations.updateClass(schoolClass.id(), form.draft(), form.getVersion());
        if (FormErrors.rejected(binding, outcome)) {
            FormErrors.current(outcome, SchoolClass.class).ifPresent(now -> {
                form.setVersion(now.version());
                model.addAttribute("changed", form.differencesFrom(now));
            });
            return classForm(model, organisation, schoolClass);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/organisations/" + organisation.id().value();
    }

    private String classForm(Model model, Organisation organisation, SchoolClass schoolClass) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("schoolClass", schoolClass);
        return CLASS_FORM;
    }

    private Organisation existing(long id) {
        return organisations.find(new OrganisationId(id)).orElseThrow(() -> Refusal.notFound("organisation", id).exception());
    }

    private SchoolClass existingClass(long id) {
        return organisations.findClass(new SchoolClassId(id)).orElseThrow(() -> Refusal.notFound("class", id).exception());
    }

    private Map<SchoolClassId, Integer> enrolled(List<SchoolClass> classes) {
        var port = occupancy.getIfAvailable();
        return port == null || classes.isEmpty() ? Map.of() : port.enrolled(classes.stream().map(SchoolClass::id).toList());
    }
}
