package kz.bilim.child.internal;

import kz.bilim.child.Children;
import kz.bilim.child.exemption.RecordingExemption;
import kz.bilim.kernel.Refusal;
import kz.bilim.platform.web.FormErrors;
import kz.bilim.territory.Territories;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * One child's page (CA-2): the record, the lists, and what each source said side by side — the fields on which the
 * sources disagree named, never silently overwritten — with the record's review history; and for the district or
 * region office the form that records or ends the exemption from schooling (CA-3 (5)) with its ground and document,
 * refused fields shown in place. The comparison is also answered as JSON under {@code /api/v1}. Every opening is an
 * audited read.
 */
@Controller
@PreAuthorize(ChildRegistry.READERS)
class ChildRecordPageController {

    private static final String RECORD = "child/record";

    private final Children children;
    private final ReviewingChildren reviews;
    private final RecordingExemption exemptions;
    private final Territories territories;
    private final MessageSource messages;

    ChildRecordPageController(Children children, ReviewingChildren reviews, RecordingExemption exemptions,
                              Territories territories, MessageSource messages) {
        this.children = children;
        this.reviews = reviews;
        this.exemptions = exemptions;
        this.territories = territories;
        this.messages = messages;
    }

    @GetMapping("/children/{id:[0-9]+}")
    String record(@PathVariable long id, Model model) {
        var form = new ExemptionForm();
        exemptions.current(id).ifPresent(e -> {
            form.setGround(e.ground().name());
            form.setDocument(e.document());
            form.setIssuedOn(e.issuedOn().toString());
        });
        model.addAttribute("form", form);
        return page(id, model);
    }

    @PostMapping("/children/{id:[0-9]+}/exemption")
    @PreAuthorize(RecordingExemption.RECORDERS)
    String exempt(@PathVariable long id, @ModelAttribute("form") ExemptionForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect, Locale locale) {
        var outcome = exemptions.record(id, form.getGround(), form.getDocument(), form.getIssuedOn());
        if (FormErrors.rejected(binding, outcome)) return page(id, model);
        redirect.addFlashAttribute("saved", messages.getMessage("exemption.form.saved", null, locale));
        return "redirect:/children/" + id + "#exemption";
    }

    @PostMapping("/children/{id:[0-9]+}/exemption/end")
    @PreAuthorize(RecordingExemption.RECORDERS)
    String end(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        exemptions.end(id).orElseThrow();
        redirect.addFlashAttribute("saved", messages.getMessage("exemption.form.ended", null, locale));
        return "redirect:/children/" + id + "#exemption";
    }

    /** The page's model: the record and its sources, the review history, the places named, and the exemption. */
    private String page(long id, Model model) {
        var child = children.read(id, "child-record").orElseThrow(() -> Refusal.notFound("child", id).exception());
        model.addAttribute("child", child);
        model.addAttribute("comparison", SourceComparison.of(child));
        model.addAttribute("history", reviews.history(id));
        var katos = new HashSet<String>();
        katos.add(child.kato());
        child.sources().forEach(s -> katos.add(s.residenceKato()));
        model.addAttribute("places", territories.findAll(katos));
        model.addAttribute("exemption", exemptions.current(id).orElse(null));
        model.addAttribute("grounds", RecordingExemption.Ground.values());
        return RECORD;
    }
}
