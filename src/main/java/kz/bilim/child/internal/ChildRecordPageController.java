package kz.bilim.child.internal;

import io.swagger.v3.oas.annotations.Operation;
import kz.bilim.child.Children;
import kz.bilim.kernel.Refusal;
import kz.bilim.territory.Territories;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.HashSet;
import java.util.List;

/**
 * One child's page (CA-2): the record, the lists, and what each source said side by side — the fields on which the
 * sources disagree named, never silently overwritten — with the record's review history. The same comparison is
 * answered as JSON under {@code /api/v1}. Every opening is an audited read.
 */
@Controller
@PreAuthorize(ChildRegistry.READERS)
class ChildRecordPageController {

    private static final String RECORD = "child/record";

    private final Children children;
    private final ReviewingChildren reviews;
    private final Territories territories;

    ChildRecordPageController(Children children, ReviewingChildren reviews, Territories territories) {
        this.children = children;
        this.reviews = reviews;
        this.territories = territories;
    }

    @GetMapping("/children/{id:[0-9]+}")
    String record(@PathVariable long id, Model model) {
        var child = children.read(id, "child-record").orElseThrow(() -> Refusal.notFound("child", id).exception());
        var comparison = SourceComparison.of(child);
        model.addAttribute("child", child);
        model.addAttribute("comparison", comparison);
        model.addAttribute("history", reviews.history(id));
        var katos = new HashSet<String>();
        katos.add(child.kato());
        child.sources().forEach(s -> katos.add(s.residenceKato()));
        model.addAttribute("places", territories.findAll(katos));
        return RECORD;
    }
}
