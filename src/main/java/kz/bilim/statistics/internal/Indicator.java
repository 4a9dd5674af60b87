package kz.bilim.statistics.internal;

import kz.bilim.statistics.Dim;

import java.util.List;
import java.util.Map;

/**
 * One indicator of the appendix: where it is counted ({@link Source}), the condition on the snapshot's facts (a fixed
 * SQL fragment over {@code o} = stat_organisation and {@code f} = the facts), its breakdowns, and — while an input is
 * not yet held — what it waits for: the whole indicator ({@code pending}) or single breakdowns ({@code pendingDims});
 * {@code measure} is what is summed when it is not the count of the source's units (e.g. the computers of the
 * organisations' passports), null otherwise.
 */
record Indicator(int number, Source source, String where, List<Dim> dims, Pending pending,
                 Map<Dim, Pending> pendingDims, String measure) {

    Indicator(int number, Source source, String where, List<Dim> dims, Pending pending, Map<Dim, Pending> pendingDims) {
        this(number, source, where, dims, pending, pendingDims, null);
    }

    enum Source {
        /** organisations counted */
        ORGANISATIONS,
        /** pupils and preschool children: enrolments open on the day */
        PUPILS,
        /** staff: contracts current on the day */
        STAFF,
        /** graduations of the school year before the snapshot */
        GRADUATES,
        /** year-end outcomes (promoted, completed, not promoted) of the school year before the snapshot */
        YEAR_ENDS,
        /** every child 0–7 of the child registry, by residence (age on 1 September) */
        CHILDREN,
        /** the preschool queue's entries open on the day, by the queue's territory */
        QUEUE,
        /** No. 45: the totals of the others across the 5-October snapshots */
        COMPARATIVE
    }

    /** Where a missing input will come from (the reason's message key) and which field it is. */
    enum Feed {
        CHILD_REGISTRY, COLLECTION_FORMS, STAFF_REGISTRY, ORGANISATION_REGISTRY;

        String reasonKey() {
            return "statistics.pending." + name().toLowerCase().replace('_', '-');
        }
    }

    record Pending(Feed feed, String input) {
    }

    Indicator {
        dims = List.copyOf(dims);
        pendingDims = Map.copyOf(pendingDims);
    }

    boolean live() {
        return pending == null;
    }

    /** The breakdowns that can be computed today. */
    List<Dim> liveDims() {
        return dims.stream().filter(d -> !pendingDims.containsKey(d)).toList();
    }
}
