package kz.bilim.collection.internal;

import kz.bilim.collection.FormDefinition;
import kz.bilim.collection.FormDefinition.Field;
import kz.bilim.collection.FormDefinition.FieldType;
import kz.bilim.collection.FormDefinition.Registry;
import kz.bilim.collection.RegistryQuery;
import kz.bilim.collection.Submission.Value;
import kz.bilim.kernel.FieldError;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * EIS-4: the rules of a form, in one place — of the form itself (a definition the ministry can publish) and of the
 * values a participant enters: types, required fields, ranges, whole numbers, options, cross-field rules, and the
 * registry comparisons that raise a {@link RegistryQuery} instead of an error. Pure: no database, no clock.
 */
final class FormValidation {

    static final String EIS_4 = "EIS-4";
    static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    static final Pattern ROW = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");
    static final BigDecimal DEFAULT_TOLERANCE = new BigDecimal("2");
    private static final BigDecimal LIMIT = new BigDecimal("1e15");

    private FormValidation() {
    }

    /** The values of a form checked and normalised: stored values, errors (block saving), queries (block submitting). */
    record Checked(List<Value> values, List<FieldError> errors, List<RegistryQuery> queries) {
    }

    // ---- the form as the ministry defines it

    static List<FieldError> checkDefinition(FormDefinition definition) {
        var errors = new ArrayList<FieldError>();
        if (definition.sections().isEmpty()) errors.add(new FieldError("sections", "error.field.required"));
        Set<String> codes = new HashSet<>();
        Map<String, Field> fields = new HashMap<>();
        for (int s = 0; s < definition.sections().size(); s++) {
            var section = definition.sections().get(s);
            String at = "sections[" + s + "]";
            if (section.title() == null || !section.title().complete())
                errors.add(new FieldError(at + ".title", "collection.definition.texts"));
            if (section.fields().isEmpty()) errors.add(new FieldError(at + ".fields", "error.field.required"));
            for (int f = 0; f < section.fields().size(); f++) {
                var field = section.fields().get(f);
                String fat = at + ".fields[" + f + "]";
                if (field.code() == null || !CODE.matcher(field.code()).matches())
                    errors.add(new FieldError(fat + ".code", "collection.definition.code"));
                else if (!codes.add(field.code()))
                    errors.add(new FieldError(fat + ".code", "collection.definition.duplicate", field.code()));
                else fields.put(field.code(), field);
                if (field.type() == null) {
                    errors.add(new FieldError(fat + ".type", "error.field.required"));
                    continue;
                }
                if (field.label() == null || !field.label().complete())
                    errors.add(new FieldError(fat + ".label", "collection.definition.texts"));
                if (field.min() != null && field.max() != null && field.min().compareTo(field.max()) > 0)
                    errors.add(new FieldError(fat + ".max", "collection.definition.max-below-min"));
                if (field.type() == FieldType.CHOICE && field.options().isEmpty())
                    errors.add(new FieldError(fat + ".options", "error.field.required"));
                if (field.type() == FieldType.TABLE) {
                    if (field.rows().isEmpty()) errors.add(new FieldError(fat + ".rows", "error.field.required"));
                    Set<String> rows = new HashSet<>();
                    for (int r = 0; r < field.rows().size(); r++) {
                        var row = field.rows().get(r);
                        if (row.code() == null || !ROW.matcher(row.code()).matches() || !rows.add(row.code()))
                            errors.add(new FieldError(fat + ".rows[" + r + "].code", "collection.definition.code"));
                        if (row.label() == null || !row.label().complete())
                            errors.add(new FieldError(fat + ".rows[" + r + "].label", "collection.definition.texts"));
                    }
                }
                if (field.registry() != null && field.type() != FieldType.NUMBER)
                    errors.add(new FieldError(fat + ".registry", "collection.definition.registry-number"));
            }
        }
        for (int r = 0; r < definition.rules().size(); r++) {
            var rule = definition.rules().get(r);
            String at = "rules[" + r + "]";
            if (rule.op() == null) errors.add(new FieldError(at + ".op", "error.field.required"));
            for (var side : List.of(new String[]{"left", rule.left()}, new String[]{"right", rule.right()})) {
                Field field = side[1] == null ? null : fields.get(side[1]);
                if (field == null || field.type() != FieldType.NUMBER)
                    errors.add(new FieldError(at + "." + side[0], "collection.definition.rule-field", side[1]));
            }
        }
        return errors;
    }

