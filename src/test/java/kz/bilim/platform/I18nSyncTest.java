package kz.bilim.platform;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every UI string exists in Kazakh, Russian and English, every key the templates and the code name exists, and
 * templates hold no literal text (style.md, 11). Generic over all modules' bundles in {@code i18n/}.
 */
class I18nSyncTest {

    private static final Path I18N = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @Test
    @DisplayName("each message bundle has the same keys in kk, ru, en and the base file, none empty")
    void bundlesInSync() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String bundle : bundles()) {
            Set<String> base = keys(I18N.resolve(bundle + ".properties"));
            for (String lang : List.of("kk", "ru", "en")) {
                Path file = I18N.resolve(bundle + "_" + lang + ".properties");
                if (!Files.exists(file)) {
                    problems.add(file + " is missing");
                    continue;
                }
                Properties p = load(file);
                Set<String> missing = new TreeSet<>(base);
                missing.removeAll(p.stringPropertyNames());
                Set<String> extra = new TreeSet<>(p.stringPropertyNames());
                extra.removeAll(base);
                if (!missing.isEmpty()) problems.add(file + " lacks " + missing);
                if (!extra.isEmpty()) problems.add(file + " has keys not in the base file: " + extra);
                p.forEach((k, v) -> {
                    if (v.toString().isBlank()) problems.add(file + ": " + k + " is empty");
                });
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    @DisplayName("Kazakh texts are written with Kazakh letters, not Russian stand-ins")
    void kazakhUsesKazakhLetters() throws IOException {
        var kazakh = Pattern.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]");
        int withKazakhLetters = 0;
        int total = 0;
        try (Stream<Path> files = Files.list(I18N)) {
            for (Path file : files.filter(p -> p.toString().endsWith("_kk.properties")).toList()) {
                for (Object value : load(file).values()) {
                    String text = value.toString();
                    if (text.length() < 12 || !text.matches(".*[а-яА-Я].*")) continue;
                    total++;
                    if (kazakh.matcher(text).find()) withKazakhLetters++;
                }
            }
        }
        assertThat(total).isPositive();
        assertThat(withKazakhLetters).as("Kazakh messages of 12+ letters using ә ғ қ ң ө ұ ү һ і")
                .isGreaterThan(total / 2);
    }

    @Test
    @DisplayName("templates show no literal text: every visible string comes from the message bundles")
    void noLiteralTextInTemplates() throws IOException {
        // Text between tags that is not replaced by th:text/th:utext is what a user would read untranslated.
        var literal = Pattern.compile(">\\s*(\\p{L}[^<]*?)\\s*<");
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file, StandardCharsets.UTF_8).replaceAll("(?s)<!--.*?-->", "");
                var m = literal.matcher(html);
                while (m.find()) {
                    String tag = html.substring(html.lastIndexOf('<', m.start()), m.start() + 1);
                    boolean replaced = tag.contains("th:text") || tag.contains("th:utext")
                            || tag.contains("th:replace") || tag.contains("th:insert") || tag.contains("sec:authentication")
                            || tag.startsWith("<title")
                            || tag.startsWith("<script") || tag.startsWith("<style");
                    if (!replaced) problems.add(TEMPLATES.relativize(file) + ": \"" + m.group(1) + "\"");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    @DisplayName("every bundle in i18n/ is one the application loads (spring.messages.basename), and every basename has its files")
    void everyBundleIsLoaded() throws IOException {
        var basename = Pattern.compile("(?m)^\\s*basename:\\s*(\\S+)\\s*$")
                .matcher(Files.readString(Path.of("src/main/resources/application.yml")));
        assertThat(basename.find()).as("spring.messages.basename in application.yml").isTrue();
        Set<String> loaded = new TreeSet<>();
        for (String name : basename.group(1).split(",")) loaded.add(name.trim().replaceFirst("^i18n/", ""));
        assertThat(bundles()).isEqualTo(loaded);
    }

    @Test
    @DisplayName("every message key a template names exists, and every key a template builds at run time exists for each value it can take")
    void templateKeysExist() throws IOException {
        Set<String> keys = allKeys();
        var literal = Pattern.compile("#\\{([A-Za-z][\\w.\\-]*)");
        var built = Pattern.compile("#\\{'([A-Za-z][\\w.\\-]*\\.)'\\s*\\+\\s*\\$\\{[^}]*}(?:\\s*\\+\\s*'([\\w.\\-]*)')?\\s*}");
        Set<String> problems = new TreeSet<>();
        int literals = 0;
        int builtKeys = 0;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file, StandardCharsets.UTF_8);
                String name = TEMPLATES.relativize(file).toString();
                for (var m = literal.matcher(html); m.find(); literals++)
                    if (!keys.contains(m.group(1))) problems.add(name + ": " + m.group(1));
                for (var m = built.matcher(html); m.find(); builtKeys++) {
                    String prefix = m.group(1);
                    String suffix = m.group(2) == null ? "" : m.group(2);
                    List<String> values = BUILT_KEYS.get(prefix + "*" + suffix);
                    if (values == null) {
                        problems.add(name + ": key built at run time, values unknown to this test: " + prefix + "*" + suffix);
                        continue;
                    }
                    for (String value : values)
                        if (!keys.contains(prefix + value + suffix)) problems.add(name + ": " + prefix + value + suffix);
                }
            }
        }
        assertThat(literals).as("literal keys found in templates").isGreaterThan(300);
        assertThat(builtKeys).as("built keys found in templates").isGreaterThan(10);
        assertThat(problems).isEmpty();
    }

    /**
     * The values of every key a template builds at run time ({@code #{'role.' + ${user.role}}}), by
     * {@code prefix*suffix}. A template that builds a new kind of key must add it here.
     */
    private static final Map<String, List<String>> BUILT_KEYS = Map.ofEntries(
            Map.entry("role.*", names(kz.bilim.kernel.Role.values())),
            Map.entry("audit.action.*", names(kz.bilim.audit.AuditAction.values())),
            Map.entry("calendar.kind.*", names(kz.bilim.calendar.DayKind.values())),
            Map.entry("calendar.month.*", numbers(1, 12)),
            Map.entry("calendar.weekday.*", numbers(1, 7)),
            Map.entry("enrolment.sex.*", names(kz.bilim.identity.Sex.values())),
            Map.entry("staff.sex.*", names(kz.bilim.identity.Sex.values())),
            Map.entry("staff.grades.*", names(kz.bilim.staff.GradesTaught.values())),
            Map.entry("enrolment.year-end.outcome.*", names(kz.bilim.enrolment.PupilRecords.YearEnd.values())),
            Map.entry("child.review.sex.*", List.of("M", "F")),
            Map.entry("child.source.*", names(kz.bilim.child.ChildSource.values())),
            // child_source.origin: the registry's own enrolments or an imported file (V120 check constraint)
            Map.entry("child.record.origin.*", List.of("IMPORT", "REGISTRY")),
            Map.entry("organisation.language.*", kz.bilim.organisation.InstructionLanguage.CODES),
            Map.entry("organisation.urban.*", List.of("true", "false")),
            Map.entry("territory.level.*", numbers(1, 4)),
            Map.entry("access.territory.level.*", numbers(1, 4)),
            Map.entry("access.locale.*", List.of("kk", "ru", "en")),
            Map.entry("calendar.delete.title.*", List.of("holidays", "swaps", "school-holidays")),
            // error.html: the kinds it derives from the status
            Map.entry("error.*.title", List.of("not-found", "forbidden", "unauthenticated", "internal")),
            Map.entry("error.page.*", List.of("not-found", "forbidden", "unauthenticated", "internal")),
            // open data (V199's check constraints; the enums are the module's own)
            Map.entry("opendata.state.*", List.of("PUBLISHED", "DUE", "LATE", "NONE")),
            Map.entry("opendata.periodicity.*", List.of("YEARLY", "QUARTERLY", "EVERY_3_YEARS", "EVERY_4_YEARS",
                    "TWICE_A_YEAR", "AT_MOST_TWICE_A_YEAR", "AT_SET_DATES")),
            Map.entry("opendata.deadline.*", List.of("Q1", "Q2", "Q3", "Q4", "M09", "M12", "DAY10", "H",
                    "WD10_AFTER_APPROVAL", "SET_DATE")),
            Map.entry("opendata.source.*", List.of("PORTAL_WORKSTATION", "API")),
            Map.entry("opendata.producer.*", List.of("PRESCHOOL_REGISTER", "SCHOOL_REGISTER", "COLLEGE_REGISTER",
                    "CHILDREN_UNDER_18", "PRESCHOOL_ACCESS", "SCHOOL_ACCESS", "HOME_SCHOOLED", "FREE_MEALS", "TRANSPORTED")),
            Map.entry("opendata.origin.*", List.of("REGISTRY", "UPLOAD")),
            Map.entry("opendata.event.help.*", List.of("AT_MOST_TWICE_A_YEAR", "AT_SET_DATES")),
            Map.entry("standard.level.*", names(kz.bilim.standard.internal.SchoolLevel.values())),
            Map.entry("standard.support.kind.*", names(kz.bilim.standard.SupportKind.values())),
            Map.entry("standard.support.category.*", names(kz.bilim.standard.internal.SupportCategory.values())),
            Map.entry("standard.support.place.*", List.of("HOME", "HOSPITAL")),
            Map.entry("standard.support.barrier.*", List.of("RIVER", "LAKE")));

    @Test
    @DisplayName("every enum that names its own message (messageKey()) has a message for each constant")
    void enumMessageKeysExist() throws Exception {
        Set<String> keys = allKeys();
        Path classes = Path.of("target/classes");
        Set<String> problems = new TreeSet<>();
        int enums = 0;
        try (Stream<Path> files = Files.walk(classes.resolve("kz/bilim"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(".class", "").replace('/', '.');
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                if (!type.isEnum()) continue;
                Method messageKey;
                try {
                    messageKey = type.getMethod("messageKey");
                } catch (NoSuchMethodException e) {
                    continue;
                }
                enums++;
                for (Object constant : type.getEnumConstants()) {
                    String key = (String) messageKey.invoke(constant);
                    if (!keys.contains(key)) problems.add(type.getSimpleName() + "." + constant + ": " + key);
                }
            }
        }
        assertThat(enums).as("enums with messageKey()").isGreaterThanOrEqualTo(3);
        assertThat(problems).isEmpty();
    }

    @Test
    @DisplayName("every reason a refusal or a field error names in the code is a message of the bundles")
    void refusalReasonsExist() throws IOException {
        Set<String> keys = allKeys();
        Set<String> namespaces = new TreeSet<>();
        keys.forEach(k -> namespaces.add(k.substring(0, Math.max(k.indexOf('.'), 0))));
        var call = Pattern.compile("(?s)(?:new FieldError|Refusal\\.(?:invalid|byRule|forbidden|conflict))\\((.*?)\\)\\s*[;.,)]");
        var quoted = Pattern.compile("\"([a-z]+)\\.([A-Za-z0-9_.\\-]+)\"");
        Set<String> problems = new TreeSet<>();
        int reasons = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String java = Files.readString(file, StandardCharsets.UTF_8);
                for (var c = call.matcher(java); c.find(); ) {
                    for (var q = quoted.matcher(c.group(1)); q.find(); ) {
                        if (!namespaces.contains(q.group(1))) continue;
                        reasons++;
                        String key = q.group(1) + "." + q.group(2);
                        if (!keys.contains(key)) problems.add(file.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertThat(reasons).as("reason keys found in the code").isGreaterThan(40);
        assertThat(problems).isEmpty();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static List<String> numbers(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(String::valueOf).toList();
    }

    /** The bundles in i18n/, by base name ("calendar" for calendar.properties and calendar_kk.properties). */
    private static Set<String> bundles() throws IOException {
        try (Stream<Path> files = Files.list(I18N)) {
            Set<String> bundles = new TreeSet<>();
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".properties"))
                    .forEach(n -> bundles.add(n.replaceAll("(_kk|_ru|_en)?\\.properties$", "")));
            return bundles;
        }
    }

    /** Every key of every base file: the application loads all bundles into one message source. */
    private static Set<String> allKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String bundle : bundles()) keys.addAll(keys(I18N.resolve(bundle + ".properties")));
        return keys;
    }

    private static Set<String> keys(Path file) throws IOException {
        return new TreeSet<>(load(file).stringPropertyNames());
    }

    private static Properties load(Path file) throws IOException {
        var p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
