package kz.bilim.calendar;

/** Why a day is working or not. */
public enum DayKind {
    /** Monday to Friday with nothing special. */
    WORKING_DAY(true),
    /** Saturday or Sunday. */
    WEEKEND(false),
    /** A public holiday on its own date. */
    HOLIDAY(false),
    /** The weekday a holiday on Saturday or Sunday moved to. */
    TRANSFERRED_DAY_OFF(false),
    /** A working day made a day off by a decree swap. */
    DECREE_DAY_OFF(false),
    /** A day off made a working day by a decree swap. */
    DECREE_WORKING_DAY(true);

    private final boolean working;

    DayKind(boolean working) {
        this.working = working;
    }

    public boolean working() {
        return working;
    }
}
