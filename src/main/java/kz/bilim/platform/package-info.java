/**
 * Shared infrastructure every capability stands on: provision of the PostgreSQL database (external or embedded),
 * the web shell (layout, language switch, problem+json errors) and the clock. It owns no business data.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package kz.bilim.platform;
