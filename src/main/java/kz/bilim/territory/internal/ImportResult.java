package kz.bilim.territory.internal;

import java.util.List;

/** The outcome of a classifier import: applied as a whole, or refused as a whole with the reasons. */
sealed interface ImportResult permits ImportResult.Imported, ImportResult.Rejected {

    /** How many rows the file had and what became of them; {@code millis} from reading the file to the written audit record. */
    record Imported(int rows, int inserted, int updated, int unchanged, int reattached, long millis)
            implements ImportResult {
    }

    /** CA-2: a file with any bad row changes nothing. {@code errors} are the first {@link #SHOWN}, sorted by row. */
    record Rejected(List<RowError> errors, int total) implements ImportResult {

        static final int SHOWN = 500;

        static Rejected of(List<RowError> all) {
            return new Rejected(List.copyOf(all.subList(0, Math.min(SHOWN, all.size()))), all.size());
        }
    }
}
