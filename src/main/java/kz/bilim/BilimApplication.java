package kz.bilim;

import kz.bilim.kernel.Almaty;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.util.TimeZone;

/**
 * Bilim — the unified education information system of Kazakhstan.
 * One application, one PostgreSQL database, one module per capability (see docs/architecture.md).
 */
@SpringBootApplication
@EnableScheduling
public class BilimApplication {

    public static void main(String[] args) {
        TimeZone.setDefault(TimeZone.getTimeZone(Almaty.ZONE));
        SpringApplication.run(BilimApplication.class, args);
    }
}
