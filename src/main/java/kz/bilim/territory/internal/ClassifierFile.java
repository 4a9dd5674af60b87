package kz.bilim.territory.internal;

import kz.bilim.territory.KatoCode;
import kz.bilim.territory.Territory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of a KATO classifier file (CA-2; docs/kato-import.md), all in one place. A file is checked as a whole
 * and every bad row is reported; only a file without a single bad row is {@link Valid}.
 * <ul>
 *     <li>Columns: {@code te, name_kaz, name_rus} required; {@code ab, cd, ef, hij, k, nn, urban} optional; others ignored.</li>
 *     <li>{@code te}: nine digits, not starting with 00, once per file. {@code ab/cd/ef/hij}, when filled, repeat
 *     digits 1–2, 3–4, 5–6, 7–9 of {@code te} (leading zeros may be lost by a spreadsheet).</li>
 *     <li>{@code name_kaz}, {@code name_rus}: not blank, at most 300 characters.</li>
 *     <li>Level from the code ({@link KatoCode#level()}); a level-1 code must be one of the 20 top-level territories
 *     already in the tree — a new region comes by law and by a reviewed migration, not by a file.</li>
 *     <li>Parent: the nearest ancestor code ({@link KatoCode#ancestors()}) present in the file or in the tree; none
 *     is an error.</li>
 *     <li>Urban or rural: {@link UrbanRule}.</li>
 * </ul>
 */
final class ClassifierFile {

    static final int MAX_NAME = 300;
    static final String CODE = "te";
    static final String NAME_KK = "name_kaz";
    static final String NAME_RU = "name_rus";
    static final String URBAN = "urban";
    private static final List<String> REQUIRED = List.of(CODE, NAME_KK, NAME_RU);
    /** The groups of the code and which digits of {@code te} each repeats. */
    private static final Map<String, int[]> GROUPS = Map.of("ab", new int[]{0, 2}, "cd", new int[]{2, 4},
            "ef", new int[]{4, 6}, "hij", new int[]{6, 9});

    /** What the checks need from the tree as it stands. */
    interface Tree {

        /** Which of these codes exist already. */
        Set<String> existing(Collection<String> codes);

        /** The top-level territories by code. */
        Map<String, Territory> topLevel();
    }

    sealed interface Checked permits Valid, Invalid {
    }

    record Valid(List<StagedRow> rows) implements Checked {
    }

    record Invalid(List<RowError> errors) implements Checked {
    }

    /** A row whose own fields are fine; its place in the tree is checked later. */
    private record Candidate(int row, KatoCode code, String nameKk, String nameRu, UrbanRule.Given urban) {
    }

    private ClassifierFile() {
    }

    static Checked check(KatoCsv.Table table, Tree tree) {
        List<RowError> errors = new ArrayList<>();
        Map<String, Integer> columns = columns(table.header(), errors);
        if (!errors.isEmpty()) return new Invalid(errors);
        if (table.rows().isEmpty()) return new Invalid(List.of(new RowError(1, "file", "territory.import.file.no-rows")));

        Map<String, Integer> firstRowOfCode = new HashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        for (KatoCsv.Row row : table.rows()) {
            checkRow(row, table.header().fields().size(), columns, firstRowOfCode, errors).ifPresent(candidates::add);
        }
        List<StagedRow> staged = placeInTree(candidates, firstRowOfCode.keySet(), tree, errors);
        if (!errors.isEmpty()) {
            errors.sort(null);
            return new Invalid(errors);
        }
        return new Valid(staged);
    }

    private static Map<String, Integer> columns(KatoCsv.Row header, List<RowError> errors) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) continue;
            if (columns.putIfAbsent(name, i) != null)
                errors.add(new RowError(header.number(), name, "territory.import.column.duplicate"));
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required))
                errors.add(new RowError(header.number(), required, "territory.import.column.missing"));
        }
        return columns;
    }

    private static Optional<Candidate> checkRow(KatoCsv.Row row, int width, Map<String, Integer> columns,
                                                Map<String, Integer> firstRowOfCode, List<RowError> errors) {
        int before = errors.size();
        int n = row.number();
        if (row.fields().size() > width
                && !row.fields().subList(width, row.fields().size()).stream().allMatch(String::isBlank)) {
            errors.add(new RowError(n, "file", "territory.import.row.too-many-fields", row.fields().size(), width));
        }
        String te = value(row, columns, CODE);
        KatoCode code = null;
        if (te.isEmpty()) {
            errors.add(new RowError(n, CODE, "territory.import.required"));
        } else if (!KatoCode.isWellFormed(te)) {
            errors.add(new RowError(n, CODE, KatoCode.FORMAT_REASON));
        } else {
            code = new KatoCode(te);
            Integer first = firstRowOfCode.putIfAbsent(te, n);
            if (first != null) errors.add(new RowError(n, CODE, "territory.import.duplicate", first));
            for (var group : GROUPS.entrySet()) {
                String given = value(row, columns, group.getKey());
                if (given.isEmpty()) continue;
                int[] digits = group.getValue();
                String expected = te.substring(digits[0], digits[1]);
                if (given.length() > expected.length() || !given.chars().allMatch(ch -> ch >= '0' && ch <= '9')
                        || !padded(given, expected.length()).equals(expected))
                    errors.add(new RowError(n, group.getKey(), "territory.import.group-mismatch", expected));
            }
        }
        String nameKk = name(row, columns, NAME_KK, errors);
        String nameRu = name(row, columns, NAME_RU, errors);
        var urban = UrbanRule.parse(value(row, columns, URBAN));
        if (urban.isEmpty()) errors.add(new RowError(n, URBAN, "territory.import.urban.invalid"));
        if (errors.size() > before || code == null) return Optional.empty();
        return Optional.of(new Candidate(n, code, nameKk, nameRu, urban.get()));
    }

    private static String name(KatoCsv.Row row, Map<String, Integer> columns, String column, List<RowError> errors) {
        String name = value(row, columns, column);
        if (name.isEmpty()) errors.add(new RowError(row.number(), column, "territory.import.required"));
        else if (name.length() > MAX_NAME) errors.add(new RowError(row.number(), column, "territory.import.too-long", MAX_NAME));
        return name;
    }

    /**
     * Level, parent and locality of each candidate. Every well-formed code of the file counts as present — even on a
     * row refused for another reason — so that one bad row does not drag its whole subtree into the error list.
     */
    private static List<StagedRow> placeInTree(List<Candidate> candidates, Set<String> codesInFile, Tree tree,
                                               List<RowError> errors) {
        Set<String> outside = new LinkedHashSet<>();
        for (Candidate c : candidates) {
            for (KatoCode ancestor : c.code().ancestors()) {
                if (!codesInFile.contains(ancestor.value())) outside.add(ancestor.value());
            }
        }
        Set<String> existing = tree.existing(outside);
        Map<String, Territory> topLevel = tree.topLevel();
        List<StagedRow> staged = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            KatoCode code = c.code();
            String parent = null;
            if (code.level() == 1) {
                if (!topLevel.containsKey(code.value())) {
                    errors.add(new RowError(c.row(), CODE, "territory.import.unknown-region", code.value()));
                    continue;
                }
            } else {
                parent = code.ancestors().stream().map(KatoCode::value)
                        .filter(a -> codesInFile.contains(a) || existing.contains(a))
                        .findFirst().orElse(null);
                if (parent == null) {
                    errors.add(new RowError(c.row(), CODE, "territory.import.unknown-parent",
                            String.join(", ", code.ancestors().stream().map(KatoCode::value).toList())));
                    continue;
                }
            }
            Territory region = topLevel.get(code.region().value());
            boolean insideCity = code.level() > 1 && region != null && region.urban();
            staged.add(new StagedRow(c.row(), code.value(), parent, code.level(), c.nameKk(), c.nameRu(),
                    UrbanRule.urban(c.urban(), insideCity, c.nameKk(), c.nameRu())));
        }
        return staged;
    }

    private static String value(KatoCsv.Row row, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null ? "" : row.field(index).strip();
    }

    private static String padded(String digits, int width) {
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }
}
