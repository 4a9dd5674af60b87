package kz.bilim.territory.internal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class UrbanRuleTest {

    @ParameterizedTest(name = "{0} / {1}: urban {3}")
    @CsvSource({
            "Семей қ.,         г.Семей,           false, true",
            "Семей Қ.Ә.,       Семей Г.А.,        false, true",
            "Астана қаласы,    город Астана,      false, true",
            "Ақшабай а.,       с.Акшабай,         false, false",
            "Абыралы а.о.,     Абыралинский с.о., false, false",
            "Аягөз ауданы,     Аягозский район,   false, false",
            "Абай облысы,      область Абай,      false, false",
            // inside a city of republican significance everything is urban, whatever the name
            "Алмалы ауданы,    Алмалинский район, true,  true",
    })
    @DisplayName("SC-5 urban/rural: cities and towns by name, everything inside Astana, Almaty, Shymkent; the rest rural")
    void byRule(String kk, String ru, boolean insideCity, boolean urban) {
        assertThat(UrbanRule.urban(UrbanRule.Given.NOTHING, insideCity, kk, ru)).isEqualTo(urban);
    }

    @ParameterizedTest(name = "urban column \"{0}\"")
    @CsvSource({"1, URBAN", "true, URBAN", "Қала, URBAN", "город, URBAN", "0, RURAL", "rural, RURAL", "ауыл, RURAL",
            "село, RURAL", "'', NOTHING"})
    @DisplayName("SC-5 an explicit urban column decides over the name rule")
    void explicit(String text, UrbanRule.Given given) {
        assertThat(UrbanRule.parse(text)).contains(given);
        if (given != UrbanRule.Given.NOTHING)
            assertThat(UrbanRule.urban(given, false, "Ақшабай а.", "с.Акшабай")).isEqualTo(given == UrbanRule.Given.URBAN);
    }

    @ParameterizedTest
    @CsvSource({"maybe", "2", "да"})
    @DisplayName("anything else in the urban column is not a value")
    void invalid(String text) {
        assertThat(UrbanRule.parse(text)).isEmpty();
    }
}
