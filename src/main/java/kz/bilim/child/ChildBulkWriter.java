package kz.bilim.child;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Bulk writing of the single database for the demo data (issue 9 item 7): the six sources derived set-based from the
 * persons and enrolments just loaded, as the schema owner, in one transaction — never row by row. The shares say how
 * the sources overlap; the same persons and shares always give the same children.
 */
public interface ChildBulkWriter {

    /**
     * How the six sources overlap, in parts per thousand of the persons (each drawn from the person's id and the seed):
     * {@code justice} of them in the Justice register; {@code kandas} in the Kandas system, and {@code kandasWithoutIin}
     * more children of kandases with no IIN (foreign citizens, not in the enrolments); disagreements — Justice writing
     * the surname in Latin ({@code latinName}), Justice registering the child at another address ({@code otherResidence}),
     * Kandas giving another birth date ({@code otherBirthDate}); school-age children {@code exempt} (not subject to
     * schooling, health); and school pupils with more unexcused absences last month than the truancy rule allows
     * ({@code truant}); lost pupils — of the school-age children enrolled nowhere, {@code lost} left a school of their
     * district and arrived nowhere (issue 9 item 5); and review cases — {@code twins} of the children in Justice were
     * recorded before by Kandas without IIN (CA-2, IIN_LATER); both at least one per district. Sources 1–4 are every
     * open enrolment.
     */
    record Shares(int justice, int kandas, int kandasWithoutIin, int latinName, int otherResidence, int otherBirthDate,
                  int exempt, int truant, int lost, int twins) {
    }

    /** An organisation of the persons' enrolments, with the EMIS source its pupils belong to (CA-1 (1)–(4)). */
    record Organisation(long id, ChildSource source, String bin) {
    }

    /**
     * Writes the children of the persons not yet in the single database (their enrolments in these organisations)
     * and the truants' absences of the month before {@code today}; the rows written by table.
     */
    Map<String, Long> write(DataSource owner, long seed, Shares shares, LocalDate today, List<Organisation> organisations);

    /**
     * Forms the truant lists of the month before {@code today} from the absences, as the monthly job does (CA-4), on
     * the application's own database; answers the children on them.
     */
    long formTruantLists(LocalDate today);

    /** Removes what {@link #write} wrote (a demo load undone). */
    void remove(DataSource owner);
}
