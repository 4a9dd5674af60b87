package kz.bilim.enrolment.internal;

import kz.bilim.enrolment.EnrolmentId;
import kz.bilim.enrolment.Enrolments;
import kz.bilim.enrolment.Pupil;
import kz.bilim.enrolment.PupilFilter;
import kz.bilim.enrolment.PupilRecords;
import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Paged;
import kz.bilim.kernel.Refusal;
import kz.bilim.organisation.AcademicYear;
import kz.bilim.organisation.Organisation;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.Organisations;
import kz.bilim.organisation.SchoolClass;
import kz.bilim.platform.web.FormErrors;
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
import java.util.List;
import java.util.Map;

/**
 * The school's year-end record (SC-5 input of indicator 19): a class's pupils as the registry holds them, each with
 * the council's outcome to choose (promoted preselected: the usual case is one click per class), the day and the
 * decision typed once for all. What is recorded already is shown, not offered again. A refused line is shown at the
 * pupil's row; nothing is written then.
 */
@Controller
@PreAuthorize(EnrolmentDesk.READERS)
class YearEndPageController {

    static final String VIEW = "enrolment/year-end";

    private final Organisations organisations;
    private final Enrolments enrolments;
    private final PupilRecords records;
    private final Clock clock;

    YearEndPageController(Organisations organisations, Enrolments enrolments, PupilRecords records, Clock clock) {
        this.organisations = organisations;
        this.enrolments = enrolments;
        this.records = records;
        this.clock = clock;
    }

    @GetMapping("/organisations/{id}/year-end")
    String form(@PathVariable long id, @RequestParam(required = false) Long classId, Model model) {
        var form = new YearEndForm();
        form.setClassId(classId);
        form.setOn(LocalDate.now(clock).toString());
        model.addAttribute("form", form);
        return show(id, form, true, model);
    }

    @PostMapping("/organisations/{id}/year-end")
    @PreAuthorize(EnrolmentDesk.WRITERS)
    String record(@PathVariable long id, @ModelAttribute("form") YearEndForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        var errors = new ArrayList<FieldError>();
        LocalDate on = Requests.date("on", form.getOn(), errors);
        var lines = new ArrayList<PupilRecords.YearEndLine>();
        var keys = new ArrayList<String>();
        for (var entry : form.getOutcomes().entrySet()) {
            String field = "outcomes[" + entry.getKey() + "]";
            var outcome = YearEndLines.outcome(field, entry.getValue(), errors);
            if (outcome == null) continue;
            if (!entry.getKey().matches("[0-9]{1,18}")) {
                errors.add(new FieldError(field, "enrolment.year-end.not-of-organisation"));
                continue;
            }
            keys.add(entry.getKey());
            lines.add(new PupilRecords.YearEndLine(new EnrolmentId(Long.parseLong(entry.getKey())), outcome));
        }
        if (!errors.isEmpty()) FormErrors.into(binding, Refusal.invalid(errors));
        else {
            Outcome<Integer> outcome = records.yearEnds(new OrganisationId(id), on, form.getBasis(), lines);
            if (outcome instanceof Outcome.Refused<Integer> refused) FormErrors.rejected(binding,
                    atRows(refused.refusal(), keys).outcome());
            else {
                redirect.addFlashAttribute("recordedNow", outcome.orElseThrow());
                redirect.addAttribute("classId", form.getClassId());
                return "redirect:/organisations/" + id + "/year-end";
            }
        }
        return show(id, form, false, model);
    }

    private static final java.util.regex.Pattern LINE = java.util.regex.Pattern.compile("lines\\[(\\d+)].*");

    /**
     * The service names a line by its place ({@code lines[3].enrolment}); the form shows it at the pupil's row — but a
     * pupil not of this school has no row here (a tampered form), so that one is the form's own error.
     */
    private static Refusal atRows(Refusal refusal, List<String> keys) {
        var errors = refusal.errors().stream().map(e -> {
            var m = LINE.matcher(e.field());
            if (!m.matches() || Integer.parseInt(m.group(1)) >= keys.size()) return e;
            if ("enrolment.year-end.not-of-organisation".equals(e.reasonKey())) return new FieldError("", e.reasonKey(), e.args());
            return new FieldError("outcomes[" + keys.get(Integer.parseInt(m.group(1))) + "]", e.reasonKey(), e.args());
        }).toList();
        return errors.isEmpty() ? refusal : Refusal.invalid(errors);
    }

    private String show(long id, YearEndForm form, boolean prefill, Model model) {
        Organisation organisation = organisations.find(new OrganisationId(id))
                .orElseThrow(() -> Refusal.notFound("organisation", id).exception());
        var classes = organisations.classes(organisation.id(), AcademicYear.current(clock).startYear());
        SchoolClass shown = classes.stream().filter(c -> form.getClassId() != null && c.id().value() == form.getClassId())
                .findFirst().orElse(classes.isEmpty() ? null : classes.get(0));
        List<Pupil> pupils = shown == null ? List.of() : enrolments.pupils(new PupilFilter(organisation.id(), shown.id(),
                null, null, true), 0, Paged.MAX_SIZE).items();
        LocalDate on;
        try {
            on = LocalDate.parse(form.getOn());
        } catch (RuntimeException e) {
            on = LocalDate.now(clock);
        }
        int schoolYear = AcademicYear.containing(on).startYear();
        Map<EnrolmentId, PupilRecords.YearEnd> recorded = records.yearEndsRecorded(
                pupils.stream().map(p -> p.enrolment().id()).toList(), schoolYear);
        if (prefill)
            for (Pupil p : pupils)
                if (!recorded.containsKey(p.enrolment().id()) && p.enrolment().grade() != null)
                    form.getOutcomes().putIfAbsent(String.valueOf(p.enrolment().id().value()),
                            PupilRecords.YearEnd.PROMOTED.name());
        if (shown != null) form.setClassId(shown.id().value());
        model.addAttribute("organisation", organisation);
        model.addAttribute("classes", classes);
        model.addAttribute("schoolClass", shown);
        model.addAttribute("pupils", pupils);
        model.addAttribute("recorded", recorded);
        model.addAttribute("schoolYear", schoolYear);
        model.addAttribute("outcomeChoices", PupilRecords.YearEnd.values());
        model.addAttribute("mayRecord", organisations.permissions(organisation.id()).manageClasses());
        return VIEW;
    }
}
