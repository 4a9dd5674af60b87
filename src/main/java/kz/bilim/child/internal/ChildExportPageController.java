package kz.bilim.child.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.util.Locale;

/** The list page's "XLSX" link (CA-3): the API's workbook at a page address, a refusal shown as the error page. */
@Controller
@PreAuthorize(ChildRegistry.READERS)
class ChildExportPageController {

    private final ChildListExport export;

    ChildExportPageController(ChildListExport export) {
        this.export = export;
    }

    @GetMapping(path = "/children/lists/{list}/export.xlsx")
    void page(@PathVariable String list, @RequestParam(required = false) String kato, Locale locale,
              HttpServletResponse response) throws IOException {
        ChildExportController.write(export, list, kato, locale, response);
    }
}
