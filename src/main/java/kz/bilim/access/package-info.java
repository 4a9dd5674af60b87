/**
 * Users, their roles and territory scope, staff login and API tokens for machine clients (SC-2, SC-3). Every user but
 * the ministry, the contact centre and the statistics analysts is bound to a KATO subtree or to one organisation. The
 * kernel carries that scope to every query and database connection ({@link kz.bilim.kernel.CurrentScope},
 * {@link kz.bilim.kernel.ScopeCondition}); this module decides it, from the account, at sign-in and again at every
 * request (a session follows its account: a new password, a disabled account, another role or territory end it).
 * <p>
 * Public API: {@link kz.bilim.access.BilimUser} (the signed-in account, a {@link kz.bilim.kernel.Caller}),
 * {@link kz.bilim.access.UserAccounts} (staff accounts: search, create, change, reset a password — within the
 * caller's territory and only in roles the caller may grant, the rules of {@code ManagingUsersPolicy}, SC-3; each
 * change answers the account or the refusal). Pages: {@code /admin/users}, {@code /account}, {@code /account/tokens};
 * API {@code /api/v1/users}. Every change is audited, never with a password, a token secret or a name. An
 * organisation's accounts move with the organisation. The module also tells the audit trail how much of it the
 * caller may read ({@link kz.bilim.audit.AuditReaderScope}). It owns the tables {@code app_user} and
 * {@code api_token} and reads no other: a territorial scope is the subtree of its {@code KatoCode}, an organisation's
 * settlement comes from {@code Organisations}. {@link kz.bilim.access.BulkAccounts} writes accounts in bulk (demo data, a
 * restore).
 */
package kz.bilim.access;
