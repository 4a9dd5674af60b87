package kz.bilim.staff.internal;

import kz.bilim.staff.StaffBulkWriter;

/** The staff module's bulk writer outside a Spring context: a test process of its own writes into a given database. */
public final class StaffBulkWriters {

    private StaffBulkWriters() {
    }

    /** A writer whose every call names its target database ({@code write(DataSource, …)}, {@code remove(DataSource, …)}). */
    public static StaffBulkWriter standalone() {
        return new StaffBulkLoad(null);
    }
}
