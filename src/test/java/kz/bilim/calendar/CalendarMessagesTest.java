package kz.bilim.calendar;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The calendar bundle in kk, ru and en has the same keys, and every key the templates use exists. */
class CalendarMessagesTest {

    private static final Path I18N = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates/calendar");

    private static Properties load(String file) throws IOException {
        var properties = new Properties();
        try (var reader = new InputStreamReader(Files.newInputStream(I18N.resolve(file)), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    @DisplayName("calendar.properties, _en, _kk and _ru have the same keys")
    void sameKeys() throws IOException {
        Set<String> base = load("calendar.properties").stringPropertyNames();
        for (String lang : new String[]{"en", "kk", "ru"})
            assertThat(load("calendar_" + lang + ".properties").stringPropertyNames()).as(lang).isEqualTo(base);
    }

    @Test
    @DisplayName("every calendar.* key used in the calendar templates exists")
    void templateKeysExist() throws IOException {
        Set<String> keys = load("calendar.properties").stringPropertyNames();
        Pattern used = Pattern.compile("#\\{'?(calendar\\.[A-Za-z0-9.\\-]+)");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            for (Path file : files.toList()) {
                var matcher = used.matcher(Files.readString(file));
                while (matcher.find()) {
                    String key = matcher.group(1);
                    if (key.endsWith(".")) continue; // a prefix completed at run time, e.g. 'calendar.kind.' + kind
                    if (!keys.contains(key)) missing.add(file.getFileName() + ": " + key);
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(keys).contains("calendar.kind.TRANSFERRED_DAY_OFF", "calendar.month.12", "calendar.weekday.7");
    }
}
