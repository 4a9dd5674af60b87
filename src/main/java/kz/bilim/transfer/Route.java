package kz.bilim.transfer;

/** TR-2: how the service was applied for, and its term (TR-13): portal 1 working day, paper 3. */
public enum Route {
    PORTAL(1), PAPER(3);

    private final int workingDays;

    Route(int workingDays) {
        this.workingDays = workingDays;
    }

    /** TR-13: the term of the service in working days. */
    public int workingDays() {
        return workingDays;
    }
}
