package kz.bilim.child.internal;

import jakarta.servlet.http.HttpServletRequest;
import kz.bilim.child.ChildImports;
import kz.bilim.child.ChildList;
import kz.bilim.child.ChildSource;
import kz.bilim.child.Children;
import kz.bilim.kernel.Paged;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.SignedIn;
import kz.bilim.territory.Territories;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The district officer's pages of child accounting: the nine lists of a territory with drill-down to its parts
 * (CA-3), one list's children, and the upload of a source's file with its progress and rejection report (issue 9).
 * The upload posts the file itself (not a form) to the page's own endpoints, which answer JSON like the API.
 */
@Controller
@PreAuthorize(ChildRegistry.READERS)
class ChildPageController {

    private static final String DASHBOARD = "child/dashboard";
    private static final String LIST = "child/list";
    private static final String UPLOAD = "child/upload";

    private final Children children;
    private final ChildImports imports;
    private final ChildApiController api;
    private final Territories territories;
    private final MessageSource messages;

    ChildPageController(Children children, ChildImports imports, ChildApiController api, Territories territories,
                        MessageSource messages) {
        this.children = children;
        this.imports = imports;
        this.api = api;
        this.territories = territories;
        this.messages = messages;
    }

    @GetMapping("/children")
    String dashboard(@RequestParam(required = false) String kato, Model model) {
        var counts = children.counts(kato);
        model.addAttribute("counts", counts);
        var scope = kz.bilim.kernel.CurrentScope.get();
        model.addAttribute("path", counts.kato() == null ? List.of() : territories.path(counts.kato()).stream()
                .filter(t -> scope.covers(t.kato(), null)).toList());
        var parts = (counts.kato() == null ? territories.regions() : territories.children(counts.kato()))
                .stream().limit(200).toList();
        model.addAttribute("parts", parts);
        model.addAttribute("partCounts", children.partCounts(counts.kato(), parts.stream().map(t -> t.kato()).toList()));
        model.addAttribute("lists", ChildList.values());
        return DASHBOARD;
    }

    @GetMapping("/children/lists/{list}")
    String list(@PathVariable String list, @RequestParam(required = false) String kato,
                @RequestParam(required = false) Integer page, Model model) {
        ChildList which = Arrays.stream(ChildList.values()).filter(l -> l.name().equalsIgnoreCase(list)).findFirst()
                .orElseThrow(() -> Refusal.notFound("list", list).exception());
        var counts = children.counts(kato);
        var shown = children.list(counts.kato(), which, Paged.page(page), Paged.size(null));
        model.addAttribute("list", which);
        model.addAttribute("territory", counts.kato() == null ? null : territories.find(counts.kato()).orElse(null));
        model.addAttribute("children", shown);
        model.addAttribute("kato", counts.kato());
        return LIST;
    }

    @GetMapping("/children/imports")
    @PreAuthorize(ChildImporting.IMPORTERS)
    String upload(Model model) {
        model.addAttribute("sources", ChildSource.values());
        model.addAttribute("kato", SignedIn.required().kato());
        return UPLOAD;
    }

    @PostMapping(path = "/children/imports", consumes = {"text/csv", "application/octet-stream"})
    @PreAuthorize(ChildImporting.IMPORTERS)
    @ResponseBody
    ResponseEntity<ChildApiController.ImportView> importFile(@RequestParam(required = false) String source,
                                                             @RequestParam(required = false) String kato,
                                                             HttpServletRequest request, Locale locale) throws IOException {
        var answer = api.importFile(source, kato, request, locale);
        return ResponseEntity.accepted().location(java.net.URI.create("/children/imports/" + answer.getBody().id()))
                .body(answer.getBody());
    }

    @GetMapping("/children/imports/{id}")
    @PreAuthorize(ChildImporting.IMPORTERS)
    @ResponseBody
    ChildApiController.ImportView importState(@PathVariable long id, Locale locale) {
        return api.importState(id, locale);
    }

    @GetMapping("/children/imports/{id}/rejections")
    @PreAuthorize(ChildImporting.IMPORTERS)
    ResponseEntity<String> rejections(@PathVariable long id, Locale locale) {
        return api.rejections(id, locale);
    }

}
