package kz.bilim.child.internal;

import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Paged;
import kz.bilim.kernel.Refusal;
import kz.bilim.territory.Territories;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Locale;

/** CA-2 pages of the district officer: the review queue, one case side by side, and its resolution (kk/ru/en). */
@Controller
@PreAuthorize(ReviewingChildren.RESOLVERS)
class ChildReviewPageController {

    private static final String QUEUE = "child/reviews";
    private static final String CASE = "child/review";

    private final ReviewingChildren reviews;
    private final Territories territories;
    private final MessageSource messages;

    ChildReviewPageController(ReviewingChildren reviews, Territories territories, MessageSource messages) {
        this.reviews = reviews;
        this.territories = territories;
        this.messages = messages;
    }

    @GetMapping("/children/reviews")
    String queue(@RequestParam(required = false) String kato, @RequestParam(required = false) Integer page,
                 Model model) {
        var queued = reviews.queue(kato, Paged.page(page), Paged.size(null));
        model.addAttribute("cases", queued);
        model.addAttribute("kato", kato);
        model.addAttribute("places", territories.findAll(queued.items().stream().map(ChildReview.Queued::kato)
                .distinct().toList()));
        return QUEUE;
    }

    @GetMapping("/children/reviews/{id:[0-9]+}")
    String show(@PathVariable long id, Model model) {
        var shown = reviews.show(id).orElseThrow(() -> Refusal.notFound("review", id).exception());
        model.addAttribute("shown", shown);
        var katos = new HashSet<String>();
        katos.add(shown.child().kato());
        shown.candidates().forEach(c -> katos.add(c.kato()));
        model.addAttribute("places", territories.findAll(katos));
        var records = new ArrayList<kz.bilim.child.ChildRecord>();
        records.add(shown.child());
        records.addAll(shown.candidates());
        model.addAttribute("records", records);
        model.addAttribute("rows", SourceComparison.records(records));
        return CASE;
    }

    @PostMapping("/children/reviews/{id:[0-9]+}/resolution")
    String resolve(@PathVariable long id, @RequestParam(required = false) String decision,
                   @RequestParam(required = false) String candidate, RedirectAttributes redirect, Locale locale) {
        var outcome = reviews.resolve(id, decision, candidate);
        if (outcome instanceof Outcome.Refused<?> refused) {
            var r = refused.refusal();
            var problems = new ArrayList<String>();
            if (r.errors().isEmpty())
                problems.add(messages.getMessage(r.reasonKey(), r.args().toArray(), r.reasonKey(), locale));
            for (var e : r.errors())
                problems.add(messages.getMessage("child.review.field-problem", new Object[]{
                        messages.getMessage("child.review.form." + e.field(), null, e.field(), locale),
                        messages.getMessage(e.reasonKey(), e.args(), e.reasonKey(), locale)}, locale));
            redirect.addFlashAttribute("problems", problems);
        } else {
            redirect.addFlashAttribute("saved", messages.getMessage("child.review.saved", null, locale));
        }
        return "redirect:/children/reviews/" + id;
    }
}
