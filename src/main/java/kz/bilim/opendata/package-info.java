/**
 * The ministry's open data (OD-1…OD-3): the catalogue of the 61 datasets of appendix 2 of order No. 120 with the
 * update period and deadline of each (a schedule computed on the working-day calendar: which period is due when, and
 * which are late), the datasets this system generates from its own registries (the registers of kindergartens,
 * schools and colleges, the children under 18, the accessibility of preschool and school education) and those the
 * ministry uploads, each release checked for personal data before it is stored (OD-3), and the public reading of
 * every release — the file the open-data portal's workstation takes, or its API (OD-2).
 * <p>
 * The catalogue and releases are public: anonymous readers see them; only the ministry publishes. No other module
 * depends on this one; it reads the others through their public statistics and registry APIs.
 */
@org.springframework.modulith.ApplicationModule
package kz.bilim.opendata;
