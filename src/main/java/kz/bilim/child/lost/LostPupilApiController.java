package kz.bilim.child.lost;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.bilim.kernel.Paged;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Issue 9 item 5 over HTTP: the "left and not arrived" list, a case, taking it and closing it. */
@RestController
@Tag(name = "lost pupils", description = "Pupils who left a school and were admitted nowhere within the school days of the rule (issue 9 item 5)")
class LostPupilApiController {

    record Closing(String reason, String note) {
    }

    private final TracingLostPupils lost;

    LostPupilApiController(TracingLostPupils lost) {
        this.lost = lost;
    }

    @GetMapping("/api/v1/children/lost")
    @PreAuthorize(TracingLostPupils.READERS)
    @Operation(summary = "The lost pupils of a territory in the caller's scope (kato, default all the caller sees), "
            + "longest gone first; mine=true: the caller's cases; counted; audited")
    Paged<LostPupil> list(@RequestParam(required = false) String kato, @RequestParam(defaultValue = "false") boolean mine,
                          @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return lost.list(kato, mine, Paged.page(page), Paged.size(size)).orElseThrow();
    }

    @GetMapping("/api/v1/children/lost/{id}")
    @PreAuthorize(TracingLostPupils.READERS)
    @Operation(summary = "One case (on the list, or closed); audited")
    LostPupil one(@PathVariable long id) {
        return lost.read(id).orElseThrow();
    }

    @PostMapping("/api/v1/children/lost/{id}/owner")
    @PreAuthorize(TracingLostPupils.OFFICERS)
    @Operation(summary = "Take the case: the caller owns it until it is closed; 409 when another officer has it")
    LostPupil take(@PathVariable long id) {
        return lost.take(id).orElseThrow();
    }

    @PostMapping("/api/v1/children/lost/{id}/closure")
    @PreAuthorize(TracingLostPupils.OFFICERS)
    @Operation(summary = "Close the caller's case: {reason: ENROLLED_ELSEWHERE|MOVED_ABROAD|OTHER, note (required "
            + "for OTHER)}; 409 when the case is not the caller's or closed")
    LostPupil close(@PathVariable long id, @RequestBody Closing body) {
        return lost.close(id, body.reason(), body.note()).orElseThrow();
    }
}
