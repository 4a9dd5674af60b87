package kz.bilim.collection.internal;

import kz.bilim.collection.FormDefinition;
import kz.bilim.collection.FormDefinition.Field;
import kz.bilim.collection.FormDefinition.FieldType;
import kz.bilim.collection.FormDefinition.Registry;
import kz.bilim.collection.Texts;
import kz.bilim.kernel.FieldError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** EIS-4: the rules of a form's values, as a table. */
class FormValidationTest {

    static final Texts T = new Texts("к", "р", "e");
    static final FormDefinition FORM = new FormDefinition(List.of(new FormDefinition.Section("S", T, List.of(
            new Field("pupils", FieldType.NUMBER, T, true, BigDecimal.ZERO, null, true, null, null, null, Registry.PUPILS, null),
            new Field("computers", FieldType.NUMBER, T, true, BigDecimal.ZERO, new BigDecimal("5000"), true, null, null, null, null, null),
            new Field("computers_internet", FieldType.NUMBER, T, false, BigDecimal.ZERO, null, true, null, null, null, null, null),
            new Field("area", FieldType.NUMBER, T, false, null, null, false, null, null, null, null, null),
            new Field("camp", FieldType.CHOICE, T, false, null, null, false, List.of("yes", "no"), null, null, null, null),
            new Field("opened", FieldType.DATE, T, false, null, null, false, null, null, null, null, null),
            new Field("note", FieldType.TEXT, T, false, null, null, false, null, null, 5, null, null)))),
            List.of(new FormDefinition.Rule("r", "computers_internet", FormDefinition.Comparison.LE, "computers", null)));

    static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + ":" + e.reasonKey()).toList();
    }

    @ParameterizedTest(name = "{0} = {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            computers          | -1     | values.computers:error.field.range
            computers          | 5001   | values.computers:error.field.range
            computers          | 2.5    | values.computers:error.field.expected-integer
            computers          | text   | values.computers:error.field.expected-number
            computers_internet | 41     | values.computers_internet:collection.rule.LE
            area               | 1.255  | values.area:collection.value.decimals
            camp               | maybe  | values.camp:collection.value.not-an-option
            opened             | 31.12  | values.opened:collection.value.not-a-date
            note               | 123456 | values.note:collection.value.too-long
            laptops            | 1      | values.laptops:collection.value.unknown-field
            """)
    @DisplayName("EIS-4 a value outside its rule is an error naming the field")
    void valueRules(String field, String value, String expected) {
        Object raw = value.matches("-?[0-9.]+") && !field.equals("note") && !field.equals("opened")
                ? new BigDecimal(value) : value;
        var values = new java.util.HashMap<String, Object>(Map.of("computers", new BigDecimal("40")));
        values.put(field, raw);
        var checked = FormValidation.check(FORM, values, Map.of(Registry.PUPILS, 100L), Map.of());
        assertThat(fields(checked.errors())).containsExactly(expected);
    }

    @Test
    @DisplayName("EIS-4 a required field left out is an error; a registry field left out is pre-filled and marked")
    void requiredAndPrefilled() {
        var checked = FormValidation.check(FORM, Map.of(), Map.of(Registry.PUPILS, 100L), Map.of());
        assertThat(fields(checked.errors())).containsExactly("values.computers:error.field.required");
        assertThat(checked.values()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("pupils");
            assertThat(v.number()).isEqualByComparingTo("100");
            assertThat(v.prefilled()).isTrue();
        });
    }

    @ParameterizedTest(name = "registry 100, reported {0} → query {1}")
    @CsvSource({"100, false", "102, false", "98, false", "103, true", "97, true", "0, true"})
    @DisplayName("EIS-4 pupils differing from the registry by more than 2 % raise a query, not an error")
    void registryComparison(int reported, boolean query) {
        var checked = FormValidation.check(FORM, Map.of("pupils", BigDecimal.valueOf(reported), "computers", BigDecimal.TEN),
                Map.of(Registry.PUPILS, 100L), Map.of());
        assertThat(checked.errors()).isEmpty();
        assertThat(checked.queries()).hasSize(query ? 1 : 0);
        assertThat(FormValidation.unexplained(checked.queries())).hasSize(query ? 1 : 0);
        var explained = FormValidation.check(FORM, Map.of("pupils", BigDecimal.valueOf(reported), "computers", BigDecimal.TEN),
                Map.of(Registry.PUPILS, 100L), Map.of("pupils", "new class opened"));
        assertThat(FormValidation.unexplained(explained.queries())).isEmpty();
    }
}
