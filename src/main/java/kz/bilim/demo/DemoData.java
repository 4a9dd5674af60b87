package kz.bilim.demo;

import kz.bilim.child.ChildBulkWriter;
import kz.bilim.collection.CollectionBulkWriter;
import kz.bilim.demo.internal.DemoChildren;
import kz.bilim.demo.internal.DemoCollection;
import kz.bilim.demo.internal.DemoLoader;
import kz.bilim.demo.internal.DemoParents;
import kz.bilim.demo.internal.DemoPreschoolGroups;
import kz.bilim.demo.internal.DemoStaff;
import kz.bilim.demo.internal.DemoStatistics;
import kz.bilim.statistics.AnalystBulkWriter;
import kz.bilim.staff.StaffBulkWriter;
import kz.bilim.platform.database.OwnerDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.util.Optional;

/**
 * Loads deterministic synthetic demo data — territories, organisations, classes, children, enrolments, staff and
 * users of every role — of a given scale and seed. Writes through the owning modules' bulk writers, as the schema owner with
 * COPY (see the package documentation).
 */
@Service
public class DemoData {

    private static final PasswordEncoder PASSWORDS = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private final OwnerDataSource owner;
    private final StaffBulkWriter staff;
    private final CollectionBulkWriter collection;
    private final AnalystBulkWriter analysts;
    private final ChildBulkWriter children;
    private final java.time.Clock clock;

    public DemoData(OwnerDataSource owner, StaffBulkWriter staff, CollectionBulkWriter collection,
                    AnalystBulkWriter analysts, ChildBulkWriter children, java.time.Clock clock) {
        this.owner = owner;
        this.staff = staff;
        this.collection = collection;
        this.analysts = analysts;
        this.children = children;
        this.clock = clock;
    }

    /** Whether the registry holds no organisation at all — the condition for loading demo data on start. */
    public boolean registryEmpty() {
        return DemoLoader.registryEmpty(owner);
    }

    /**
     * Undoes a demo load that a crash interrupted (issue 7 item 8), so that the registry is as before it; says what was
     * undone. Run at start, before anything reads the registry.
     */
    public Optional<String> recoverInterruptedLoad() {
        return loader().recoverInterrupted();
    }

    /**
     * Loads the demo data; the same scale and seed always give the same data. On failure the database is left as
     * it was and an {@link IllegalStateException} says why.
     */
    public DemoLoadReport load(DemoScale scale, long seed) {
        return loader().load(scale, seed);
    }

    /**
     * The loader, with the staff of every organisation it loads and the schools' passports of the year written through
     * the staff and collection modules' bulk writers, the demo analyst in the Statistics Committee's register, and the
     * single database of children from all six sources (the child module's bulk writer).
     */
    private DemoLoader loader() {
        return new DemoLoader(owner, PASSWORDS::encode,
                DemoLoader.Dependents.all(DemoStaff.dependents(staff), DemoCollection.dependents(collection),
                        DemoStatistics.dependents(analysts), DemoPreschoolGroups.dependents(),
                        DemoParents.dependents(), DemoChildren.dependents(children, clock)));
    }
}
