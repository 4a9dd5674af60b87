package kz.bilim.statistics;

import javax.sql.DataSource;
import java.time.LocalDate;

/**
 * Writes responsible persons of the Statistics Committee straight into the register, granted and having accepted the
 * purpose of use (SC-1…SC-3), for a bulk load such as the demo's, where the person comes with their account and no
 * ministry officer goes through the grant. Everyday registration goes through the access regime's API.
 */
public interface AnalystBulkWriter {

    /** Registers the person for the reporting year, granted on {@code grantedOn}; a registered username is kept as it is. */
    void registerGranted(DataSource owner, String username, String fullName, String position, LocalDate grantedOn);

    /** Removes the registration written by {@link #registerGranted}. */
    void remove(DataSource owner, String username);
}
