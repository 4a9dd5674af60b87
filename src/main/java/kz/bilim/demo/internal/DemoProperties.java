package kz.bilim.demo.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bilim.demo.load-on-start}: none | tiny | region | national, loaded at start when the registry has no
 * organisation; {@code bilim.demo.seed}; {@code bilim.demo.benchmark}: a scale to load into a fresh temporary
 * database, print the numbers and exit.
 */
@ConfigurationProperties("bilim.demo")
record DemoProperties(String loadOnStart, Long seed, String benchmark) {

    static final long DEFAULT_SEED = 20261123L;

    long seedOrDefault() {
        return seed == null ? DEFAULT_SEED : seed;
    }
}
