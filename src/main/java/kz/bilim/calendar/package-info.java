/**
 * The working-day calendar of Kazakhstan, 2018-2030 (TR-5, TR-13, TR-14, EIS-8): public holidays, the rule that a
 * holiday on a weekend moves to the next working day (except Orthodox Christmas and Kurban Ait), the government's
 * yearly decree swaps of days, school holiday periods per academic year (with the summer holidays of every covered
 * year), provider office hours, deadlines, and terms of N working days ({@link kz.bilim.calendar.Term}; the one rule
 * is in docs/terms.md). All of it is data that the ministry edits; {@link kz.bilim.calendar.WorkingCalendar} keeps it
 * in memory and answers every question other modules ask about days, and reloads when
 * {@link kz.bilim.calendar.CalendarChanged} is published.
 */
package kz.bilim.calendar;