    // ---- the values a participant enters

    /**
     * The values as entered ({@code raw}: field code → a number, a text, or for a table an object of row code →
     * number; JSON's shapes), checked against the definition. A registry field left out takes the registry's value
     * (pre-filled); one typed differently from it by more than the tolerance raises a query, explained or not.
     */
    static Checked check(FormDefinition definition, Map<String, Object> raw, Map<Registry, Long> registry,
                         Map<String, String> explanations) {
        var errors = new ArrayList<FieldError>();
        var queries = new ArrayList<RegistryQuery>();
        var values = new ArrayList<Value>();
        Map<String, Object> given = raw == null ? Map.of() : raw;
        Map<String, String> explained = explanations == null ? Map.of() : explanations;
        for (String code : given.keySet())
            if (definition.field(code).isEmpty())
                errors.add(new FieldError("values." + code, "collection.value.unknown-field"));
        for (String code : explained.keySet())
            if (definition.field(code).isEmpty())
                errors.add(new FieldError("explanations." + code, "collection.value.unknown-field"));
        Map<String, BigDecimal> numbers = new LinkedHashMap<>();
        definition.fields().forEach(field -> {
            String at = "values." + field.code();
            Object value = given.get(field.code());
            if (value instanceof String text && text.isBlank() && field.type() != FieldType.TEXT) value = null;
            Long known = field.registry() == null ? null : registry.get(field.registry());
            boolean prefilled = false;
            if (value == null && known != null) {
                value = BigDecimal.valueOf(known);
                prefilled = true;
            }
            if (value == null || (value instanceof String t && t.isBlank())) {
                if (field.required()) errors.add(new FieldError(at, "error.field.required"));
                return;
            }
            switch (field.type()) {
                case NUMBER -> {
                    BigDecimal number = number(field, value, at, errors);
                    if (number == null) return;
                    numbers.put(field.code(), number);
                    String explanation = blankToNull(explained.get(field.code()));
                    if (known != null && !prefilled) {
                        BigDecimal registered = BigDecimal.valueOf(known);
                        if (number.compareTo(registered) == 0) prefilled = true;
                        else {
                            BigDecimal difference = differencePercent(number, registered);
                            BigDecimal tolerance = field.tolerancePercent() == null ? DEFAULT_TOLERANCE : field.tolerancePercent();
                            if (difference.compareTo(tolerance) > 0)
                                queries.add(new RegistryQuery(field.code(), field.registry(), number, registered,
                                        difference, explanation != null));
                        }
                    }
                    values.add(new Value(field.code(), "", number, null, prefilled, explanation));
                }
                case TEXT -> {
                    if (!(value instanceof String text)) {
                        errors.add(new FieldError(at, "error.field.expected-text"));
                        return;
                    }
                    int max = field.maxLength() == null ? 2000 : field.maxLength();
                    if (text.length() > max) {
                        errors.add(new FieldError(at, "collection.value.too-long", max));
                        return;
                    }
                    values.add(new Value(field.code(), "", null, text.strip(), false, null));
                }
                case CHOICE -> {
                    if (!(value instanceof String choice) || !field.options().contains(choice)) {
                        errors.add(new FieldError(at, "collection.value.not-an-option", String.join(", ", field.options())));
                        return;
                    }
                    values.add(new Value(field.code(), "", null, choice, false, null));
                }
                case DATE -> {
                    if (!(value instanceof String date)) {
                        errors.add(new FieldError(at, "collection.value.not-a-date"));
                        return;
                    }
                    try {
                        values.add(new Value(field.code(), "", null, LocalDate.parse(date).toString(), false, null));
                    } catch (DateTimeParseException e) {
                        errors.add(new FieldError(at, "collection.value.not-a-date"));
                    }
                }
                case TABLE -> {
                    if (!(value instanceof Map<?, ?> table)) {
                        errors.add(new FieldError(at, "collection.value.not-a-table"));
                        return;
                    }
                    Set<String> rows = new HashSet<>();
                    field.rows().forEach(r -> rows.add(r.code()));
                    for (var key : table.keySet())
                        if (!rows.contains(String.valueOf(key)))
                            errors.add(new FieldError(at + "." + key, "collection.value.unknown-row"));
                    for (var row : field.rows()) {
                        Object cell = table.get(row.code());
                        if (cell == null) {
                            if (field.required()) errors.add(new FieldError(at + "." + row.code(), "error.field.required"));
                            continue;
                        }
                        BigDecimal number = number(field, cell, at + "." + row.code(), errors);
                        if (number != null) values.add(new Value(field.code(), row.code(), number, null, false, null));
                    }
                }
            }
        });
        for (var rule : definition.rules()) {
            BigDecimal left = numbers.get(rule.left());
            BigDecimal right = numbers.get(rule.right());
            if (left == null || right == null) continue;
            int c = left.compareTo(right);
            boolean holds = switch (rule.op()) {
                case LE -> c <= 0;
                case GE -> c >= 0;
                case EQ -> c == 0;
            };
            if (!holds) errors.add(new FieldError("values." + rule.left(), "collection.rule." + rule.op().name(),
                    rule.right(), right.stripTrailingZeros().toPlainString()));
        }
        return new Checked(values, errors, queries);
    }

