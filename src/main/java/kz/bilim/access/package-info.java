/**
 * Users, their roles and territory scope, staff login and API tokens for machine clients (SC-2, SC-3). Every user but
 * the ministry, the contact centre and the statistics analysts is bound to a KATO subtree or to one organisation; the
 * scope travels with every database connection and PostgreSQL row-level security enforces it.
 * <p>
 * Public API: {@link kz.bilim.access.BilimUser} and {@link kz.bilim.kernel.CurrentScope} (who is asking, over which
 * scope), {@link kz.bilim.kernel.ScopeCondition} (that scope as the explicit condition the modules' queries
 * carry), {@link kz.bilim.access.UserAccounts} (staff accounts: search, create, change, reset a
 * password — within the caller's territory and only in roles the caller may grant, the rules of
 * {@code ManagingUsersPolicy}). Pages:
 * {@code /admin/users}, {@code /account}, {@code /account/tokens}; API {@code /api/v1/users}. Every change is audited,
 * never with a password, a token secret or a name. The module also tells the audit trail how much of it the caller may
 * read ({@link kz.bilim.audit.AuditReaderScope}). It owns the tables {@code app_user} and {@code api_token} and reads
 * no other: a territorial scope comes from {@code Territories}, an organisation's settlement from
 * {@code Organisations}. {@link kz.bilim.access.BulkAccounts} writes accounts in bulk (demo data, a restore).
 */
package kz.bilim.access;
