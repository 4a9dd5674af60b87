package kz.bilim.enrolment;

import java.util.List;

/** Counts of pupils for the home dashboard: aggregates only, no personal data, so every signed-in role may read them. */
public interface EnrolmentStatistics {

    /**
     * For each child territory of {@code parentKato} (null: the 20 regions and cities of republican significance):
     * the number of active pupils of organisations there, within the caller's scope, grouped set-based by KATO prefix.
     */
    List<PupilCounts> pupilsByChildTerritory(String parentKato);

    record PupilCounts(String kato, String nameKk, String nameRu, long pupils) {
    }
}
