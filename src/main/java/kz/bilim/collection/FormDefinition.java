package kz.bilim.collection;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * EIS-4: what a form asks — sections of fields — and the rules its values must keep. A field is a number, a text, a
 * choice among options, a date or a table of numbers by rows; it may be required, a number or a table's cells may have
 * a range, and a field whose answer a registry knows names the registry ({@link Registry}): it is pre-filled from it,
 * and a value that differs from it by more than {@code tolerancePercent} raises a query to explain, not an error.
 * Cross-field rules compare two number fields ({@code computers_internet LE computers}).
 */
public record FormDefinition(List<Section> sections, List<Rule> rules) {

    public FormDefinition {
        sections = sections == null ? List.of() : List.copyOf(sections);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public enum FieldType {NUMBER, TEXT, CHOICE, DATE, TABLE}

    /** What a registry of the system knows about an organisation ("enter once"). */
    public enum Registry {
        /** active pupils (enrolment) */
        PUPILS,
        /** classes of the current academic year (organisation) */
        CLASSES,
        /** current employment contracts (staff) */
        STAFF,
        /** current contracts of pedagogical positions (staff) */
        PEDAGOGUES
    }

    public enum Comparison {LE, GE, EQ}

    public record Section(String code, Texts title, List<Field> fields) {
        public Section {
            fields = fields == null ? List.of() : List.copyOf(fields);
        }
    }

    public record Row(String code, Texts label) {
    }

    /**
     * One field; {@code min}/{@code max} bound a number and each cell of a table, {@code integer} asks for whole
     * numbers, {@code options} are a choice's codes, {@code maxLength} a text's.
     */
    public record Field(String code, FieldType type, Texts label, Boolean required, BigDecimal min, BigDecimal max,
                        Boolean integer, List<String> options, List<Row> rows, Integer maxLength, Registry registry,
                        BigDecimal tolerancePercent) {
        public Field {
            required = required != null && required;
            integer = integer != null && integer;
            options = options == null ? List.of() : List.copyOf(options);
            rows = rows == null ? List.of() : List.copyOf(rows);
        }

        public boolean numeric() {
            return type == FieldType.NUMBER || type == FieldType.TABLE;
        }
    }

    /** A cross-field rule: {@code left op right}, both number fields. */
    public record Rule(String code, String left, Comparison op, String right, Texts message) {
    }

    public Stream<Field> fields() {
        return sections.stream().flatMap(s -> s.fields().stream());
    }

    public Optional<Field> field(String code) {
        return fields().filter(f -> f.code().equals(code)).findFirst();
    }
}
