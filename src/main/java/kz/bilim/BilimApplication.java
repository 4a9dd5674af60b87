package kz.bilim;

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

    /** Every date and deadline of the system is a fact in Almaty time (UTC+5 since 1 March 2024). */
    public static final String ZONE = "Asia/Almaty";

    public static void main(String[] args) {
        TimeZone.setDefault(TimeZone.getTimeZone(ZONE));
        SpringApplication.run(BilimApplication.class, args);
    }
}
