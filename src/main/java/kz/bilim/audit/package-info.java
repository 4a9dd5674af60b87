/**
 * The audit trail: who read or changed what, when and why. Every change and every read of a person's record is
 * appended here ({@link kz.bilim.audit.AuditTrail#record}); the trail is read through the same territory scope as the
 * records it describes — row-level security and an explicit {@link kz.bilim.audit.AuditScope} supplied by the access
 * module through {@link kz.bilim.audit.AuditReaderScope} — and never edited. Rows hold no names, IINs or passwords.
 * <p>
 * Reading: {@link kz.bilim.audit.AuditTrail#search} (newest first, keyset pages by {@link kz.bilim.audit.AuditCursor},
 * criteria of {@link kz.bilim.audit.AuditQuery}, days in Almaty) and {@link kz.bilim.audit.AuditTrail#find}; the
 * screen {@code /audit} and the API {@code /api/v1/audit} for the ministry, region and district offices. The module
 * depends on no other business module, so that every module can write to it.
 */
package kz.bilim.audit;
