package kz.bilim.standard.internal;

import io.swagger.v3.oas.annotations.Hidden;
import kz.bilim.enrolment.Enrolments;
import kz.bilim.enrolment.Pupil;
import kz.bilim.enrolment.PupilFilter;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Paged;
import kz.bilim.kernel.Refusal;
import kz.bilim.organisation.AcademicYear;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.Organisations;
import kz.bilim.platform.web.FormErrors;
import kz.bilim.standard.SupportKind;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /organisations/{id}/support}: a school's support register of the current school year (MS-3, MS-4, MS-7,
 * MS-8) and the form that adds to it — the pupil picked from the school's own pupils, the fields of the kind chosen.
 */
@Controller
@Hidden
class SupportPageController {

    static final String VIEW = "standard/support";
    /** Pupils listed in the form's picker: a large school's roll. */
    static final int MAX_PUPILS = 3000;

    private final SupportRegister register;
    private final Enrolments enrolments;
    private final Organisations organisations;
    private final Clock clock;

    SupportPageController(SupportRegister register, Enrolments enrolments, Organisations organisations, Clock clock) {
        this.register = register;
        this.enrolments = enrolments;
        this.organisations = organisations;
        this.clock = clock;
    }

    @GetMapping("/organisations/{id}/support")
    @PreAuthorize(SupportRegister.WRITERS)
    String register(@PathVariable long id, Model model) {
        return show(id, new SupportForm(), model);
    }

    @PostMapping("/organisations/{id}/support")
    @PreAuthorize(SupportRegister.WRITERS)
    String add(@PathVariable long id, @ModelAttribute("form") SupportForm form, BindingResult binding, Model model,
               RedirectAttributes redirect) {
        var pupils = pupils(id);
        Outcome<PupilSupport> outcome = form.getEnrolment() == null || !pupils.containsKey(form.getEnrolment())
                ? Refusal.invalid("enrolment", "error.field.required").outcome()
                : register.record(form.getEnrolment(), form.draft());
        if (outcome instanceof Outcome.Refused<PupilSupport> refused && refused.refusal().errors().isEmpty()
                && refused.refusal().code() != Refusal.Code.NOT_FOUND) {
            model.addAttribute("refusal", refused.refusal());
            return show(id, form, model);
        }
        if (FormErrors.rejected(binding, outcome)) return show(id, form, model);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/organisations/" + id + "/support";
    }

    private Map<Long, Pupil> pupils(long id) {
        var organisation = organisations.find(new OrganisationId(id))
                .orElseThrow(() -> Refusal.notFound("organisation", id).exception());
        var byEnrolment = new LinkedHashMap<Long, Pupil>();
        for (int page = 0; byEnrolment.size() < MAX_PUPILS; page++) {
            var found = enrolments.pupils(new PupilFilter(organisation.id(), null, null, null, true), page, Paged.MAX_SIZE);
            found.items().forEach(p -> byEnrolment.put(p.enrolment().id().value(), p));
            if (!found.hasNext()) break;
        }
        return byEnrolment;
    }

    private String show(long id, SupportForm form, Model model) {
        var organisation = organisations.find(new OrganisationId(id))
                .orElseThrow(() -> Refusal.notFound("organisation", id).exception());
        int schoolYear = AcademicYear.current(clock).startYear();
        var pupils = pupils(id);
        model.addAttribute("organisation", organisation);
        model.addAttribute("schoolYear", schoolYear);
        model.addAttribute("entries", new ArrayList<>(register.ofOrganisation(id, schoolYear)));
        model.addAttribute("pupils", pupils);
        model.addAttribute("form", form);
        model.addAttribute("kinds", SupportKind.values());
        model.addAttribute("categories", SupportCategory.values());
        model.addAttribute("mayTransport", kz.bilim.kernel.SignedIn.role()
                .map(r -> r != kz.bilim.kernel.Role.ORGANISATION_ADMIN).orElse(false));
        return VIEW;
    }

    static List<String> places() {
        return List.of("HOME", "HOSPITAL");
    }
}
