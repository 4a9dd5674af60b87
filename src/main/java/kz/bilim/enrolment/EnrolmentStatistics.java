package kz.bilim.enrolment;

import java.util.List;

/** Counts of pupils for the home dashboard: aggregates only, no personal data, so every signed-in role may read them. */
public interface EnrolmentStatistics {

    /**
     * For each child territory of {@code parentKato} (null: the 20 regions and cities of republican significance):
     * the number of active pupils of organisations there, within the caller's scope, grouped set-based by KATO prefix.
     */
    List<PupilCounts> pupilsByChildTerritory(String parentKato);

    /**
     * Active pupils of each of these organisations within the caller's scope (an organisation outside it, or without
     * pupils, is left out): one grouped count, no personal data. Data collection pre-fills its forms with it (EIS-4).
     */
    java.util.Map<Long, Long> activePupils(java.util.Collection<Long> organisations);

    record PupilCounts(String kato, String nameKk, String nameRu, long pupils) {
    }
}
