package kz.bilim.child.truancy;

import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Paged;
import kz.bilim.kernel.SignedIn;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.Organisations;
import kz.bilim.territory.Territories;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CA-4 pages: the districts' truant lists with the police liaison's decisions and the placement, and a school's
 * attendance — a class's day marked, or a file imported.
 */
@Controller
class TruancyPageController {

    private static final String LISTS = "truancy/lists";
    private static final String LIST = "truancy/list";
    private static final String DAY = "truancy/attendance";

    private final AgreeingTruantList agreeing;
    private final RecordingAttendance attendance;
    private final TruancyPolicy policy;
    private final Territories territories;
    private final Organisations organisations;
    private final MessageSource messages;
    private final Clock clock;

    TruancyPageController(AgreeingTruantList agreeing, RecordingAttendance attendance, TruancyPolicy policy,
                          Territories territories, Organisations organisations, MessageSource messages, Clock clock) {
        this.agreeing = agreeing;
        this.attendance = attendance;
        this.policy = policy;
        this.territories = territories;
        this.organisations = organisations;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/truancy")
    @PreAuthorize(AgreeingTruantList.READERS)
    String lists(@RequestParam(required = false) String month, @RequestParam(required = false) Integer page,
                 Model model) {
        var lists = agreeing.lists(TruancyApiController.month(month), Paged.page(page), Paged.MAX_SIZE);
        model.addAttribute("lists", lists);
        model.addAttribute("districts", territories.findAll(lists.stream().map(TruantList::district).distinct().toList()));
        model.addAttribute("now", clock.instant());
        model.addAttribute("moreThan", policy.moreThan());
        return LISTS;
    }

    @GetMapping("/truancy/lists/{id}")
    @PreAuthorize(AgreeingTruantList.READERS)
    String list(@PathVariable long id, Model model) {
        var shown = agreeing.show(id);
        model.addAttribute("list", shown.list());
        model.addAttribute("entries", shown.entries());
        model.addAttribute("district", territories.find(shown.list().district()).orElse(null));
        var ids = new HashSet<OrganisationId>();
        shown.entries().forEach(e -> { if (e.organisationId() != null) ids.add(OrganisationId.of(e.organisationId())); });
        var schools = new LinkedHashMap<Long, Object>();
        organisations.findAll(ids).forEach((k, v) -> schools.put(k.value(), v));
        model.addAttribute("schools", schools);
        model.addAttribute("decisions", TruantEntry.Decision.values());
        model.addAttribute("late", shown.list().lateAt(clock.instant()));
        return LIST;
    }

    @PostMapping("/truancy/lists/{id}/children/{childId}/decision")
    @PreAuthorize(AgreeingTruantList.POLICE)
    String decide(@PathVariable long id, @PathVariable long childId, @RequestParam(required = false) String decision,
                  @RequestParam(required = false) String comment, RedirectAttributes redirect, Locale locale) {
        var outcome = agreeing.decide(id, childId, decision, comment);
        refused(outcome, redirect, locale, childId);
        return "redirect:/truancy/lists/" + id + "#child-" + childId;
    }

    @PostMapping("/truancy/lists/{id}/placement")
    @PreAuthorize(AgreeingTruantList.PLACERS)
    String place(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        refused(agreeing.place(id), redirect, locale, null);
        return "redirect:/truancy/lists/" + id;
    }

    @GetMapping("/attendance")
    @PreAuthorize(RecordingAttendance.RECORDERS)
    String day(@RequestParam(name = "class", required = false) Long classId,
               @RequestParam(required = false) String day, Model model) {
        var classes = attendance.classes();
        model.addAttribute("classes", classes);
        LocalDate date = day == null || day.isBlank() ? LocalDate.now(clock) : TruancyApiController.date(day);
        model.addAttribute("day", date);
        Long chosen = classId != null ? classId : classes.isEmpty() ? null : classes.get(0).id().value();
        model.addAttribute("chosen", chosen);
        model.addAttribute("classDay", chosen == null ? null : attendance.classDay(chosen, date));
        model.addAttribute("marks", Mark.values());
        return DAY;
    }

    @PostMapping("/attendance")
    @PreAuthorize(RecordingAttendance.RECORDERS)
    String record(@RequestParam(name = "class") long classId, @RequestParam String day,
                  @RequestParam Map<String, String> form, RedirectAttributes redirect, Locale locale) {
        var marks = new LinkedHashMap<Long, String>();
        form.forEach((k, v) -> {
            if (k.startsWith("mark-") && k.substring(5).matches("[0-9]{1,18}")) marks.put(Long.parseLong(k.substring(5)), v);
        });
        var outcome = attendance.recordDay(classId, TruancyApiController.date(day), marks);
        if (outcome instanceof Outcome.Done<Integer> done)
            redirect.addFlashAttribute("saved", messages.getMessage("attendance.saved", new Object[]{done.value()}, locale));
        refused(outcome, redirect, locale, null);
        return "redirect:/attendance?class=" + classId + "&day=" + day;
    }

    @PostMapping("/attendance/imports")
    @PreAuthorize(RecordingAttendance.RECORDERS)
    String importFile(@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect, Locale locale)
            throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("problems", List.of(messages.getMessage("attendance.import.empty", null, locale)));
            return "redirect:/attendance";
        }
        try (var in = file.getInputStream()) {
            var outcome = attendance.importFile(in);
            if (outcome instanceof Outcome.Done<RecordingAttendance.Imported> done)
                redirect.addFlashAttribute("saved", messages.getMessage("attendance.imported",
                        new Object[]{done.value().rows(), done.value().absent()}, locale));
            refused(outcome, redirect, locale, null);
        }
        return "redirect:/attendance";
    }

    /** A refusal's reasons in the reader's language, for the page shown next. */
    private void refused(Outcome<?> outcome, RedirectAttributes redirect, Locale locale, Long childId) {
        if (!(outcome instanceof Outcome.Refused<?> refused)) return;
        var r = refused.refusal();
        var problems = new ArrayList<String>();
        if (r.errors().isEmpty())
            problems.add(messages.getMessage(r.reasonKey(), r.args().toArray(), r.reasonKey(), locale));
        for (var e : r.errors())
            problems.add(e.field() + ": " + messages.getMessage(e.reasonKey(), e.args(), e.reasonKey(), locale));
        redirect.addFlashAttribute("problems", problems);
        redirect.addFlashAttribute("problemChild", childId);
    }
}
