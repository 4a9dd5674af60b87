package kz.bilim.demo.internal;

import kz.bilim.demo.DemoScale;
import kz.bilim.staff.internal.StaffBulkWriters;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * A demo load in a process of its own that stops dead at a given step, for {@link DemoLoadTest} to {@code kill -9}:
 * {@code DemoLoadProcess <jdbc url> <user> <scale> <seed> <step>}. The load is the application's (staff included).
 */
final class DemoLoadProcess {

    private DemoLoadProcess() {
    }

    public static void main(String[] args) {
        var database = new DriverManagerDataSource(args[0], args[1], "");
        var passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        new DemoLoader(database, passwords::encode, DemoStaff.dependents(StaffBulkWriters.standalone()))
                .pausingAt(DemoLoader.Step.valueOf(args[4]))
                .load(DemoScale.valueOf(args[2]), Long.parseLong(args[3]));
        System.out.println("demo load finished without pausing");
    }
}
