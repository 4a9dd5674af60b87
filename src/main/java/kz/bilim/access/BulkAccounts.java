package kz.bilim.access;

import kz.bilim.kernel.Role;
import kz.bilim.platform.database.BulkTable;

/**
 * The staff account table for bulk loads (the demo generator, a restore): accounts written with binary COPY as the
 * schema owner, with the table's keys in place; ids and creation times are the table's own. Told apart by the
 * username. Nothing here applies {@code ManagingUsersPolicy} or audits: for synthetic or restored accounts only.
 */
public final class BulkAccounts {

    /**
     * One account as stored: the password already hashed (by the caller's {@code PasswordEncoder}), {@code scopeKato}
     * the territory a territorial role is bound to, {@code organisationId} the organisation of its administrator, and
     * {@code kato} where the account lies (that territory, the organisation's settlement, or '' for national roles),
     * {@code iin} the person's own IIN (an applicant's: TR-17), or null; {@code position} the holder's position (TR-18
     * receipts name it), or null.
     */
    public record Account(String username, String passwordHash, String fullName, Role role, String scopeKato,
                          Long organisationId, String kato, String locale, String iin, String position) {
    }

    public static final BulkTable<Account> ACCOUNTS = BulkTable.<Account>of("app_user",
            "username, password_hash, full_name, role, scope_kato, organisation_id, kato, locale, iin, position", "username",
            (a, out) -> out.text(a.username()).text(a.passwordHash()).text(a.fullName()).text(a.role().name())
                    .text(a.scopeKato()).int8(a.organisationId()).text(a.kato()).text(a.locale()).text(a.iin())
                    .text(a.position()));

    private BulkAccounts() {
    }
}
