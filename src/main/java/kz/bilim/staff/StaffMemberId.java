package kz.bilim.staff;

/** An employee of one organisation (one person may be an employee of several). */
public record StaffMemberId(long value) {
}
