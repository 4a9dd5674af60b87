/**
 * Child accounting (CA-1…CA-4, issue 9): the single database of children 0–18 living on a territory, with or without
 * an IIN and whether or not they are in an organisation; the six sources side by side (EMIS preschool, school, TVET
 * and non-state organisations — read from this system's own enrolments or imported — the Ministry of Justice
 * "Individuals" register and the Ministry of Labour "Kandas" system, imported as full snapshots per territory);
 * linkage by IIN or by folded name, birth date and district; and the nine lists of CA-3.
 * <p>
 * Public API: {@link kz.bilim.child.Children} (search, one child's record — every read audited — and list counts),
 * {@link kz.bilim.child.ChildImports} (the import contract of issue 9) and {@link kz.bilim.child.ChildSource}.
 * Every read is scoped by the child's residence, in the query and by row-level security. Design: docs/child.md.
 */
@org.springframework.modulith.ApplicationModule
package kz.bilim.child;
