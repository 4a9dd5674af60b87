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
 * The whole application against the test JVM's embedded PostgreSQL, with MockMvc. One annotation for all such tests,
 * so that they share one cached Spring context and the suite starts the application once. The access tests' fixture
 * ({@link AccessFixture}: users, sign-ins, tokens) is part of that context, so a test class just autowires it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(AccessFixture.class)
public @interface BilimTest {
}
