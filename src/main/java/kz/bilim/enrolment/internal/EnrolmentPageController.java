package kz.bilim.enrolment.internal;

import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Refusal;
import java.time.Clock;
import kz.bilim.enrolment.Admission;
import kz.bilim.enrolment.Enrolment;
import kz.bilim.enrolment.EnrolmentId;
import kz.bilim.enrolment.Enrolments;
import kz.bilim.enrolment.Expulsion;
import kz.bilim.enrolment.PersonId;
import kz.bilim.enrolment.Persons;
import kz.bilim.enrolment.PupilFilter;
import kz.bilim.organisation.AcademicYear;
import kz.bilim.organisation.Organisation;
import kz.bilim.organisation.OrganisationFilter;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.Organisations;
import kz.bilim.kernel.Paged;
import kz.bilim.organisation.SchoolClass;
import kz.bilim.organisation.SchoolClassId;
import kz.bilim.kernel.FieldError;
import kz.bilim.platform.web.FormErrors;
import kz.bilim.platform.web.PageLinks;
import kz.bilim.territory.Territories;
import org.springframework.context.MessageSource;
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

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Pages of pupils: an organisation's or a class's pupils, the scope-wide list, admission and expulsion forms, a
 * person's record (its read audited). Only for roles that read personal data.
 */
@Controller
@PreAuthorize(EnrolmentDesk.READERS)
class EnrolmentPageController {

    static final String PUPILS = "enrolment/pupils";
    static final String LIST = "enrolment/list";
    static final String ADMIT = "enrolment/admit";
    static final String EXPEL = "enrolment/expel";
    static final String PERSON = "enrolment/person";

    private final Enrolments enrolments;
    private final Persons persons;
    private final Organisations organisations;
    private final MessageSource messages;
    private final Territories territories;

    private final Clock clock;


    EnrolmentPageController(Enrolments enrolments, Persons persons, Organisations organisations,
                            MessageSource messages, Territories territories, Clock clock) {

        this.clock = clock;
        this.enrolments = enrolments;
        this.persons = persons;
        this.organisations = organisations;
        this.messages = messages;
        this.territories = territories;
    }

    /** "TR-10: the class 5А is full (25 pupils)", in the reader's language. */
    private boolean rejected(Outcome<?> outcome, BindingResult binding, Model model, String prefix) {
        if (outcome instanceof Outcome.Refused<?> refused && refused.refusal().code() == Refusal.Code.RULE_REFUSED) {
            var refusal = refused.refusal();
            model.addAttribute("refusal", refusal.clause() + ": " + messages.getMessage(refusal.reasonKey(),
                    refusal.args().toArray(), refusal.reasonKey(), LocaleContextHolder.getLocale()));
            return true;
        }
        return FormErrors.rejected(binding, outcome, prefix);
    }

    @GetMapping("/organisations/{id}/pupils")
    String organisationPupils(@PathVariable long id, @RequestParam(required = false) String q,
                              @RequestParam(required = false) Long classId,
                              @RequestParam(defaultValue = "true") boolean active,
                              @RequestParam(required = false) Integer page, Model model) {
        var organisation = organisation(id);
        SchoolClass schoolClass = classId == null ? null : organisations.findClass(new SchoolClassId(classId))
                .filter(c -> c.organisationId().equals(organisation.id())).orElse(null);
        return pupils(organisation, schoolClass, q, active, page, model);
    }

    @GetMapping("/classes/{id}/pupils")
    String classPupils(@PathVariable long id, @RequestParam(required = false) String q,
                       @RequestParam(defaultValue = "true") boolean active,
                       @RequestParam(required = false) Integer page, Model model) {
        var schoolClass = organisations.findClass(new SchoolClassId(id))
                .orElseThrow(() -> Refusal.notFound("class", id).exception());
        return pupils(organisation(schoolClass.organisationId().value()), schoolClass, q, active, page, model);
    }

    private String pupils(Organisation organisation, SchoolClass schoolClass, String q, boolean active, Integer page,
                          Model model) {
        var classes = organisations.classes(organisation.id(), null);
        var filter = new PupilFilter(organisation.id(), schoolClass == null ? null : schoolClass.id(), null, q, active);
        model.addAttribute("organisation", organisation);
        model.addAttribute("schoolClass", schoolClass);
        model.addAttribute("classes", classes);
        model.addAttribute("classLabels", classes.stream().collect(Collectors.toMap(SchoolClass::id, SchoolClass::label)));
        model.addAttribute("q", q);
        model.addAttribute("active", active);
        var pupils = enrolments.pupils(filter, Paged.page(page), Paged.size(null));
        model.addAttribute("pupils", pupils);
        PageLinks.addTo(model, pupils.page(), pupils.hasNext());
        model.addAttribute("mayManage", organisations.permissions(organisation.id()).manageClasses());
        return PUPILS;
    }

    @GetMapping("/enrolments")
    String list(@RequestParam(required = false) String organisation, @RequestParam(required = false) Integer grade,
                @RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("organisationQuery", organisation);
        model.addAttribute("grade", grade);
        model.addAttribute("q", q);
        OrganisationId organisationId = null;
        if (organisation != null && !organisation.isBlank()) {
            var found = organisations.list(new OrganisationFilter(null, null, null, null, null, organisation), 0, 2);
            if (found.items().size() != 1) {
                model.addAttribute("organisationProblem", found.items().isEmpty()
                        ? "enrolment.list.organisation-none" : "enrolment.list.organisation-many");
                model.addAttribute("pupils", new Paged<>(List.of(), 0, Paged.DEFAULT_SIZE, 0L, false));
                model.addAttribute("organisationNames", Map.of());
                return LIST;
            }
            organisationId = found.items().get(0).id();
        }
        var pupils = enrolments.pupils(new PupilFilter(organisationId, null, grade, q, true), Paged.page(page),
                Paged.size(null));
        var names = organisations.findAll(pupils.items().stream().map(p -> p.enrolment().organisationId())
                .collect(Collectors.toSet()));
        model.addAttribute("pupils", pupils);
        PageLinks.addTo(model, pupils.page(), pupils.hasNext());
        model.addAttribute("organisationNames", names);
        return LIST;
    }

