package kz.bilim;

import kz.bilim.access.AccessFixture;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * As {@link BilimTest}, on a fixed day: Thursday 3 December 2026, 11:00 in Almaty, whatever day the suite runs — for
 * rules judged by the day (deadlines, months, school days). One annotation, so that every such test class shares one
 * cached Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = BilimTestOnFixedDay.CLOCK)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(AccessFixture.class)
public @interface BilimTestOnFixedDay {

    /** The fixed moment (bilim.clock.fixed). */
    String CLOCK = "bilim.clock.fixed=2026-12-03T06:00:00Z";
}
