package kz.bilim.audit.internal;

import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.Almaty;
import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditPage;
import kz.bilim.audit.AuditQuery;
import kz.bilim.audit.AuditReaderScope;
import kz.bilim.audit.AuditRecord;
import kz.bilim.audit.AuditTrail;
import kz.bilim.kernel.FieldError;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The audit screen: search the trail of the reader's territory, newest first, one page at a time. */
@Controller
@PreAuthorize("hasAnyRole('MINISTRY_ADMIN', 'REGION_OFFICER', 'DISTRICT_OFFICER')")
class AuditController {

    static final String LIST = "audit/events";
    static final String DETAIL = "audit/event";

    private final AuditTrail trail;
    private final AuditReaderScope readers;
    private final MessageSource messages;
    private final AuditWording wording;

    AuditController(AuditTrail trail, AuditReaderScope readers, MessageSource messages, AuditWording wording) {
        this.wording = wording;
        this.trail = trail;
        this.readers = readers;
        this.messages = messages;
    }

    /** An event as the page shows it: its time on the Almaty clock, its codes in the reader's words. */
    record Row(AuditRecord event, LocalDateTime time, AuditWording.Worded words) {
    }

    private Row row(AuditRecord event) {
        return new Row(event, LocalDateTime.ofInstant(event.occurredAt(), Almaty.ZONE),
                wording.word(event, LocaleContextHolder.getLocale()));
    }

    @GetMapping("/audit")
    String search(@ModelAttribute("filter") AuditFilter filter, BindingResult binding, Model model) {
        model.addAttribute("actions", AuditAction.values());
        List<FieldError> errors = new ArrayList<>();
        binding.getFieldErrors().forEach(e -> errors.add(new FieldError(e.getField(), "audit.filter.format")));
        AuditPage page = new AuditPage(List.of(), null);
        if (errors.isEmpty()) {
            var checked = filter.check();
            if (checked instanceof AuditFilter.Valid valid) page = trail.search(valid.query(), readers.current());
            else if (checked instanceof AuditFilter.Invalid invalid) errors.addAll(invalid.errors());
        }
        model.addAttribute("errors", resolve(errors));
        model.addAttribute("rows", page.items().stream().map(this::row).toList());
        model.addAttribute("nextLink", page.next() == null ? null : ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("cursor", page.next().toString()).build().toUriString());
        model.addAttribute("firstLink", filter.cursor() == null || filter.cursor().isBlank() ? null
                : ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("cursor").build().toUriString());
        return LIST;
    }

    @GetMapping("/audit/{id}")
    String event(@PathVariable long id, Model model) {
        var event = trail.find(id, readers.current())
                .orElseThrow(() -> Refusal.notFound("audit event", id).exception());
        model.addAttribute("row", row(event));
        return DETAIL;
    }

    private Map<String, String> resolve(List<FieldError> errors) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (FieldError e : errors)
            texts.putIfAbsent(e.field(), messages.getMessage(e.reasonKey(), e.args(), e.reasonKey(),
                    LocaleContextHolder.getLocale()));
        return texts;
    }
}
