package kz.bilim.child.internal;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import kz.bilim.child.ChildList;
import kz.bilim.kernel.Refusal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A list of the single database as a spreadsheet (CA-3, issue 9 item 3) over the API: the streamed workbook, written
 * straight to the response once the list and the territory are accepted — a refusal before that is an ordinary
 * problem+json (a REST controller, so the API's problem handler answers). The list page has its own address
 * ({@link ChildExportPageController}: the pages' session does not reach {@code /api}), refused with the error page.
 */
@RestController
@PreAuthorize(ChildRegistry.READERS)
class ChildExportController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ChildListExport export;

    ChildExportController(ChildListExport export) {
        this.export = export;
    }

    @GetMapping(path = "/api/v1/children/lists/{list}/export.xlsx")
    @Operation(summary = "The children of a territory on one list (CA-3) as XLSX, streamed, in the caller's scope; "
            + "named in the caller's language; an audited read of personal data")
    void api(@PathVariable String list, @RequestParam(required = false) String kato, Locale locale,
             HttpServletResponse response) throws IOException {
        write(export, list, kato, locale, response);
    }

    static void write(ChildListExport export, String list, String kato, Locale locale, HttpServletResponse response)
            throws IOException {
        ChildList which = Arrays.stream(ChildList.values()).filter(l -> l.name().equalsIgnoreCase(list)).findFirst()
                .orElseThrow(() -> Refusal.invalid("list", "child.list.unknown").exception());
        String territory = export.territory(kato);
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(export.fileName(territory, which, locale), StandardCharsets.UTF_8).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        export.write(territory, which, locale, response.getOutputStream());
    }
}
