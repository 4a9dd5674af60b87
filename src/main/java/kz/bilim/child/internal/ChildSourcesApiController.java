package kz.bilim.child.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.bilim.child.Children;
import kz.bilim.kernel.Refusal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** CA-2 over HTTP: a child's sources side by side, as JSON (refusals as problem+json, not the page's error view). */
@RestController
@RequestMapping("/api/v1/children")
@PreAuthorize(ChildRegistry.READERS)
@Tag(name = "children", description = "Child accounting 0–18: imports of the six sources, the single database, the nine lists (CA-1…CA-3)")
class ChildSourcesApiController {

    /** The comparison of a record's sources, with the fields they disagree on. */
    record SourcesView(long childId, List<SourceComparison.Field> disagreements, List<SourceComparison.Row> fields) {
        static SourcesView of(SourceComparison c) {
            return new SourcesView(c.childId(), c.disagreements(), c.rows());
        }
    }

    private final Children children;

    ChildSourcesApiController(Children children) {
        this.children = children;
    }

    @GetMapping("/{id}/sources")
    @Operation(summary = "CA-2: what each source said of a child, field by field, side by side with the record, and "
            + "the fields on which the sources disagree (birth date, name, residence…); audited")
    SourcesView sources(@PathVariable long id) {
        return SourcesView.of(SourceComparison.of(children.read(id, "child-sources")
                .orElseThrow(() -> Refusal.notFound("child", id).exception())));
    }
}
