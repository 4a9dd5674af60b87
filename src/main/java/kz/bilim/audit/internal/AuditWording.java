package kz.bilim.audit.internal;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditRecord;
import kz.bilim.kernel.Role;
import kz.bilim.kernel.SignedIn;
import kz.bilim.platform.web.Formats;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An audit event in the reader's words: the kind of object ("user 13", "pupils of organisation 16"), the purpose and
 * each detail named in the reader's language (values too: roles, yes/no, dates, changed fields), and a link to the
 * object where the reader may open it. Codes the wording does not know are shown as they are, never hidden.
 */
@Component
class AuditWording {

    /** What the page shows for one event. */
    record Worded(String subject, String link, String purpose, List<Detail> details) {
    }

    record Detail(String label, String value) {
    }

    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern LIST_SUBJECT = Pattern.compile("(organisation|class):([0-9]+)");
    /** Where each kind of object is shown; {@code {id}} is the subject id. Calendar data: the ministry only. */
    private static final Map<String, String> LINKS = Map.of(
            "user", "/admin/users/{id}",
            "organisation", "/organisations/{id}",
            "school_class", "/classes/{id}/pupils",
            "person", "/persons/{id}?purpose=audit",
            "public_holiday", "/admin/calendar/holidays/{id}",
            "day_swap", "/admin/calendar/swaps/{id}",
            "school_holiday_period", "/admin/calendar/school-holidays/{id}");

    private final MessageSource messages;
    private final JsonMapper json;

    AuditWording(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    Worded word(AuditRecord event, Locale locale) {
        return new Worded(subject(event, locale), link(event), purpose(event.purpose(), locale), details(event, locale));
    }

    private String subject(AuditRecord event, Locale locale) {
        String type = event.subjectType();
        String id = event.subjectId();
        if ("pupil-list".equals(type) && id != null) {
            var list = LIST_SUBJECT.matcher(id);
            if (list.matches()) return text("audit.subject.pupil-list." + list.group(1), locale, list.group(2));
        }
        String name = text("audit.subject." + type, locale);
        if (name == null) name = type;
        return id == null || id.isBlank() || !id.matches("[0-9]+") ? (id == null || id.isBlank() ? name : name + " · " + id)
                : name + " " + id;
    }

    private String link(AuditRecord event) {
        String type = event.subjectType();
        String id = event.subjectId();
        if (id == null || event.action() == AuditAction.DELETE) return null;
        if ("pupil-list".equals(type)) {
            var list = LIST_SUBJECT.matcher(id);
            if (!list.matches()) return null;
            return ("class".equals(list.group(1)) ? "/classes/" : "/organisations/") + list.group(2) + "/pupils";
        }
        if ("enrolment".equals(type)) {
            String person = detail(event, "person");
            return person == null ? null : "/persons/" + person + "?purpose=audit";
        }
        String pattern = LINKS.get(type);
        if (pattern == null || !id.matches("[0-9]+")) return null;
        if (pattern.startsWith("/admin/calendar") && SignedIn.role().orElse(null) != Role.MINISTRY_ADMIN) return null;
        return pattern.replace("{id}", id);
    }

    private String purpose(String purpose, Locale locale) {
        if (purpose == null || purpose.isBlank()) return null;
        String known = text("audit.purpose." + key(purpose), locale);
        return known != null ? known : purpose;
    }

    private List<Detail> details(AuditRecord event, Locale locale) {
        List<Detail> details = new ArrayList<>();
        JsonNode node = tree(event.details());
        if (node == null || !node.isObject()) return details;
        var formats = new Formats(locale);
        for (var field : node.properties()) {
            String label = text("audit.detail." + field.getKey(), locale);
            details.add(new Detail(label != null ? label : field.getKey(), value(field.getKey(), field.getValue(), locale, formats)));
        }
        return details;
    }

    private String value(String name, JsonNode value, Locale locale, Formats formats) {
        if (value == null || value.isNull()) return "—";
        if (value.isBoolean()) return text(value.booleanValue() ? "common.yes" : "common.no", locale);
        if (value.isIntegralNumber()) return formats.number("page".equals(name) ? value.longValue() + 1 : value.longValue());
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            for (JsonNode item : value) items.add(word(item.asString(), locale));
            return String.join(", ", items);
        }
        String text = value.asString();
        if (ISO_DATE.matcher(text).matches()) {
            try {
                return formats.date(LocalDate.parse(text));
            } catch (RuntimeException notADate) {
                return text;
            }
        }
        if ("role".equals(name)) {
            String role = text("role." + text, locale);
            return role != null ? role : text;
        }
        return word(text, locale);
    }

    /** A code inside details (a field name, a kind of change) in words, or the code itself. */
    private String word(String code, Locale locale) {
        String known = text("audit.value." + key(code), locale);
        return known != null ? known : code;
    }

    private String detail(AuditRecord event, String name) {
        JsonNode node = tree(event.details());
        return node != null && node.has(name) ? node.get(name).asString() : null;
    }

    private JsonNode tree(String details) {
        if (details == null || details.isBlank()) return null;
        try {
            return json.readTree(details);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A message key from a code: "page:enrolments" → "page-enrolments", "API token" → "api-token". */
    static String key(String code) {
        return code.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, null, locale);
    }
}
