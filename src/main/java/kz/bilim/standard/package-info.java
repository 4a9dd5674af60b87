/**
 * The minimum social standard of primary, basic and general secondary education (MS-1…MS-9, seed 001 appendix 1).
 * Today: the guaranteed school network norm of rural settlements (MS-1) — for each rural settlement of a district,
 * the school-age children and pupils living there (the child registry), the schools there (the organisation registry),
 * the level of school the norm guarantees and whether the network falls short of it.
 * <p>
 * Reads are scoped like the children they count: a district officer reviews their own district; the figures are
 * counts, never a child. Depends on the child, organisation and territory modules' public APIs only.
 */
@org.springframework.modulith.ApplicationModule
package kz.bilim.standard;