    /** The queries not yet explained, as errors that refuse a submission (each names its field). */
    static List<FieldError> unexplained(List<RegistryQuery> queries) {
        return queries.stream().filter(q -> !q.explained())
                .map(q -> new FieldError("explanations." + q.field(), "collection.query.unexplained",
                        q.registered().toPlainString(), q.differencePercent().toPlainString()))
                .toList();
    }

    private static BigDecimal number(Field field, Object value, String at, List<FieldError> errors) {
        BigDecimal number;
        if (value instanceof BigDecimal b) number = b;
        else if (value instanceof Number n) number = new BigDecimal(n.toString());
        else {
            errors.add(new FieldError(at, "error.field.expected-number"));
            return null;
        }
        if (number.abs().compareTo(LIMIT) >= 0) {
            errors.add(new FieldError(at, "error.field.number-range"));
            return null;
        }
        if (field.integer() && number.stripTrailingZeros().scale() > 0) {
            errors.add(new FieldError(at, "error.field.expected-integer"));
            return null;
        }
        if (number.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError(at, "collection.value.decimals"));
            return null;
        }
        boolean below = field.min() != null && number.compareTo(field.min()) < 0;
        boolean above = field.max() != null && number.compareTo(field.max()) > 0;
        if (below || above) {
            if (field.min() != null && field.max() != null)
                errors.add(new FieldError(at, "error.field.range", plain(field.min()), plain(field.max())));
            else if (below) errors.add(new FieldError(at, "collection.value.min", plain(field.min())));
            else errors.add(new FieldError(at, "collection.value.max", plain(field.max())));
            return null;
        }
        return number;
    }

    static BigDecimal differencePercent(BigDecimal reported, BigDecimal registered) {
        if (registered.signum() == 0) return reported.signum() == 0 ? BigDecimal.ZERO : new BigDecimal("100");
        return reported.subtract(registered).abs().multiply(new BigDecimal("100"))
                .divide(registered.abs(), 1, RoundingMode.HALF_UP);
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
