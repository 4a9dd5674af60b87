package kz.bilim.opendata.internal;

import java.util.List;

/**
 * OD-1: where a dataset stands on a day — the period it is measured by ({@link ReleaseSchedule#current}), whether that
 * period is published, due or late, what comes next, and its latest releases (the latest version of each period).
 */
public record DatasetStatus(Dataset dataset, Obligation current, State state, Obligation next,
                     List<Release> releases) {

    public enum State {
        /** The current period has a release. */
        PUBLISHED,
        /** The current period is open and not yet due. */
        DUE,
        /** The current period's due day has passed without a release. */
        LATE,
        /** No period is open (a survey between its rounds, a dataset on events before its first). */
        NONE
    }

    public DatasetStatus {
        releases = List.copyOf(releases);
    }

    /** The current period's latest release, or null. */
    public Release currentRelease() {
        return current == null ? null
                : releases.stream().filter(r -> r.period().equals(current.period())).findFirst().orElse(null);
    }

    public Release latest() {
        return releases.isEmpty() ? null : releases.get(0);
    }

    static State state(Obligation current, boolean published, java.time.LocalDate day) {
        if (current == null) return State.NONE;
        if (published) return State.PUBLISHED;
        return current.overdueOn(day) ? State.LATE : State.DUE;
    }
}
