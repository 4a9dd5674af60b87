package kz.bilim.platform;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every UI string exists in Kazakh, Russian and English, and templates hold no literal text (style.md, 11). */
class I18nSyncTest {

    private static final Path I18N = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @Test
    @DisplayName("each message bundle has the same keys in kk, ru, en and the base file, none empty")
    void bundlesInSync() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(I18N)) {
            Set<String> bundles = new TreeSet<>();
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".properties"))
                    .forEach(n -> bundles.add(n.replaceAll("(_kk|_ru|_en)?\\.properties$", "")));
            for (String bundle : bundles) {
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
