package kz.bilim.staff;

/** What the staff registry asks of the viewer, for the home page: no personal data, so any role may ask. */
public interface StaffTasks {

    /** HB-1: current contracts flagged by a verdict within the viewer's scope (0 for roles without personal data). */
    long flaggedContracts();
}
