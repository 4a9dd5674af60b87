package kz.bilim.child.exemption;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** CA-3 (5) over HTTP: a child not subject to schooling, recorded or ended by the district education office. */
@RestController
class ExemptionApiController {

    record Body(String ground, String document, String issuedOn) {
    }

    record Ended(boolean ended) {
    }

    private final RecordingExemption exemptions;

    ExemptionApiController(RecordingExemption exemptions) {
        this.exemptions = exemptions;
    }

    @PutMapping("/api/v1/children/{id}/exemption")
    @PreAuthorize(RecordingExemption.RECORDERS)
    @Operation(summary = "CA-3 (5): record that a child is not subject to schooling: {ground: HEALTH|DISABILITY, "
            + "document, issuedOn}; audited")
    RecordingExemption.Exemption record(@PathVariable long id, @RequestBody Body body) {
        return exemptions.record(id, body.ground(), body.document(), body.issuedOn()).orElseThrow();
    }

    @DeleteMapping("/api/v1/children/{id}/exemption")
    @PreAuthorize(RecordingExemption.RECORDERS)
    @Operation(summary = "CA-3 (5): end the exemption; audited")
    Ended end(@PathVariable long id) {
        return new Ended(exemptions.end(id).orElseThrow());
    }
}