    @GetMapping("/organisations/{id}/admit")
    @PreAuthorize(EnrolmentDesk.WRITERS)
    String admitForm(@PathVariable long id, @RequestParam(required = false) Long classId, Model model) {
        var form = new AdmissionForm();
        form.setClassId(classId);
        form.setFrom(LocalDate.now(clock).toString());
        model.addAttribute("form", form);
        return admitPage(organisation(id), model);
    }

    @PostMapping("/organisations/{id}/admit")
    @PreAuthorize(EnrolmentDesk.WRITERS)
    String admit(@PathVariable long id, @ModelAttribute("form") AdmissionForm form, BindingResult binding, Model model,
                 RedirectAttributes redirect) {
        var organisation = organisation(id);
        if (binding.hasErrors()) return admitPage(organisation, model);
        var errors = new ArrayList<FieldError>();
        var person = Requests.person("", form.getIin(), form.getLastName(), form.getFirstName(),
                form.getPatronymic(), form.getBirthDate(), form.getSex(), form.getNationality(),
                form.getCitizenship(), form.getResidenceKato(), errors);
        var from = Requests.date("from", form.getFrom(), errors);
        var outcome = errors.isEmpty() ? enrolments.admit(new Admission(null, person, organisation.id(),
                form.getClassId() == null ? null : new SchoolClassId(form.getClassId()), from,
                form.getAdmissionOrder())) : Refusal.invalid(errors).outcome();
        if (rejected(outcome, binding, model, "person.")) return admitPage(organisation, model);
        // the new pupil is named and highlighted in their class's list (kept in the session, never in the URL)
        var admitted = (kz.bilim.enrolment.Enrolment) outcome.orElseThrow();
        redirect.addFlashAttribute("admitted", admitted.id().value());
        redirect.addFlashAttribute("admittedPerson", admitted.personId().value());
        return "redirect:/organisations/" + id + "/pupils"
                + (form.getClassId() == null ? "" : "?classId=" + form.getClassId());
    }

    private String admitPage(Organisation organisation, Model model) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("classes", organisations.classes(organisation.id(), null));
        return ADMIT;
    }

    @GetMapping("/enrolments/{id}/expel")
    @PreAuthorize(EnrolmentDesk.WRITERS)
    String expelForm(@PathVariable long id, Model model) {
        var form = new ExpulsionForm();
        form.setDate(LocalDate.now(clock).toString());
        model.addAttribute("form", form);
        return expelPage(enrolment(id), model);
    }

    @PostMapping("/enrolments/{id}/expel")
    @PreAuthorize(EnrolmentDesk.WRITERS)
    String expel(@PathVariable long id, @ModelAttribute("form") ExpulsionForm form, BindingResult binding, Model model,
                 RedirectAttributes redirect) {
        var enrolment = enrolment(id);
        var errors = new ArrayList<FieldError>();
        var date = Requests.date("date", form.getDate(), errors);
        var outcome = errors.isEmpty() ? enrolments.expel(enrolment.id(), new Expulsion(date, form.getExpulsionOrder()))
                : Refusal.invalid(errors).outcome();
        if (rejected(outcome, binding, model, "")) return expelPage(enrolment, model);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/organisations/" + enrolment.organisationId().value() + "/pupils";
    }

    private String expelPage(Enrolment enrolment, Model model) {
        model.addAttribute("enrolment", enrolment);
        model.addAttribute("organisation", organisation(enrolment.organisationId().value()));
        return EXPEL;
    }

    @GetMapping("/persons/{id}")
    String person(@PathVariable long id, @RequestParam(required = false) String purpose, Model model) {
        var personId = new PersonId(id);
        var person = persons.read(personId, purpose == null || purpose.isBlank() ? "page:person" : purpose)
                .orElseThrow(() -> Refusal.notFound("person", id).exception());
        var history = enrolments.history(personId);
        var names = organisations.findAll(history.stream().map(Enrolment::organisationId).collect(Collectors.toSet()));
        Map<SchoolClassId, String> labels = new HashMap<>();
        organisations.findClasses(history.stream().map(Enrolment::classId).filter(Objects::nonNull)
                .collect(Collectors.toSet())).forEach((classId, c) -> labels.put(classId, c.label()));
        model.addAttribute("person", person);
        model.addAttribute("history", history);
        model.addAttribute("organisationNames", names);
        model.addAttribute("classLabels", labels);
        model.addAttribute("residence", person.residenceKato() == null ? null
                : territories.find(person.residenceKato().value()).orElse(null));
        model.addAttribute("citizenshipName", countryName(person.citizenship()));
        return PERSON;
    }

    /** "Қазақстан" for KZ in the reader's language; other text as written. */
    static String countryName(String code) {
        if (code == null || !code.matches("[A-Z]{2}")) return code;
        String name = new Locale.Builder().setRegion(code).build().getDisplayCountry(LocaleContextHolder.getLocale());
        return name.isEmpty() || name.equals(code) ? code : name;
    }

    private Organisation organisation(long id) {
        return organisations.find(new OrganisationId(id)).orElseThrow(() -> Refusal.notFound("organisation", id).exception());
    }

    private Enrolment enrolment(long id) {
        return enrolments.find(new EnrolmentId(id)).orElseThrow(() -> Refusal.notFound("enrolment", id).exception());
    }
}
