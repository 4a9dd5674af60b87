package kz.bilim.child;

import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * SC-4, SC-5: the child registry's figures for a statistics snapshot — aggregates only, never a child; within the
 * caller's scope (the residence, or the queue's territory); streamed, one set-based query each.
 */
public interface ChildStatistics {

    /**
     * The children held by a source (not history), born on or before {@code ageOn} and at most {@code maxAge} full
     * years old on it: one count per residence (KATO), sex (UNKNOWN when not recorded), age and the organisation an
     * active EMIS source places the child in (null: none).
     */
    void childFacts(LocalDate ageOn, int maxAge, Consumer<ChildFact> sink);

    record ChildFact(String kato, String sex, int age, Long organisationId, long children) {
    }

    /**
     * As {@link #childFacts(LocalDate, int, Consumer)}, for the children living under one territory (its KATO
     * subtree): a district's figures read by the residence index, not the whole country's.
     */
    void childFacts(String territoryKato, LocalDate ageOn, int maxAge, Consumer<ChildFact> sink);

    /** The preschool queue's entries open on {@code on}: per territory of the queue, sex and age on the day. */
    void queueFacts(LocalDate on, Consumer<QueueFact> sink);

    record QueueFact(String kato, String sex, int age, long entries) {
    }
}
