package kz.bilim.demo.internal;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * With {@code bilim.demo.benchmark} set, the application runs against a fresh embedded database in a temporary
 * folder on a free port (the persistent data folder is left alone), serves on a random port and loads nothing on
 * start — the benchmark loads. Registered in META-INF/spring.factories.
 */
class BenchmarkEnvironment implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String benchmark = environment.getProperty("bilim.demo.benchmark");
        if (benchmark == null || benchmark.isBlank()) return;
        environment.getPropertySources().addFirst(new MapPropertySource("bilim-demo-benchmark", Map.of(
                "bilim.db.embedded-data-dir", "",
                "bilim.db.embedded-port", "0",
                "server.port", "0",
                "bilim.demo.load-on-start", "none")));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
