package kz.bilim.organisation;

import java.util.List;
import java.util.function.Consumer;

/** Counts for the home dashboard: no personal data, so every signed-in role may read them within its scope. */
public interface OrganisationStatistics {

    /**
     * For each child territory of {@code parentKato} (null: the 20 regions and cities of republican significance):
     * the number of schools (every school kind), preschool organisations, colleges and classes of the current academic
     * year, within the caller's scope. One set-based query grouping by the KATO prefix of the child level.
     */
    List<OrganisationCounts> byChildTerritory(String parentKato);

    List<OrganisationCounts> byChildTerritory(String parentKato, AcademicYear year);

    /** Counts of one child territory. */
    record OrganisationCounts(String kato, String nameKk, String nameRu, long schools, long preschools, long colleges,
                              long classes) {
    }

    /**
     * SC-4, SC-5: the organisations' facts of a statistics snapshot — every organisation within the caller's scope
     * with the marks the indicators break down by (no personal data), streamed from one query.
     */
    void facts(Consumer<OrganisationFact> sink);

    record OrganisationFact(long id, String kato, OrganisationKind kind, Ownership ownership, boolean urban,
                            List<String> languages, int shifts) {
        public OrganisationFact {
            languages = List.copyOf(languages);
        }
    }
}
