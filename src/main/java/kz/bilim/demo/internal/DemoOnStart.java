package kz.bilim.demo.internal;

import kz.bilim.kernel.CurrentScope;
import kz.bilim.demo.DemoData;
import kz.bilim.demo.DemoScale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On start, an empty registry gets the demo data of {@code bilim.demo.load-on-start} (region by default). */
@Component
@Order(0)
@EnableConfigurationProperties(DemoProperties.class)
class DemoOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger("kz.bilim.demo");

    private final DemoData demo;
    private final DemoProperties properties;

    DemoOnStart(DemoData demo, DemoProperties properties) {
        this.demo = demo;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.benchmark() != null && !properties.benchmark().isBlank()) return;
        DemoScale.fromSetting(properties.loadOnStart()).ifPresent(scale -> CurrentScope.asSystem(() -> {
            // a load killed halfway (a crash, a power cut) is undone first, then loaded again below
            demo.recoverInterruptedLoad().ifPresent(undone -> log.warn("demo: {}", undone));
            if (!demo.registryEmpty()) {
                log.info("demo: the registry already has organisations; no demo data loaded");
                return;
            }
            log.info("demo: empty registry, loading {} demo data (seed {})", scale, properties.seedOrDefault());
            var report = demo.load(scale, properties.seedOrDefault());
            log.info("{}Demo users and their passwords: docs/demo-users.md", report.summary());
        }));
    }
}
