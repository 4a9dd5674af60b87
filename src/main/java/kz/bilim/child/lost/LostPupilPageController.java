package kz.bilim.child.lost;

import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Paged;
import kz.bilim.kernel.Refusal;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.Organisations;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The district officer's page of lost pupils (issue 9 item 5): the list, a case taken, a case closed with its reason
 * — the close form's errors shown in place on the case's row.
 */
@Controller
class LostPupilPageController {

    private static final String LIST = "child/lost";

    private final TracingLostPupils lost;
    private final Organisations organisations;
    private final MessageSource messages;

    LostPupilPageController(TracingLostPupils lost, Organisations organisations, MessageSource messages) {
        this.lost = lost;
        this.organisations = organisations;
        this.messages = messages;
    }

    @GetMapping("/children/lost")
    @PreAuthorize(TracingLostPupils.READERS)
    String list(@RequestParam(required = false) String kato, @RequestParam(defaultValue = "false") boolean mine,
                @RequestParam(required = false) Integer page, Model model) {
        var shown = lost.list(kato, mine, Paged.page(page), Paged.DEFAULT_SIZE).orElseThrow();
        var ids = shown.items().stream().map(p -> OrganisationId.of(p.schoolId())).collect(Collectors.toSet());
        var schools = new LinkedHashMap<Long, Object>();
        organisations.findAll(ids).forEach((k, v) -> schools.put(k.value(), v));
        model.addAttribute("cases", shown);
        model.addAttribute("schools", schools);
        model.addAttribute("mine", mine);
        model.addAttribute("kato", kato);
        model.addAttribute("afterSchoolDays", lost.afterSchoolDays());
        model.addAttribute("reasons", java.util.Arrays.stream(LostPupilPolicy.CloseReason.values())
                .filter(LostPupilPolicy.CloseReason::byOfficer).toList());
        return LIST;
    }

    @PostMapping("/children/lost/{id}/owner")
    @PreAuthorize(TracingLostPupils.OFFICERS)
    String take(@PathVariable long id, @RequestParam(defaultValue = "false") boolean mine, RedirectAttributes redirect,
                Locale locale) {
        var outcome = lost.take(id);
        if (outcome.isDone()) redirect.addFlashAttribute("saved", messages.getMessage("lost.taken", null, locale));
        refused(outcome, id, redirect, locale);
        return back(id, mine);
    }

    @PostMapping("/children/lost/{id}/closure")
    @PreAuthorize(TracingLostPupils.OFFICERS)
    String close(@PathVariable long id, @RequestParam(required = false) String reason,
                 @RequestParam(required = false) String note, @RequestParam(defaultValue = "false") boolean mine,
                 RedirectAttributes redirect, Locale locale) {
        var outcome = lost.close(id, reason, note);
        if (outcome.isDone()) redirect.addFlashAttribute("saved", messages.getMessage("lost.closed", null, locale));
        else {
            redirect.addFlashAttribute("typedReason", reason);
            redirect.addFlashAttribute("typedNote", note);
        }
        refused(outcome, id, redirect, locale);
        return back(id, mine);
    }

    private static String back(long id, boolean mine) {
        return "redirect:/children/lost" + (mine ? "?mine=true" : "") + "#case-" + id;
    }

    /** A refusal in the reader's language: field errors go to the case's form fields, the rest above the list. */
    private void refused(Outcome<?> outcome, long id, RedirectAttributes redirect, Locale locale) {
        if (!(outcome instanceof Outcome.Refused<?> refused)) return;
        Refusal r = refused.refusal();
        if (r.code() == Refusal.Code.NOT_FOUND || r.code() == Refusal.Code.FORBIDDEN) throw r.exception();
        var fields = new LinkedHashMap<String, String>();
        for (var e : r.errors()) fields.put(e.field(), messages.getMessage(e.reasonKey(), e.args(), e.reasonKey(), locale));
        redirect.addFlashAttribute("problemCase", id);
        if (!fields.isEmpty()) redirect.addFlashAttribute("fieldErrors", fields);
        else redirect.addFlashAttribute("problem", messages.getMessage(r.reasonKey(), r.args().toArray(), r.reasonKey(), locale));
    }
}
