/**
 * Deterministic synthetic demo data at any scale, from {@code tiny} (tests) through {@code region} (the demo the
 * application starts with) to {@code national} (~6.8 M children, ~3.7 M pupils, ~20,000 organisations): KATO
 * territories below the 20 real top-level ones, organisations with valid BINs, classes, children with valid IINs and
 * Kazakh or Russian names, enrolments consistent with grades, and users of every role with known passwords
 * (docs/demo-users.md). The same seed and scale always give the same data.
 * <p>
 * <b>A deliberate exception to the module rules.</b> This module writes the tables of other modules (territory,
 * organisation, school_class, person, enrolment, app_user) directly, as the schema owner through
 * {@code OwnerDataSource}, with PostgreSQL COPY — like a database restore, not like a user. Going through the other
 * modules' services would mean millions of single inserts, audit records for synthetic people and national loads of
 * hours instead of a minute. It loads only into tables that hold none of its rows, checks for clashes first, and a
 * failed load leaves the database as it was. Nothing in it runs for a user request.
 * <p>
 * Staff go the way every module's data are meant to go: {@code DemoStaff} generates a staff for every organisation
 * (~450,000 nationally, about 60 % pedagogues) and feeds the staff module's {@link kz.bilim.staff.StaffBulkWriter},
 * which owns and writes the staff tables.
 */
package kz.bilim.demo;
