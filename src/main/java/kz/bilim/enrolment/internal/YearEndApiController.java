package kz.bilim.enrolment.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.bilim.enrolment.EnrolmentId;
import kz.bilim.enrolment.PupilRecords;
import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Refusal;
import kz.bilim.organisation.OrganisationId;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/**
 * A school's year-end outcomes over JSON (SC-5 input of indicator 19): the pedagogical council's day and decision and
 * one line per pupil, all or none. Bad input is 422 problem+json naming the field ({@code on}, {@code basis},
 * {@code lines[i].enrolment}, {@code lines[i].outcome}); a pupil of another school is refused as not of this one.
 */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize(EnrolmentDesk.WRITERS)
@Tag(name = "enrolment", description = "Pupils of organisations, admission and expulsion by order, persons")
class YearEndApiController {

    record Line(Long enrolmentId, String outcome) {
    }

    record YearEndRequest(String on, String basis, List<Line> lines) {
    }

    record Recorded(int recorded) {
    }

    private final PupilRecords records;

    YearEndApiController(PupilRecords records) {
        this.records = records;
    }

    @PostMapping("/organisations/{id}/year-end")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record the year-end outcomes (PROMOTED, COMPLETED, NOT_PROMOTED) of the school's pupils")
    Recorded record(@PathVariable long id, @RequestBody YearEndRequest request) {
        var errors = new ArrayList<FieldError>();
        var on = Requests.date("on", request.on(), errors);
        var lines = new ArrayList<PupilRecords.YearEndLine>();
        var given = request.lines() == null ? List.<Line>of() : request.lines();
        for (int i = 0; i < given.size(); i++) {
            var line = given.get(i);
            lines.add(new PupilRecords.YearEndLine(line == null || line.enrolmentId() == null ? null
                    : new EnrolmentId(line.enrolmentId()),
                    YearEndLines.outcome("lines[" + i + "].outcome", line == null ? null : line.outcome(), errors)));
        }
        if (!errors.isEmpty()) throw Refusal.invalid(errors).exception();
        return new Recorded(records.yearEnds(new OrganisationId(id), on, request.basis(), lines).orElseThrow());
    }
}
