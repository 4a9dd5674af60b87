package kz.bilim.child.internal;

import kz.bilim.child.ChildRecord;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * CA-2: what each source said about a child, side by side, field by field, next to the record (taken from the
 * preferred source, never overwriting the others). A field on which the active sources say different things — two
 * birth dates, two spellings of a name, two residences — is a disagreement, shown as such; a source that says nothing
 * about a field (no patronymic, no IIN) does not disagree. Organisation and grade differ by nature between sources
 * and are shown, not compared.
 */
public record SourceComparison(long childId, List<ChildRecord.SourceRecord> sources, List<Row> rows) {

    /** The fields of a record, in the order shown. {@code compared}: whether sources saying different things disagree. */
    public enum Field {
        IIN(true), LAST_NAME(true), FIRST_NAME(true), PATRONYMIC(true), BIRTH_DATE(true), SEX(true), CITIZENSHIP(true),
        RESIDENCE(true), ORGANISATION(false), GRADE(false);

        private final boolean compared;

        Field(boolean compared) {
            this.compared = compared;
        }

        public String messageKey() {
            return "child.review.field." + name();
        }
    }

    /** What one source said of a field; {@code differs}: not what the record says. */
    public record Cell(String source, String origin, boolean active, Object value, boolean differs) {
    }

    /** One field: the record's value and each source's, and whether the active sources disagree on it. */
    public record Row(Field field, Object record, List<Cell> cells, boolean disagrees) {
    }

    public static SourceComparison of(ChildRecord child) {
        var rows = new ArrayList<Row>();
        rows.add(row(Field.IIN, child.iin(), child, ChildRecord.SourceRecord::iin));
        rows.add(row(Field.LAST_NAME, child.lastName(), child, ChildRecord.SourceRecord::lastName));
        rows.add(row(Field.FIRST_NAME, child.firstName(), child, ChildRecord.SourceRecord::firstName));
        rows.add(row(Field.PATRONYMIC, child.patronymic(), child, ChildRecord.SourceRecord::patronymic));
        rows.add(row(Field.BIRTH_DATE, child.birthDate(), child, ChildRecord.SourceRecord::birthDate));
        rows.add(row(Field.SEX, sex(child.sex()), child, s -> sex(s.sex())));
        rows.add(row(Field.CITIZENSHIP, child.citizenship(), child, ChildRecord.SourceRecord::citizenship));
        rows.add(row(Field.RESIDENCE, child.kato(), child, ChildRecord.SourceRecord::residenceKato));
        rows.add(row(Field.ORGANISATION, null, child, ChildRecord.SourceRecord::organisationBin));
        rows.add(row(Field.GRADE, null, child, ChildRecord.SourceRecord::grade));
        return new SourceComparison(child.id(), child.sources(), List.copyOf(rows));
    }

    /** One field of several records side by side (a review case); {@code differs}: not all records say the same. */
    public record RecordRow(Field field, List<Object> values, boolean differs) {
    }

    /** CA-2 review: the records of a case field by field (organisation and grade are the sources' own, not shown). */
    public static List<RecordRow> records(List<ChildRecord> records) {
        var rows = new ArrayList<RecordRow>();
        for (var field : Field.values()) {
            if (!field.compared) continue;
            var values = new ArrayList<Object>();
            var distinct = new HashSet<Object>();
            for (var r : records) {
                Object value = switch (field) {
                    case IIN -> r.iin();
                    case LAST_NAME -> r.lastName();
                    case FIRST_NAME -> r.firstName();
                    case PATRONYMIC -> r.patronymic();
                    case BIRTH_DATE -> r.birthDate();
                    case SEX -> sex(r.sex());
                    case CITIZENSHIP -> r.citizenship();
                    case RESIDENCE -> r.kato();
                    default -> null;
                };
                values.add(value);
                distinct.add(value == null ? "" : normal(value));
            }
            rows.add(new RecordRow(field, java.util.Collections.unmodifiableList(values), distinct.size() > 1));
        }
        return List.copyOf(rows);
    }

    /** The fields on which the active sources disagree, in the order shown. */
    public List<Field> disagreements() {
        return rows.stream().filter(Row::disagrees).map(Row::field).toList();
    }

    private static Row row(Field field, Object record, ChildRecord child,
                           Function<ChildRecord.SourceRecord, Object> said) {
        var cells = new ArrayList<Cell>();
        var distinct = new HashSet<Object>();
        for (var s : child.sources()) {
            Object value = said.apply(s);
            boolean differs = field.compared && value != null && record != null && !same(value, record);
            cells.add(new Cell(s.source().name(), s.origin(), s.active(), value, differs));
            if (field.compared && s.active() && value != null) distinct.add(normal(value));
        }
        return new Row(field, record, List.copyOf(cells), distinct.size() > 1);
    }

    /** The record keeps the sex codes of the enrolment module (MALE/FEMALE), a file says M/F: one spelling here. */
    private static String sex(String sex) {
        if (sex == null) return null;
        return sex.startsWith("M") ? "M" : sex.startsWith("F") ? "F" : sex;
    }

    private static boolean same(Object a, Object b) {
        return Objects.equals(normal(a), normal(b));
    }

    /** Names compared as written, apart from case and surrounding spaces (a spelling is a disagreement). */
    private static Object normal(Object value) {
        return value instanceof String text ? text.strip().toLowerCase(Locale.ROOT) : value;
    }
}
