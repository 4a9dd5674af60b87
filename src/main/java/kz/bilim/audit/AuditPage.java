package kz.bilim.audit;

import java.util.List;

/** One page of the trail, newest first, and where the next (older) page starts, or null at the end. */
public record AuditPage(List<AuditRecord> items, AuditCursor next) {

    public AuditPage {
        items = List.copyOf(items);
    }
}
