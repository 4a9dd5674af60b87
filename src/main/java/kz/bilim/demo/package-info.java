/**
 * Deterministic synthetic demo data at any scale, from {@code tiny} (tests) through {@code region} (the demo the
 * application starts with) to {@code national} (~6.8 M children, ~3.7 M pupils, ~20,000 organisations): KATO
 * territories below the 20 real top-level ones, organisations with valid BINs, classes, children with valid IINs and
 * Kazakh or Russian names, enrolments consistent with grades, and users of every role with known passwords
 * (docs/demo-users.md). The same seed and scale always give the same data.
 * <p>
 * <b>Through the owners' bulk writers.</b> The generator makes records of the owning modules' own types
 * ({@code Territory}, {@code Organisation}, {@code SchoolClass}, {@code Person}, {@code Enrolment},
 * {@code BulkAccounts.Account}) and feeds them to the bulk writers those modules publish
 * ({@link kz.bilim.territory.BulkTerritories}, {@link kz.bilim.organisation.BulkOrganisations},
 * {@link kz.bilim.enrolment.BulkEnrolments}, {@link kz.bilim.access.BulkAccounts}): each owner knows its table, its
 * columns, how its record is encoded and what a bulk load drops and rebuilds; this module names no table and no
 * column ({@code TableOwnershipTest}). The writers COPY as the schema owner through {@code OwnerDataSource} — like a
 * database restore, not like a user: the services would mean millions of single inserts, audit records for synthetic
 * people and national loads of hours instead of a minute. It loads only into tables that hold none of its rows,
 * checks for clashes first, and a failed load leaves the database as it was. Nothing in it runs for a user request.
 * <p>
 * Staff go the same way: {@code DemoStaff} generates a staff for every organisation (~450,000 nationally, about 60 %
 * pedagogues) and feeds the staff module's {@link kz.bilim.staff.StaffBulkWriter}.
 */
package kz.bilim.demo;
