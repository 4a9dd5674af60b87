package kz.bilim.audit.internal;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditCursor;
import kz.bilim.audit.AuditQuery;
import kz.bilim.kernel.Dates;
import kz.bilim.kernel.FieldError;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The search criteria as typed into the filter form or the API query string, all text. {@link #check()} turns them
 * into a query or into the fields that are wrong — the same reasons for the page and the API.
 */
record AuditFilter(String actor, String action, String subjectType, String subjectId, String from, String to,
                   String territory, String cursor, String size) {

    static final int PAGE_SIZE = 50;

    sealed interface Checked permits Valid, Invalid {
    }

    record Valid(AuditQuery query) implements Checked {
    }

    record Invalid(List<FieldError> errors) implements Checked {
    }

    static AuditFilter empty() {
        return new AuditFilter(null, null, null, null, null, null, null, null, null);
    }

    Checked check() {
        List<FieldError> errors = new ArrayList<>();
        AuditAction parsedAction = null;
        if (present(action)) {
            try {
                parsedAction = AuditAction.valueOf(action.trim());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("action", "audit.filter.action.unknown"));
            }
        }
        LocalDate fromDate = date("from", from, errors);
        LocalDate toDate = date("to", to, errors);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate))
            errors.add(new FieldError("to", "audit.filter.to.before-from"));
        if (present(territory) && !territory.trim().matches("[0-9]{9}"))
            errors.add(new FieldError("territory", "audit.filter.territory.format"));
        if (present(actor) && actor.trim().length() > 64) errors.add(new FieldError("actor", "audit.filter.too-long"));
        if (present(subjectType) && subjectType.trim().length() > 64)
            errors.add(new FieldError("subjectType", "audit.filter.too-long"));
        if (present(subjectId) && subjectId.trim().length() > 64)
            errors.add(new FieldError("subjectId", "audit.filter.too-long"));
        AuditCursor before = null;
        if (present(cursor)) {
            try {
                before = AuditCursor.parse(cursor.trim());
            } catch (IllegalArgumentException | ArithmeticException e) {
                errors.add(new FieldError("cursor", "audit.filter.cursor.format"));
            }
        }
        int pageSize = PAGE_SIZE;
        if (present(size)) {
            try {
                pageSize = Integer.parseInt(size.trim());
            } catch (NumberFormatException e) {
                pageSize = -1;
            }
        }
        if (pageSize < 1 || pageSize > AuditQuery.MAX_SIZE)
            errors.add(new FieldError("size", "audit.filter.size.range", AuditQuery.MAX_SIZE));
        if (!errors.isEmpty()) return new Invalid(errors);
        return new Valid(new AuditQuery(actor, parsedAction, subjectType, subjectId, fromDate, toDate,
                present(territory) ? territory.trim() : null, before, pageSize));
    }

    /** The same criteria continuing after the given cursor: the link to the next page. */
    AuditFilter after(AuditCursor next) {
        return new AuditFilter(actor, action, subjectType, subjectId, from, to, territory, next.toString(), size);
    }

    private static LocalDate date(String field, String text, List<FieldError> errors) {
        if (!present(text)) return null;
        try {
            return Dates.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "audit.filter.date.format"));
            return null;
        }
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
