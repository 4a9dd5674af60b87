package kz.bilim;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every table belongs to the module whose migration creates it ({@code V<n>__<module>_<change>.sql}), and only that
 * module names it in SQL (architecture.md: modules talk through APIs). The same holds for the SQL functions a
 * migration creates. Another module asks the owner's public API instead — the demo loader too, through the owners'
 * bulk writers. No exception list.
 */
class TableOwnershipTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path SOURCES = Path.of("src/main/java/kz/bilim");
    private static final Pattern MIGRATION = Pattern.compile("V\\d+__([a-z]+)(_[a-z0-9_]+)?\\.sql");
    private static final Pattern CREATES = Pattern.compile(
            "(?i)\\bcreate\\s+(?:or\\s+replace\\s+)?(?:unlogged\\s+)?(table|function|view|materialized\\s+view|sequence)"
                    + "\\s+(?:if\\s+not\\s+exists\\s+)?(?:public\\.)?([a-z_][a-z0-9_]*)");

    /** Which module owns each table and each function: the module named in the file name of the migration creating it. */
    static Map<String, String> owners() throws IOException {
        Map<String, String> owners = new TreeMap<>();
        Map<String, String> functions = new TreeMap<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.sorted().toList()) {
                Matcher name = MIGRATION.matcher(file.getFileName().toString());
                assertThat(name.matches()).as("migration file name V<n>__<module>_<change>.sql: " + file).isTrue();
                String module = name.group(1);
                assertThat(SOURCES.resolve(module)).as("the module named by " + file + " exists").isDirectory();
                Matcher created = CREATES.matcher(withoutComments(Files.readString(file)));
                while (created.find()) {
                    String object = created.group(2).toLowerCase();
                    String before = owners.putIfAbsent(object, module);
                    if (created.group(1).equalsIgnoreCase("function")) functions.put(object, module);
                    assertThat(before == null || before.equals(module))
                            .as(object + " is created by " + before + " and again by " + module).isTrue();
                }
            }
        }
        return owners;
    }

    private static String withoutComments(String sql) {
        return sql.replaceAll("--[^\n]*", "").replaceAll("(?s)/\\*.*?\\*/", "");
    }

    @Test
    @DisplayName("the migrations give every table an owner: territory, organisation, enrolment, access, audit, calendar")
    void everyTableHasItsOwner() throws IOException {
        Map<String, String> owners = owners();
        assertThat(owners).containsEntry("territory", "territory").containsEntry("organisation", "organisation")
                .containsEntry("school_class", "organisation").containsEntry("person", "enrolment")
                .containsEntry("enrolment", "enrolment").containsEntry("app_user", "access")
                .containsEntry("api_token", "access").containsEntry("audit_event", "audit")
                .containsEntry("public_holiday", "calendar").containsEntry("bilim_person_id", "enrolment")
                .containsEntry("bilim_in_scope", "platform");
    }

    @Test
    @DisplayName("no module names in its SQL a table or a function that another module's migration creates")
    void modulesNameOnlyTheirOwnTables() throws IOException {
        Map<String, String> owners = owners();
        List<String> foreign = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Path relative = SOURCES.relativize(file);
                String module = relative.getNameCount() > 1 ? relative.getName(0).toString() : "(root)";
                for (Literal literal : literals(Files.readString(file))) {
                    for (String object : SqlNames.named(literal.text(), owners.keySet())) {
                        String owner = owners.get(object);
                        if (!owner.equals(module))
                            foreign.add(module + ": " + relative + ":" + literal.line() + " names " + object
                                    + " (owned by " + owner + ")");
                    }
                }
            }
        }
        assertThat(foreign).as("SQL naming another module's table or function — call the owner's API").isEmpty();
    }

    @Test
    @DisplayName("the demo generator spells no table and no column: it feeds the owners' bulk writers their own records")
    void demoNamesNoTableOrColumn() throws IOException {
        Set<String> tables = owners().keySet();
        Set<String> names = new java.util.TreeSet<>(tables);
        names.addAll(columns());
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES.resolve("demo"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                for (Literal literal : literals(Files.readString(file))) {
                    // a name or a list of names as SQL spells them (lower case), e.g. a column list of a COPY
                    boolean nameList = IDENTIFIER_LIST.matcher(literal.text()).matches() && names.containsAll(
                            java.util.Arrays.stream(literal.text().split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList());
                    if (nameList || !SqlNames.named(literal.text(), tables).isEmpty())
                        found.add(SOURCES.relativize(file) + ":" + literal.line() + " \"" + literal.text() + "\"");
                }
            }
        }
        assertThat(columns()).contains("iin", "residence_kato", "occupancy_norm", "admission_order", "password_hash");
        assertThat(found).as("table or column names in the demo module").isEmpty();
    }

    private static final Pattern IDENTIFIER_LIST =
            Pattern.compile("\\s*[a-z_][a-z0-9_]*(\\s*,\\s*[a-z_][a-z0-9_]*)*\\s*,?\\s*");

    /** Every column the migrations create ({@code create table} bodies and {@code add column}). */
    static Set<String> columns() throws IOException {
        Set<String> columns = new java.util.TreeSet<>();
        Pattern table = Pattern.compile("(?is)\\bcreate\\s+table\\s+[a-z_]+\\s*\\((.*?)\\n\\s*\\)\\s*;");
        Pattern column = Pattern.compile("(?i)^\\s*([a-z_][a-z0-9_]*)\\s+(?!key\\b)[a-z]");
        Pattern added = Pattern.compile("(?i)\\badd\\s+column\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
        Set<String> notColumns = Set.of("constraint", "check", "primary", "unique", "exclude", "foreign");
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.sorted().toList()) {
                String sql = withoutComments(Files.readString(file));
                Matcher body = table.matcher(sql);
                while (body.find()) {
                    for (String line : body.group(1).split("\n")) {
                        Matcher c = column.matcher(line);
                        if (c.find() && !notColumns.contains(c.group(1).toLowerCase())) columns.add(c.group(1).toLowerCase());
                    }
                }
                Matcher add = added.matcher(sql);
                while (add.find()) columns.add(add.group(1).toLowerCase());
            }
        }
        return columns;
    }

    @Test
    @DisplayName("the scan finds table names wherever SQL puts them, and not in prose or message keys")
    void scanFindsTableNames() {
        Set<String> known = Set.of("territory", "person", "enrolment", "school_class", "organisation", "bilim_person_id");
        assertThat(SqlNames.named("select u.id from app_user u left join territory t on t.kato = u.scope_kato", known))
                .containsExactly("territory");
        assertThat(SqlNames.named("truncate enrolment, school_class, person", known))
                .containsExactlyInAnyOrder("enrolment", "school_class", "person");
        assertThat(SqlNames.named("select 1 from person p, enrolment e where p.id = e.person_id", known))
                .containsExactlyInAnyOrder("person", "enrolment");
        assertThat(SqlNames.named("lock table school_class, person in access exclusive mode", known))
                .containsExactlyInAnyOrder("school_class", "person");
        assertThat(SqlNames.named("copy person (id, iin) from stdin (format binary)", known)).containsExactly("person");
        assertThat(SqlNames.named("insert into organisation (bin) values (:bin)", known)).containsExactly("organisation");
        assertThat(SqlNames.named("update only enrolment set kato = :kato", known)).containsExactly("enrolment");
        assertThat(SqlNames.named("select pg_get_serial_sequence('person', 'id'), 'enrolment'::regclass", known))
                .containsExactlyInAnyOrder("person", "enrolment");
        assertThat(SqlNames.named("select bilim_person_id(:iin)", known)).containsExactly("bilim_person_id");
        assertThat(SqlNames.named("analyze enrolment, public.school_class", known))
                .containsExactlyInAnyOrder("enrolment", "school_class");
        // prose, message keys, parameter and field names, columns and audit subject types are not tables
        assertThat(SqlNames.named("organisation", known)).isEmpty();
        assertThat(SqlNames.named("organisation.kind.PRESCHOOL", known)).isEmpty();
        assertThat(SqlNames.named("person ids out of step with the plan", known)).isEmpty();
        assertThat(SqlNames.named("select e.person_id, o.organisation from x o", known)).isEmpty();
        assertThat(SqlNames.named("where subject_type = 'person' and kind = 'enrolment'", known)).isEmpty();
    }

    /** A string literal or text block of a Java source, and the line it starts on. */
    record Literal(String text, int line) {
    }

    /** The string literals and text blocks of a Java source (comments and char literals skipped). */
    static List<Literal> literals(String source) {
        List<Literal> out = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (source.startsWith("//", i)) {
                while (i < n && source.charAt(i) != '\n') i++;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(source, i, end);
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                while (end > 0 && source.charAt(end - 1) == '\\') end = source.indexOf("\"\"\"", end + 1);
                end = end < 0 ? n : end;
                out.add(new Literal(source.substring(i + 3, end), line));
                line += count(source, i, end);
                i = end + 3;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') j += source.charAt(j) == '\\' ? 2 : 1;
                if (c == '"') out.add(new Literal(source.substring(i + 1, Math.min(j, n)), line));
                i = j + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    private static int count(String text, int from, int to) {
        int lines = 0;
        for (int k = from; k < to && k < text.length(); k++) if (text.charAt(k) == '\n') lines++;
        return lines;
    }

    /** Where SQL names a table: after FROM, JOIN, INTO, UPDATE, TABLE, TRUNCATE, COPY, … and in regclass literals. */
    static final class SqlNames {

        private static final Pattern AFTER_KEYWORD = Pattern.compile(
                "(?i)\\b(from|join|into|update|table|truncate|copy|references|analyze|vacuum|on)\\s+");
        private static final Pattern NAME = Pattern.compile("(?i)(?:only\\s+)?(?:public\\.)?([a-z_][a-z0-9_]*)");
        private static final Pattern ALIAS = Pattern.compile("(?i)\\s*(?:as\\s+)?([a-z_][a-z0-9_]*)");
        private static final Pattern QUOTED = Pattern.compile(
                "(?i)(?:\\b(?:to_regclass|pg_[a-z_]+)\\s*\\(\\s*'([a-z_][a-z0-9_]*)'|'([a-z_][a-z0-9_]*)'\\s*::\\s*regclass)");
        private static final Pattern WORD = Pattern.compile("(?i)(?<![a-z0-9_.])([a-z_][a-z0-9_]*)\\s*\\(");
        private static final Set<String> KEYWORDS = Set.of("where", "set", "on", "join", "left", "right", "inner",
                "outer", "cross", "full", "natural", "group", "order", "limit", "offset", "using", "returning", "values",
                "select", "for", "union", "having", "window", "fetch", "with", "in", "from", "and", "or", "not");

        private SqlNames() {
        }

        static Set<String> named(String text, Set<String> known) {
            Set<String> found = new java.util.TreeSet<>();
            Matcher keyword = AFTER_KEYWORD.matcher(text);
            while (keyword.find()) {
                int at = keyword.end();
                while (true) {
                    Matcher name = NAME.matcher(text).region(at, text.length());
                    if (!name.lookingAt()) break;
                    int end = name.end();
                    boolean qualified = end < text.length() && (text.charAt(end) == '.' || text.charAt(end) == '(');
                    String candidate = name.group(1).toLowerCase();
                    if (!qualified && known.contains(candidate)) found.add(candidate);
                    if (qualified) break;
                    at = end;
                    Matcher alias = ALIAS.matcher(text).region(at, text.length());
                    if (alias.lookingAt() && !KEYWORDS.contains(alias.group(1).toLowerCase())) at = alias.end();
                    Matcher comma = Pattern.compile("\\s*,\\s*").matcher(text).region(at, text.length());
                    if (!comma.lookingAt()) break;
                    at = comma.end();
                }
            }
            Matcher quoted = QUOTED.matcher(text);
            while (quoted.find()) {
                String candidate = (quoted.group(1) != null ? quoted.group(1) : quoted.group(2)).toLowerCase();
                if (known.contains(candidate)) found.add(candidate);
            }
            Matcher call = WORD.matcher(text);
            while (call.find()) {
                String candidate = call.group(1).toLowerCase();
                if (candidate.startsWith("bilim_") && known.contains(candidate)) found.add(candidate);
            }
            return found;
        }
    }
}
