package kz.bilim.child.queue;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The preschool queue over HTTP (SC-5 indicator 41): a child put on the queue, an entry closed. */
@RestController
class PreschoolQueueApiController {

    record Entering(String kato, String registeredOn, String wantedFrom) {
    }

    record Closing(String outcome, String closedOn) {
    }

    private final PreschoolQueue queue;

    PreschoolQueueApiController(PreschoolQueue queue) {
        this.queue = queue;
    }

    @PostMapping("/api/v1/children/{id}/preschool-queue")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(PreschoolQueue.RECORDERS)
    @Operation(summary = "SC-5 (41): put a child on the preschool queue: {kato (default: the residence), registeredOn, "
            + "wantedFrom}; one open entry per child; audited")
    PreschoolQueue.Entry enter(@PathVariable long id, @RequestBody Entering body) {
        return queue.enter(id, body.kato(), body.registeredOn(), body.wantedFrom()).orElseThrow();
    }

    @PostMapping("/api/v1/preschool-queue/{id}/closing")
    @PreAuthorize(PreschoolQueue.RECORDERS)
    @Operation(summary = "SC-5 (41): close a queue entry: {outcome: PLACED|WITHDRAWN|MOVED_AWAY, closedOn}; audited")
    PreschoolQueue.Entry close(@PathVariable long id, @RequestBody Closing body) {
        return queue.close(id, body.outcome(), body.closedOn()).orElseThrow();
    }
}
