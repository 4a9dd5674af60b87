package kz.bilim.child.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import kz.bilim.child.ChildImport;
import kz.bilim.child.ChildImports;
import kz.bilim.child.ChildList;
import kz.bilim.child.ChildRecord;
import kz.bilim.child.ChildSource;
import kz.bilim.child.Children;
import kz.bilim.child.ListCounts;
import kz.bilim.kernel.Paged;
import kz.bilim.kernel.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Child accounting over HTTP: the import contract of issue 9 (CA-1, CA-2), the children in the caller's scope with
 * their sources and lists (every one shown audited), the nine lists' counts (CA-3) and a list's children.
 */
@RestController
@RequestMapping("/api/v1/children")
@Tag(name = "children", description = "Child accounting 0–18: imports of the six sources, the single database, the nine lists (CA-1…CA-3)")
class ChildApiController {

    record ImportView(long id, String source, String kato, String state, int rows, int accepted, int rejected,
                      int inserted, int updated, int unchanged, int withdrawn, int children, String message) {
        static ImportView of(ChildImport i, MessageSource messages, Locale locale) {
            return new ImportView(i.id(), i.source().name(), i.kato(), i.state().name(), i.rows(), i.accepted(),
                    i.rejected(), i.inserted(), i.updated(), i.unchanged(), i.withdrawn(), i.children(),
                    i.message() == null ? null : messages.getMessage(i.message(), null, i.message(), locale));
        }
    }

    record CountsView(String kato, LocalDate asOf, Map<ChildList, Long> counts) {
        static CountsView of(ListCounts c) {
            return new CountsView(c.kato(), c.asOf(), c.counts());
        }
    }

    private final ChildImports imports;
    private final Children children;
    private final RegistrySources registry;
    private final MessageSource messages;

    ChildApiController(ChildImports imports, Children children, RegistrySources registry, MessageSource messages) {
        this.imports = imports;
        this.children = children;
        this.registry = registry;
        this.messages = messages;
    }

    @PostMapping(path = "/imports", consumes = {"text/csv", "application/octet-stream"})
    @PreAuthorize(ChildImporting.IMPORTERS)
    @Operation(summary = "Import a full snapshot of one source for one territory (CSV); answers 202 with Location; "
            + "409 while another import of the same source and territory runs")
    ResponseEntity<ImportView> importFile(@RequestParam(required = false) String source,
                                          @RequestParam(required = false) String kato,
                                          HttpServletRequest request, Locale locale) throws IOException {
        ChildSource parsed = ChildSource.parse(source);
        if (parsed == null)
            throw Refusal.invalid("source", source == null || source.isBlank() ? "error.field.required"
                    : "child.import.source-unknown").exception();
        Path file = Files.createTempFile("child-import-", ".csv");
        try (var in = request.getInputStream()) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        var queued = imports.start(parsed, kato, file).orElseThrow();
        return ResponseEntity.accepted().location(URI.create("/api/v1/children/imports/" + queued.id()))
                .body(ImportView.of(queued, messages, locale));
    }

    @GetMapping("/imports/{id}")
    @PreAuthorize(ChildImporting.IMPORTERS)
    @Operation(summary = "An import: {id, source, state: QUEUED|RUNNING|DONE|FAILED, rows, accepted, rejected, message}")
    ImportView importState(@PathVariable long id, Locale locale) {
        return ImportView.of(imports.find(id).orElseThrow(() -> Refusal.notFound("import", id).exception()),
                messages, locale);
    }

    @GetMapping(path = "/imports/{id}/rejections", produces = "text/csv")
    @PreAuthorize(ChildImporting.IMPORTERS)
    @Operation(summary = "The rejected rows of an import as CSV: row, field, reason (in the caller's language)")
    ResponseEntity<String> rejections(@PathVariable long id, Locale locale) {
        imports.find(id).orElseThrow(() -> Refusal.notFound("import", id).exception());
        var out = new StringWriter();
        try (var csv = new RejectionsCsv(out, messages, locale)) {
            imports.rejections(id).forEach(csv::add);
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"rejections-" + id + ".csv\"")
                .body(out.toString());
    }

    @GetMapping
    @PreAuthorize(ChildRegistry.READERS)
    @Operation(summary = "Children in the caller's scope by IIN or the beginning of the surname, with their sources "
            + "and lists (CA-2); every child shown is audited")
    Paged<ChildRecord> search(@RequestParam(required = false) String iin, @RequestParam(required = false) String name,
                              @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        if ((iin == null || iin.isBlank()) && (name == null || name.isBlank()))
            throw Refusal.invalid("iin", "child.search.empty").exception();
        if (iin != null && !iin.isBlank() && !iin.trim().matches("[0-9]{12}"))
            throw Refusal.invalid("iin", "child.search.iin").exception();
        return children.search(iin, name, Paged.page(page), Paged.size(size));
    }

    @GetMapping("/{id}")
    @PreAuthorize(ChildRegistry.READERS)
    @Operation(summary = "One child's record with what each source said (audited with the purpose)")
    ChildRecord child(@PathVariable long id, @RequestParam(defaultValue = "child-record") String purpose) {
        return children.read(id, purpose).orElseThrow(() -> Refusal.notFound("child", id).exception());
    }

    @GetMapping("/lists")
    @PreAuthorize(ChildRegistry.READERS)
    @Operation(summary = "Counts of the nine lists of a territory (CA-3): {kato, asOf, counts}")
    CountsView counts(@RequestParam(required = false) String kato) {
        return CountsView.of(children.counts(kato));
    }

    @GetMapping("/lists/{list}")
    @PreAuthorize(ChildRegistry.READERS)
    @Operation(summary = "The children of a territory on one list (CA-3), a page; audited")
    Paged<ChildRecord> list(@PathVariable String list, @RequestParam(required = false) String kato,
                            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        ChildList which = java.util.Arrays.stream(ChildList.values()).filter(l -> l.name().equalsIgnoreCase(list))
                .findFirst().orElseThrow(() -> Refusal.invalid("list", "child.list.unknown").exception());
        return children.list(kato, which, Paged.page(page), Paged.size(size));
    }

    record RefreshView(String kato, int rows) {
    }

    @PostMapping("/registry")
    @PreAuthorize(ChildImporting.IMPORTERS)
    @Operation(summary = "Read sources 1–4 again from this system's enrolments for a territory (CA-1)")
    RefreshView refresh(@RequestParam(required = false) String kato) {
        var counts = children.counts(kato); // checks the territory against the caller's scope
        String prefix = counts.kato() == null ? "" : new kz.bilim.territory.KatoCode(counts.kato()).scopePrefix();
        return new RefreshView(counts.kato(), registry.refresh(prefix));
    }

}
