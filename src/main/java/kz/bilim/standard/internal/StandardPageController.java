package kz.bilim.standard.internal;

import io.swagger.v3.oas.annotations.Hidden;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.SignedIn;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * MS-1 page {@code /standard/network?kato=}: a district's rural settlements against the school network norm, the
 * shortfalls first; a district officer opens their own district without choosing it.
 */
@Controller
@Hidden
class StandardPageController {

    private final NetworkReview review;

    StandardPageController(NetworkReview review) {
        this.review = review;
    }

    @GetMapping("/standard/network")
    @PreAuthorize(StandardApiController.OFFICES)
    String network(@RequestParam(required = false) String kato, Model model) {
        String asked = kato != null && !kato.isBlank() ? kato.trim()
                : SignedIn.caller().map(c -> c.kato()).filter(k -> k != null && !k.isBlank()).orElse(null);
        model.addAttribute("kato", asked == null ? "" : asked);
        model.addAttribute("primaryChildren", NetworkNorm.PRIMARY_CHILDREN);
        model.addAttribute("basicPupils", NetworkNorm.BASIC_PUPILS);
        model.addAttribute("secondaryPupils", NetworkNorm.GENERAL_SECONDARY_PUPILS);
        if (asked != null) {
            var outcome = review.review(asked);
            if (outcome instanceof Outcome.Refused<NetworkReport> refused) {
                if (refused.refusal().code() == kz.bilim.kernel.Refusal.Code.NOT_FOUND) throw refused.refusal().exception();
                model.addAttribute("refusal", refused.refusal());
            } else model.addAttribute("report", outcome.orElseThrow());
        }
        return "standard/network";
    }
}
