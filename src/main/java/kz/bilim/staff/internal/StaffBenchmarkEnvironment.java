package kz.bilim.staff.internal;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * With {@code bilim.staff.benchmark} set, the application runs against a fresh embedded database in a temporary
 * folder on a free port, serves on a random port and loads no demo data: {@link StaffBenchmark} makes its own.
 * Registered in META-INF/spring.factories.
 */
class StaffBenchmarkEnvironment implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String benchmark = environment.getProperty("bilim.staff.benchmark");
        if (benchmark == null || benchmark.isBlank()) return;
        environment.getPropertySources().addFirst(new MapPropertySource("bilim-staff-benchmark", Map.of(
                "bilim.db.embedded-data-dir", "",
                "bilim.db.embedded-port", "0",
                "server.port", "0",
                "bilim.demo.load-on-start", "none",
                "logging.level.kz.bilim", "warn",
                "logging.level.kz.bilim.staff.internal.CourtBanRegister", "info")));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
