package kz.bilim.demo.internal;

import kz.bilim.demo.DemoScale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Examples shown to users must be accepted when typed: every KATO code quoted in a message (a hint's "e.g.") is a
 * territory of the demo data — the same at every scale, with the real codes of Zhambyl region — so a newcomer who
 * copies it is not refused by the classifier.
 */
class ExampleCodesTest {

    private static final Pattern KATO = Pattern.compile("(?<![0-9])[0-9]{9}(?![0-9])");

    @Test
    @DisplayName("CA-2 every KATO code quoted as an example in the messages is a territory of the demo data")
    void exampleCodesAreTerritories() throws IOException {
        Set<String> quoted = new TreeSet<>();
        try (Stream<Path> bundles = Files.list(Path.of("src/main/resources/i18n"))) {
            for (Path bundle : bundles.filter(p -> p.toString().endsWith(".properties")).toList()) {
                var matcher = KATO.matcher(Files.readString(bundle));
                while (matcher.find()) quoted.add(matcher.group());
            }
        }
        Set<String> territories = Planner.plan(DemoScale.TINY, 20261123L, Plan.Ids.EMPTY).territories.stream()
                .map(t -> t.kato()).collect(Collectors.toSet());
        assertThat(quoted).as("KATO codes quoted in the messages").isNotEmpty();
        assertThat(territories).as("territories of the demo data").containsAll(quoted);
    }
}
