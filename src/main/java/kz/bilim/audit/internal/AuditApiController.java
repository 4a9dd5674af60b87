package kz.bilim.audit.internal;

import kz.bilim.kernel.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.bilim.audit.AuditReaderScope;
import kz.bilim.audit.AuditRecord;
import kz.bilim.audit.AuditTrail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;

/** The audit trail for machine clients: the same search and the same scope as the audit screen. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "audit", description = "Who read or changed what, when and why — within the caller's territory")
@PreAuthorize("hasAnyRole('MINISTRY_ADMIN', 'REGION_OFFICER', 'DISTRICT_OFFICER')")
class AuditApiController {

    private final AuditTrail trail;
    private final AuditReaderScope readers;
    private final JsonMapper json;

    AuditApiController(AuditTrail trail, AuditReaderScope readers, JsonMapper json) {
        this.trail = trail;
        this.readers = readers;
        this.json = json;
    }

    record EventView(long id, Instant occurredAt, String actor, String actorRole, String action, String subjectType,
                     String subjectId, String kato, Long organisationId, String purpose, JsonNode details) {
    }

    record PageView(List<EventView> items, String next) {
    }

    @GetMapping
    @Operation(summary = "Search the trail, newest first; pass 'next' back as 'cursor' for the following page")
    PageView search(@RequestParam(required = false) String actor,
                    @RequestParam(required = false) @Parameter(description = "READ, CREATE, UPDATE, DELETE, LOGIN, LOGIN_FAILED, EXPORT, IMPORT") String action,
                    @RequestParam(required = false) String subjectType,
                    @RequestParam(required = false) String subjectId,
                    @RequestParam(required = false) @Parameter(description = "first day, yyyy-MM-dd, Almaty time") String from,
                    @RequestParam(required = false) @Parameter(description = "last day, yyyy-MM-dd, Almaty time") String to,
                    @RequestParam(required = false) @Parameter(description = "KATO code: its whole subtree") String territory,
                    @RequestParam(required = false) String cursor,
                    @RequestParam(required = false) String size) {
        var filter = new AuditFilter(actor, action, subjectType, subjectId, from, to, territory, cursor, size);
        var checked = filter.check();
        if (checked instanceof AuditFilter.Invalid invalid) throw Refusal.invalid(invalid.errors()).exception();
        var page = trail.search(((AuditFilter.Valid) checked).query(), readers.current());
        return new PageView(page.items().stream().map(this::view).toList(),
                page.next() == null ? null : page.next().toString());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One event of the trail; 404 when it does not exist or lies outside the caller's territory")
    EventView event(@PathVariable long id) {
        return trail.find(id, readers.current()).map(this::view)
                .orElseThrow(() -> Refusal.notFound("audit event", id).exception());
    }

    private EventView view(AuditRecord e) {
        return new EventView(e.id(), e.occurredAt(), e.actor(), e.actorRole(), e.action().name(), e.subjectType(),
                e.subjectId(), e.kato(), e.organisationId(), e.purpose(),
                e.details() == null ? null : json.readTree(e.details()));
    }
}
