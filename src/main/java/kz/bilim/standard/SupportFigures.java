package kz.bilim.standard;

import java.util.Map;

/**
 * Counts of the support register for statistics and open data (datasets 23 and 49): aggregates only, never a pupil;
 * within the caller's scope.
 */
public interface SupportFigures {

    /** Pupils with support of the kind in the school year beginning in {@code schoolYear}, by region (2-digit KATO). */
    Map<String, Long> pupilsByRegion(SupportKind kind, int schoolYear);
}
