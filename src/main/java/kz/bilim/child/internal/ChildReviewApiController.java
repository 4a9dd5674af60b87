package kz.bilim.child.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.bilim.kernel.Paged;
import kz.bilim.kernel.Refusal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** CA-2 over HTTP: the review queue of records that may be one child, a case side by side, its resolution. */
@RestController
@RequestMapping("/api/v1/children/reviews")
@PreAuthorize(ReviewingChildren.RESOLVERS)
@Tag(name = "children", description = "Child accounting 0–18: imports of the six sources, the single database, the nine lists (CA-1…CA-3)")
class ChildReviewApiController {

    /** {@code candidate}: a child id of the case, required to merge. */
    record Resolution(String decision, Object candidate) {
    }

    private final ReviewingChildren reviews;

    ChildReviewApiController(ReviewingChildren reviews) {
        this.reviews = reviews;
    }

    @GetMapping
    @Operation(summary = "CA-2: the open review cases of a territory (default the caller's), oldest first; audited")
    Paged<ChildReview.Queued> queue(@RequestParam(required = false) String kato,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        return reviews.queue(kato, Paged.page(page), Paged.size(size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "CA-2: one review case with the records side by side and what each source said; audited")
    ChildReview.Shown show(@PathVariable long id) {
        return reviews.show(id).orElseThrow(() -> Refusal.notFound("review", id).exception());
    }

    @PostMapping("/{id}/resolution")
    @Operation(summary = "CA-2: resolve a case once: {decision: MERGE, candidate: <child id>} or {decision: KEEP_APART}; "
            + "audited; 409 when the case is resolved already (nothing changes)")
    ChildReview.Case resolve(@PathVariable long id, @RequestBody(required = false) Resolution body) {
        var resolution = body == null ? new Resolution(null, null) : body;
        return reviews.resolve(id, resolution.decision(),
                resolution.candidate() == null ? null : String.valueOf(resolution.candidate())).orElseThrow();
    }
}
