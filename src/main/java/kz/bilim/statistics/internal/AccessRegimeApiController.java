package kz.bilim.statistics.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.bilim.kernel.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The Committee's access regime over JSON (SC-1…SC-3): the register of responsible persons with their grants (and
 * which are overdue), the changes reported within 3 days, the notices (5 days ahead), the purpose of use accepted.
 */
@RestController
@RequestMapping("/api/v1/statistics")
@Tag(name = "statistics", description = "The Statistics Committee's access regime (SC-1…SC-3)")
class AccessRegimeApiController {

    record PersonRequest(String username, String fullName, String position, Integer reportingYear, String changedOn) {
    }

    record DateRequest(String date) {
    }

    record NoticeRequest(String kind, String startsOn, String endsOn, String textKk, String textRu) {
    }

    private final StatisticsAccess access;

    AccessRegimeApiController(StatisticsAccess access) {
        this.access = access;
    }

    @GetMapping("/responsible-persons")
    @PreAuthorize("hasRole('MINISTRY_ADMIN')")
    @Operation(summary = "The register of the Committee's responsible persons, grants overdue marked (SC-2, SC-3)")
    List<StatisticsAccess.Person> register() {
        return access.register();
    }

    @PostMapping("/responsible-persons")
    @PreAuthorize("hasRole('MINISTRY_ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    StatisticsAccess.Person add(@RequestBody PersonRequest request) {
        return access.add(request.username(), request.fullName(), request.position(), request.reportingYear(),
                date("changedOn", request.changedOn())).orElseThrow();
    }

    @PostMapping("/responsible-persons/{id}/grant")
    @PreAuthorize("hasRole('MINISTRY_ADMIN')")
    StatisticsAccess.Person grant(@PathVariable long id) {
        return access.grant(id).orElseThrow();
    }

    @PostMapping("/responsible-persons/{id}/removal")
    @PreAuthorize("hasRole('MINISTRY_ADMIN')")
    StatisticsAccess.Person remove(@PathVariable long id, @RequestBody(required = false) DateRequest request) {
        return access.remove(id, date("date", request == null ? null : request.date())).orElseThrow();
    }

    @GetMapping("/change-reports")
    @PreAuthorize("hasRole('MINISTRY_ADMIN')")
    @Operation(summary = "Changes of responsible persons and the Committee's reports, due 3 calendar days after (SC-3)")
    List<StatisticsAccess.ChangeReport> changeReports() {
        return access.changeReports();
    }

    @PostMapping("/change-reports/{id}/reported")
    @PreAuthorize("hasRole('MINISTRY_ADMIN')")
    StatisticsAccess.ChangeReport reported(@PathVariable long id, @RequestBody(required = false) DateRequest request) {
        return access.reported(id, date("date", request == null ? null : request.date())).orElseThrow();
    }

    @PostMapping("/purpose-acceptance")
    @PreAuthorize("hasRole('STATISTICS_ANALYST')")
    @Operation(summary = "The analyst accepts the purpose of use: statistics only, no passing to third parties (SC-3)")
    StatisticsAccess.Person acceptPurpose() {
        return access.acceptPurpose().orElseThrow();
    }

    @GetMapping("/notices")
    @PreAuthorize(StatisticsAccess.READERS)
    @Operation(summary = "Notices of planned changes and suspensions still to come (SC-2)")
    List<StatisticsAccess.Notice> notices() {
        return access.notices(true);
    }

    @PostMapping("/notices")
    @PreAuthorize("hasRole('MINISTRY_ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Announce a planned change or suspension, no less than 5 calendar days ahead (SC-2)")
    StatisticsAccess.Notice announce(@RequestBody NoticeRequest request) {
        return access.announce(request.kind(), date("startsOn", request.startsOn()), date("endsOn", request.endsOn()),
                request.textKk(), request.textRu()).orElseThrow();
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(field, "statistics.field.date", value).exception();
        }
    }
}
