package kz.bilim.demo;

import kz.bilim.demo.internal.DemoLoader;
import kz.bilim.platform.database.OwnerDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Loads deterministic synthetic demo data — territories, organisations, classes, children, enrolments and users of
 * every role — of a given scale and seed. Writes through the owning modules' bulk writers, as the schema owner with
 * COPY (see the package documentation).
 */
@Service
public class DemoData {

    private static final PasswordEncoder PASSWORDS = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private final OwnerDataSource owner;

    public DemoData(OwnerDataSource owner) {
        this.owner = owner;
    }

    /** Whether the registry holds no organisation at all — the condition for loading demo data on start. */
    public boolean registryEmpty() {
        return DemoLoader.registryEmpty(owner);
    }

    /**
     * Loads the demo data; the same scale and seed always give the same data. On failure the database is left as
     * it was and an {@link IllegalStateException} says why.
     */
    public DemoLoadReport load(DemoScale scale, long seed) {
        return new DemoLoader(owner, PASSWORDS::encode).load(scale, seed);
    }
}
