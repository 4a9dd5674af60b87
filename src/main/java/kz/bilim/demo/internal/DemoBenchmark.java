package kz.bilim.demo.internal;

import kz.bilim.kernel.CurrentScope;
import kz.bilim.demo.DemoData;
import kz.bilim.demo.DemoLoadReport;
import kz.bilim.demo.DemoScale;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --bilim.demo.benchmark=national}: loads that scale into the fresh, temporary embedded database that
 * {@link BenchmarkEnvironment} arranged, prints the numbers and ends the application.
 */
@Component
@Order(1)
class DemoBenchmark implements ApplicationRunner {

    private final DemoData demo;
    private final DemoProperties properties;
    private final ConfigurableApplicationContext context;

    DemoBenchmark(DemoData demo, DemoProperties properties, ConfigurableApplicationContext context) {
        this.demo = demo;
        this.properties = properties;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        var scale = DemoScale.fromSetting(properties.benchmark());
        if (scale.isEmpty()) return;
        int status = 0;
        try {
            DemoLoadReport report = CurrentScope.asSystem(() -> demo.load(scale.get(), properties.seedOrDefault()));
            System.out.println();
            System.out.println("=== Bilim demo benchmark ===");
            System.out.print(report.summary());
            System.out.printf(java.util.Locale.ROOT, "  machine: %d cores, JVM max heap %,d MB%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        } catch (RuntimeException e) {
            System.err.println("Benchmark failed: " + e.getMessage());
            status = 1;
        }
        int code = status;
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
