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
import org.springframework.web.bind.annotation.ResponseBody;

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

    /** The comparison of a record's sources, with the fields they disagree on. */
    record SourcesView(long childId, List<SourceComparison.Field> disagreements, List<SourceComparison.Row> fields) {
        static SourcesView of(SourceComparison c) {
            return new SourcesView(c.childId(), c.disagreements(), c.rows());
        }
    }

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

    @GetMapping("/api/v1/children/{id:[0-9]+}/sources")
    @ResponseBody
    @Operation(summary = "CA-2: what each source said of a child, field by field, side by side with the record, and "
            + "the fields on which the sources disagree (birth date, name, residence…); audited")
    SourcesView sources(@PathVariable long id) {
        return SourcesView.of(SourceComparison.of(children.read(id, "child-sources")
                .orElseThrow(() -> Refusal.notFound("child", id).exception())));
    }
}
