package kz.bilim.demo;

import kz.bilim.demo.internal.DemoLoader;
import kz.bilim.demo.internal.DemoStaff;
import kz.bilim.staff.StaffBulkWriter;
import kz.bilim.platform.database.OwnerDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

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

    public DemoData(OwnerDataSource owner, StaffBulkWriter staff) {
        this.owner = owner;
        this.staff = staff;
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
        var loader = new DemoLoader(owner, PASSWORDS::encode);
        var report = loader.load(scale, seed);
        // the staff of every organisation just loaded, through the staff module's bulk writer (it owns the staff tables)
        var written = DemoStaff.write(owner, staff, seed, loader.loadedOrganisations());
        var rows = new java.util.LinkedHashMap<>(report.rowsByTable());
        rows.put("staff: employees", written.employees());
        rows.put("staff: contracts", written.contracts());
        return new DemoLoadReport(report.scale(), report.seed(), report.bulk(), rows,
                report.totalRows() + written.employees() + written.contracts(), report.seconds() + written.millis() / 1000.0,
                report.copySeconds(), report.indexSeconds(), report.peakHeapBytes());
    }
}
