package kz.bilim.demo;

import java.util.Locale;
import java.util.Optional;

/**
 * How much demo data: {@code TINY} for tests (two regions, ~20 organisations, a few thousand children),
 * {@code REGION} for a working demo (~400 schools, ~350,000 children), {@code NATIONAL} for benchmarks
 * (~7,700 schools, ~12,000 preschool organisations, ~3.7 M pupils, ~6.8 M children).
 */
public enum DemoScale {
    TINY, REGION, NATIONAL;

    /** The scale named by a setting such as {@code bilim.demo.load-on-start}; empty for {@code none}. */
    public static Optional<DemoScale> fromSetting(String value) {
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("none")) return Optional.empty();
        return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
    }
}
