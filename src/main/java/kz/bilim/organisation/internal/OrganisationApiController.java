package kz.bilim.organisation.internal;

import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.bilim.organisation.ClassDraft;
import kz.bilim.organisation.ClassOccupancy;
import kz.bilim.organisation.Contacts;
import kz.bilim.organisation.Organisation;
import kz.bilim.organisation.OrganisationDraft;
import kz.bilim.organisation.OrganisationFilter;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.OrganisationKind;
import kz.bilim.organisation.Organisations;
import kz.bilim.organisation.Ownership;
import kz.bilim.kernel.Paged;
import kz.bilim.organisation.SchoolClass;
import kz.bilim.organisation.SchoolClassId;
import kz.bilim.kernel.FieldError;
import org.springframework.beans.factory.ObjectProvider;
import kz.bilim.platform.web.EntityTags;
import kz.bilim.platform.web.Versioned;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The organisation registry over JSON. An id outside the caller's scope answers 404, like a missing one. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "organisations", description = "Education organisations and their classes")
class OrganisationApiController {

    /**
     * {@code version}: the version the edit was made to, as read (also sent as the ETag). If-Match, when sent, is the
     * one that counts; with neither, the edit applies to whatever version is current when it is read.
     */
    record OrganisationRequest(String bin, String nameKk, String nameRu, String kind, String ownership, String kato,
                               Boolean urban, List<String> languages, Integer shifts, String phone,
                               String postalAddress, String email, String website, Integer occupancyNorm,
                               Long version) {
    }

    record OrganisationView(long id, String bin, String nameKk, String nameRu, OrganisationKind kind,
                            Ownership ownership, String kato, boolean urban, List<String> languages, int shifts,
                            String phone, String postalAddress, String email, String website, int occupancyNorm,
                            long version) implements Versioned {
        static OrganisationView of(Organisation o) {
            var c = o.contacts();
            return new OrganisationView(o.id().value(), o.bin().value(), o.nameKk(), o.nameRu(), o.kind(), o.ownership(),
                    o.kato().value(), o.urban(), o.languages(), o.shifts(), c.phone(), c.postalAddress(), c.email(),
                    c.website(), o.occupancyNorm(), o.version());
        }
    }

    record PageView<T>(List<T> items, int page, int size, Long total, boolean hasNext) {
        static <T> PageView<T> of(Paged<T> paged) {
            return new PageView<>(paged.items(), paged.page(), paged.size(), paged.total(), paged.hasNext());
        }
    }

    /** {@code version} as for an organisation: If-Match counts first. */
    record ClassRequest(Integer academicYear, Integer grade, String letter, String language, Integer shift,
                        Integer capacity, Long version) {
        ClassDraft draft() {
            return new ClassDraft(academicYear, grade, letter, language, shift, capacity);
        }
    }

    record ClassView(long id, long organisationId, int academicYear, int grade, String letter, String label,
                     String language, int shift, int capacity, Integer enrolled, long version) implements Versioned {
        static ClassView of(SchoolClass c, Integer enrolled) {
            return new ClassView(c.id().value(), c.organisationId().value(), c.academicYear(), c.grade(), c.letter(),
                    c.label(), c.language(), c.shift(), c.capacity(), enrolled, c.version());
        }
    }

    private final Organisations organisations;
    private final ObjectProvider<ClassOccupancy> occupancy;

    OrganisationApiController(Organisations organisations, ObjectProvider<ClassOccupancy> occupancy) {
        this.organisations = organisations;
        this.occupancy = occupancy;
    }

    @GetMapping("/organisations")
    @Operation(summary = "Organisations within the caller's scope, filtered and paged (size at most 200)")
    PageView<OrganisationView> list(@RequestParam(required = false) String kato,
                                    @RequestParam(required = false) String kind,
                                    @RequestParam(required = false) String ownership,
                                    @RequestParam(required = false) String language,
                                    @RequestParam(required = false) Boolean urban,
                                    @RequestParam(required = false) String q,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        var errors = new ArrayList<FieldError>();
        var filter = new OrganisationFilter(kato(kato, errors), parse(OrganisationKind.class, "kind", kind, errors),
                parse(Ownership.class, "ownership", ownership, errors), Text.blankToNull(language), urban, q);
        if (!errors.isEmpty()) throw Refusal.invalid(errors).exception();
        return PageView.of(organisations.list(filter, Paged.page(page), Paged.size(size)).map(OrganisationView::of));
    }

    @GetMapping("/organisations/{id}")
    @Operation(summary = "One organisation, with its version as ETag; 404 when missing or outside the caller's scope")
    ResponseEntity<OrganisationView> one(@PathVariable long id) {
        return tagged(ResponseEntity.ok(), OrganisationView.of(organisations.find(new OrganisationId(id))
                .orElseThrow(() -> Refusal.notFound("organisation", id).exception())));
    }

    @PostMapping("/organisations")
    @Operation(summary = "Register an organisation (ministry, region and district officers, within their scope)")
    ResponseEntity<OrganisationView> create(@RequestBody OrganisationRequest request) {
        var created = organisations.create(draft(request)).orElseThrow();
        return tagged(ResponseEntity.created(URI.create("/api/v1/organisations/" + created.id().value())),
                OrganisationView.of(created));
    }

