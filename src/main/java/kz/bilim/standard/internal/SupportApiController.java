package kz.bilim.standard.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.bilim.organisation.AcademicYear;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/** The support register over JSON: free meals (MS-3), camp vouchers (MS-7), study at home or in hospital (MS-8). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "standard", description = "Minimum social standard of schooling (MS-1: rural school network norms)")
class SupportApiController {

    private final SupportRegister register;
    private final Clock clock;

    SupportApiController(SupportRegister register, Clock clock) {
        this.register = register;
        this.clock = clock;
    }

    @PostMapping("/enrolments/{id}/support")
    @Operation(summary = "MS-3, MS-7, MS-8: record a pupil's free meals or camp voucher (category of MS-3; an orphan or "
            + "a child without parental care by the registry's mark) or study at home / in hospital (the medical "
            + "consultative commission's conclusion), or transport to school (MS-4: a rural pupil with no school of their "
            + "level in their settlement, the school over 3 km away or across a river or lake; district offices only), "
            + "once per kind and school year")
    ResponseEntity<PupilSupport> record(@PathVariable long id, @RequestBody(required = false) SupportRegister.Draft draft) {
        var saved = register.record(id, draft == null ? new SupportRegister.Draft(null, null, null, null, null, null, null) : draft)
                .orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + saved.organisationId() + "/support?schoolYear="
                + saved.schoolYear())).body(saved);
    }

    @GetMapping("/organisations/{id}/support")
    @Operation(summary = "The support register of a school's pupils in a school year (default: the current one)")
    List<PupilSupport> ofOrganisation(@PathVariable long id, @RequestParam(required = false) Integer schoolYear) {
        return register.ofOrganisation(id, schoolYear == null ? AcademicYear.current(clock).startYear() : schoolYear);
    }
}
