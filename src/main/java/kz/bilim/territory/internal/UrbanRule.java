package kz.bilim.territory.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * SC-5: whether a territory counts as urban or rural (the "locality" breakdown of the statistics). The rule, in order
 * (docs/kato-import.md):
 * <ol>
 *     <li>an explicit {@code urban} column in the file decides when it is filled;</li>
 *     <li>everything inside a city of republican significance (Astana, Almaty, Shymkent — the top-level territories
 *     marked urban) is urban;</li>
 *     <li>a city or town by its name: Russian {@code г.…}, {@code город …} or a city administration {@code … г.а.};
 *     Kazakh {@code … қаласы}, {@code … қ.} or a city administration {@code … қ.ә.};</li>
 *     <li>anything else — villages, rural districts, districts, regions — is rural.</li>
 * </ol>
 */
final class UrbanRule {

    /** What the optional {@code urban} column says. */
    enum Given { URBAN, RURAL, NOTHING }

    private UrbanRule() {
    }

    static boolean urban(Given given, boolean insideCityOfRepublicanSignificance, String nameKk, String nameRu) {
        return switch (given) {
            case URBAN -> true;
            case RURAL -> false;
            case NOTHING -> insideCityOfRepublicanSignificance || cityByName(nameKk, nameRu);
        };
    }

    static boolean cityByName(String nameKk, String nameRu) {
        String ru = nameRu.strip().toLowerCase(Locale.ROOT);
        String kk = nameKk.strip().toLowerCase(Locale.ROOT);
        return ru.startsWith("г.") || ru.startsWith("город ") || ru.endsWith(" г.а.")
                || kk.endsWith(" қаласы") || kk.endsWith(" қ.") || kk.endsWith(" қ.ә.");
    }

    /**
     * The explicit column: 1/0, true/false, yes/no, urban/rural, and the Kazakh and Russian words for city and
     * village (қала/ауыл, город/село). Blank means nothing is given; any other text is no value at all (empty).
     */
    static Optional<Given> parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "" -> Optional.of(Given.NOTHING);
            case "1", "true", "yes", "urban", "қала", "город" -> Optional.of(Given.URBAN);
            case "0", "false", "no", "rural", "ауыл", "село" -> Optional.of(Given.RURAL);
            default -> Optional.empty();
        };
    }
}
