package kz.bilim.standard.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The minimum social standard over JSON: the rural school network review of MS-1. */
@RestController
@RequestMapping("/api/v1/standard")
@Tag(name = "standard", description = "Minimum social standard of schooling (MS-1: rural school network norms)")
class StandardApiController {

    static final String OFFICES = "hasAnyRole('MINISTRY_ADMIN','REGION_OFFICER','DISTRICT_OFFICER')";

    record SettlementView(String kato, String name, long schoolAgeChildren, long pupils, int schools, String offered,
                          String guaranteed, boolean shortfall) {
        static SettlementView of(SettlementNetwork s, Locale locale) {
            return new SettlementView(s.kato(), s.name(locale), s.schoolAgeChildren(), s.pupils(), s.schools(),
                    s.offered().name(), s.guaranteed().name(), s.shortfall());
        }
    }

    record NetworkView(String kato, String name, LocalDate asOf, Map<SchoolLevel, Integer> thresholds, long shortfalls,
                       List<SettlementView> settlements) {
    }

    private final NetworkReview review;

    StandardApiController(NetworkReview review) {
        this.review = review;
    }

    @GetMapping("/network")
    @PreAuthorize(OFFICES)
    @Operation(summary = "MS-1: each rural settlement under a district (kato) — school-age children, pupils and schools "
            + "living and standing there, the level of school the norm guarantees (5 children: primary; 41 pupils: "
            + "basic; 81 pupils: general secondary) and whether the network falls short; shortfalls first")
    NetworkView network(@RequestParam(required = false) String kato, Locale locale) {
        var report = review.review(kato).orElseThrow();
        return new NetworkView(report.territory().kato(), report.territory().name(locale), report.asOf(),
                NetworkReview.thresholds(), report.shortfalls(),
                report.settlements().stream().map(s -> SettlementView.of(s, locale)).toList());
    }
}
