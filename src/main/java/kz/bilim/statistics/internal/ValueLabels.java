package kz.bilim.statistics.internal;

import kz.bilim.statistics.Dim;
import kz.bilim.territory.Territories;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The names of a breakdown's values in the reader's language: territories by their KATO name, organisation kinds,
 * sex, ownership, locality, education level by the owners' message keys, the rest by statistics' own; a value
 * without a name is shown as it is.
 */
@Component
class ValueLabels {

    private final MessageSource messages;
    private final Territories territories;

    ValueLabels(MessageSource messages, Territories territories) {
        this.messages = messages;
        this.territories = territories;
    }

    Map<String, String> of(Dim dim, Collection<String> values, Locale locale) {
        var out = new LinkedHashMap<String, String>();
        if (dim == null) {
            for (String v : values) out.put(v, messages.getMessage("statistics.pivot.total", null, "Σ", locale));
            return out;
        }
        if (dim == Dim.REGION || dim == Dim.DISTRICT) {
            var found = territories.findAll(values.stream().filter(v -> v != null && v.matches("[0-9]{9}")).toList());
            for (String v : values) out.put(v, found.containsKey(v) ? found.get(v).name(locale) : v);
            return out;
        }
        for (String v : values) out.put(v, label(dim, v, locale));
        return out;
    }

    String dimName(Dim dim, Locale locale) {
        return messages.getMessage("statistics.dim." + dim.apiName(), null, dim.apiName(), locale);
    }

    private static final java.util.Set<String> OWN_TYPES = java.util.Set.of("KINDERGARTEN", "MINI_CENTRE", "SPECIAL",
            "NONE");

    String label(Dim dim, String value, Locale locale) {
        if (value == null) return "—";
        String key = switch (dim) {
            case SCHOOL_TYPE -> "organisation.kind." + value;
            // the preschools' types from their passport, and NONE: a child attending no organisation
            case ORGANISATION_TYPE -> OWN_TYPES.contains(value) ? "statistics.value.organisationType." + value
                    : "organisation.kind." + value;
            case GROUP -> "statistics.value.group." + value;
            case SEX -> "enrolment.sex." + value;
            case OWNERSHIP -> "organisation.ownership." + value;
            case LOCALITY -> "organisation.urban." + ("URBAN".equals(value));
            case EDUCATION_LEVEL -> "staff.education." + value;
            case STUDY_FORM, LANGUAGE, SHIFT, GRADE -> "statistics.value." + dim.apiName() + "." + value;
            case AGE -> value.contains("_") ? "statistics.value.ageBand." + value : null;
            default -> null;
        };
        return key == null ? value : messages.getMessage(key, null, value, locale);
    }
}
