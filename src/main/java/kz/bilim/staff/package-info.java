/**
 * Employees of every education organisation and the court hiring ban (HB-1): the staff registry (person checked
 * against the IIN, position from the classifier — pedagogical or not, involving work with minors or not — education,
 * qualification category, experience, employment contracts and their dismissal), the register of court verdicts in
 * force that ban a person from pedagogical positions, from work with minors or from a named position, the hiring check
 * that refuses a contract such a verdict covers ({@code HIRING_BANNED}, naming the verdict but never showing the
 * register to a school), the set-based check of a verdict file against every current contract (which flags them for
 * the head and the district office), and staff figures without personal data for statistics and open data.
 * <p>
 * Public API: {@link kz.bilim.staff.StaffRegistry}, {@link kz.bilim.staff.CourtBans},
 * {@link kz.bilim.staff.StaffFigures}, {@link kz.bilim.staff.StaffTasks}, {@link kz.bilim.staff.StaffHeads},
 * {@link kz.bilim.staff.StaffBulkWriter} and
 * the event {@link kz.bilim.staff.ContractsFlagged}. Staff lists and records are scoped like organisations (a school
 * sees its own staff, a district its district's) and every read of them is audited; the verdict register is read only
 * by the ministry, region and district offices.
 */
@org.springframework.modulith.ApplicationModule
package kz.bilim.staff;
