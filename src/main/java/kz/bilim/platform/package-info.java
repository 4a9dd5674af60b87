/**
 * Shared infrastructure every capability stands on: provision of the PostgreSQL database (external or embedded),
 * the web shell (layout, language switch, problem+json errors) and the clock. It owns no business data. For bulk loads
 * it offers the mechanics the owning modules use for their own tables: {@code BulkTable} (a table, its columns and the
 * encoder of the owner's record), {@code CopyBinary} (PostgreSQL's binary COPY format) and {@code TableKeys} (the keys
 * and indexes to drop and rebuild, read from the catalogue).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package kz.bilim.platform;
