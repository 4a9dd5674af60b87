package kz.bilim.kernel;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Instant;

/**
 * The one clock every "now" and "today" comes from, in {@link Almaty#ZONE}. {@code bilim.clock.fixed} (an ISO
 * instant, e.g. {@code 2027-01-04T04:00:00Z}) stops it at that moment: for tests and for rehearsing a deadline day.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    Clock clock(@Value("${bilim.clock.fixed:}") String fixed) {
        return fixed.isBlank() ? Clock.system(Almaty.ZONE) : Clock.fixed(Instant.parse(fixed), Almaty.ZONE);
    }
}
