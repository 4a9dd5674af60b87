package kz.bilim.staff.internal;

import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Paged;
import kz.bilim.staff.CourtBans;
import kz.bilim.staff.ImportReport;
import kz.bilim.platform.web.PageLinks;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.Locale;

/** The verdict register's page (HB-1): the register, searchable by IIN, and the upload of a verdict file. */
@Controller
@PreAuthorize(CourtBanRegister.REGISTER_ROLES)
class CourtBanPageController {

    static final String REGISTER = "staff/court-bans";

    private final CourtBans bans;
    private final MessageSource messages;

    CourtBanPageController(CourtBans bans, MessageSource messages) {
        this.bans = bans;
        this.messages = messages;
    }

    @GetMapping("/court-bans")
    String register(@RequestParam(required = false) String iin, @RequestParam(required = false) Integer page,
                    Model model) {
        var found = bans.list(iin, Paged.page(page), Paged.size(null));
        model.addAttribute("bans", found);
        model.addAttribute("iin", iin);
        PageLinks.addTo(model, found.page(), found.hasNext());
        return REGISTER;
    }

    @PostMapping("/court-bans/import")
    String importFile(@RequestParam(required = false) MultipartFile file, Model model, Locale locale) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "staff.import.file.empty");
            model.addAttribute("fileErrorArgs", new Object[0]);
        } else {
            var outcome = bans.importCsv(file.getBytes(), false);
            if (outcome instanceof Outcome.Refused<ImportReport> refused) {
                model.addAttribute("fileError", refused.refusal().errors().get(0).reasonKey());
                model.addAttribute("fileErrorArgs", refused.refusal().errors().get(0).args());
            } else {
                model.addAttribute("report", CourtBanApiController.view(outcome.orElseThrow(), messages, locale));
            }
        }
        return register(null, 0, model);
    }
}
