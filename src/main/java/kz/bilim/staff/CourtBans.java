package kz.bilim.staff;

import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Paged;

/**
 * The register of court verdicts in force that ban a person from positions (HB-1), for the ministry, region and
 * district offices only; a school head never reads it (the hiring check answers for the one person being hired).
 */
public interface CourtBans {

    /**
     * Imports a verdict file (docs/staff.md: UTF-8 CSV, header {@code iin, last_name, first_name, birth_date, court,
     * case_number, in_force_on, article, banned, until}). Good rows are written in one transaction together with the
     * check of every current contract against them; bad rows are reported and skipped ({@code allOrNothing}: one bad
     * row and nothing is written). Idempotent: a ban is one (IIN, case, what is banned), re-imported it is updated.
     * A file that cannot be read at all is refused as invalid input.
     */
    Outcome<ImportReport> importCsv(byte[] content, boolean allOrNothing);

    /** One page of the register, newest in force first, optionally of one IIN. Audited per page. */
    Paged<CourtBan> list(String iin, int page, int size);
}