    @PutMapping("/organisations/{id}")
    @Operation(summary = "Edit an organisation; its own administrator may change only the contacts. Send the ETag "
            + "read in If-Match (or its version in the body): an edit of a version that is no longer current is "
            + "412 with the organisation as it is now; nothing is overwritten unseen")
    ResponseEntity<OrganisationView> update(@PathVariable long id,
                                            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                            @RequestBody OrganisationRequest request) {
        var changed = organisations.update(new OrganisationId(id), draft(request), expected(ifMatch, request.version()))
                .orElseThrow(OrganisationView::of);
        return tagged(ResponseEntity.ok(), OrganisationView.of(changed));
    }

    @GetMapping("/organisations/{id}/classes")
    @Operation(summary = "Classes of an organisation with the number of pupils enrolled; academicYear optional")
    List<ClassView> classes(@PathVariable long id, @RequestParam(required = false) Integer academicYear) {
        var classes = organisations.classes(new OrganisationId(id), academicYear);
        Map<SchoolClassId, Integer> enrolled = enrolled(classes);
        return classes.stream().map(c -> ClassView.of(c, enrolled.getOrDefault(c.id(), 0))).toList();
    }

    @PostMapping("/organisations/{id}/classes")
    @Operation(summary = "Add a class; capacity defaults to the organisation's occupancy norm (MS-9)")
    ResponseEntity<ClassView> addClass(@PathVariable long id, @RequestBody ClassRequest request) {
        var created = organisations.addClass(new OrganisationId(id), request.draft()).orElseThrow();
        return tagged(ResponseEntity.created(URI.create("/api/v1/classes/" + created.id().value())),
                ClassView.of(created, 0));
    }

    @GetMapping("/classes/{id}")
    @Operation(summary = "One class, with its version as ETag; 404 when missing or outside the caller's scope")
    ResponseEntity<ClassView> schoolClass(@PathVariable long id) {
        var found = organisations.findClass(new SchoolClassId(id)).orElseThrow(() -> Refusal.notFound("class", id).exception());
        return tagged(ResponseEntity.ok(), ClassView.of(found, enrolled(List.of(found)).getOrDefault(found.id(), 0)));
    }

    @PutMapping("/classes/{id}")
    @Operation(summary = "Edit a class: grade, letter, language, shift (at most the organisation's), capacity; "
            + "If-Match (or version) as for an organisation: 412 with the class as it is now when it changed meanwhile")
    ResponseEntity<ClassView> updateClass(@PathVariable long id,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @RequestBody ClassRequest request) {
        var changed = organisations.updateClass(new SchoolClassId(id), request.draft(), expected(ifMatch, request.version()))
                .orElseThrow(c -> ClassView.of(c, null));
        return tagged(ResponseEntity.ok(), ClassView.of(changed, enrolled(List.of(changed)).getOrDefault(changed.id(), 0)));
    }

    /** The version an edit was made to: If-Match first, else the one in the body, else none. */
    private static Long expected(String ifMatch, Long inBody) {
        Long fromHeader = EntityTags.expected(ifMatch);
        return fromHeader != null ? fromHeader : inBody;
    }

    private static <T extends Versioned> ResponseEntity<T> tagged(ResponseEntity.BodyBuilder response, T view) {
        return response.eTag(EntityTags.of(view.version())).body(view);
    }

    private Map<SchoolClassId, Integer> enrolled(List<SchoolClass> classes) {
        var port = occupancy.getIfAvailable();
        return port == null || classes.isEmpty() ? Map.of() : port.enrolled(classes.stream().map(SchoolClass::id).toList());
    }

    static OrganisationDraft draft(OrganisationRequest r) {
        var errors = new ArrayList<FieldError>();
        var kind = parse(OrganisationKind.class, "kind", r.kind(), errors);
        var ownership = parse(Ownership.class, "ownership", r.ownership(), errors);
        if (!errors.isEmpty()) throw Refusal.invalid(errors).exception();
        return new OrganisationDraft(r.bin(), r.nameKk(), r.nameRu(), kind, ownership, r.kato(), r.urban(),
                r.languages(), r.shifts(), new Contacts(r.phone(), r.postalAddress(), r.email(), r.website()),
                r.occupancyNorm());
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String text, List<FieldError> errors) {
        String value = Text.blankToNull(text);
        if (value == null) return null;
        try {
            return Enum.valueOf(type, value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "organisation.field.unknown-value", value));
            return null;
        }
    }

    static String kato(String text, List<FieldError> errors) {
        String value = Text.blankToNull(text);
        if (value != null && !value.matches("[0-9]{1,9}")) {
            errors.add(new FieldError("kato", "organisation.kato.format"));
            return null;
        }
        return value == null ? null : trimmedPrefix(value);
    }

    /** A full KATO code filters its subtree: 191400000 → 1914. A shorter text is taken as a prefix as typed. */
    static String trimmedPrefix(String value) {
        if (value.length() != 9) return value;
        try {
            return kz.bilim.territory.KatoCode.parse(value).scopePrefix();
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

}
