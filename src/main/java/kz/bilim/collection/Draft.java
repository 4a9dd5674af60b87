package kz.bilim.collection;

import java.util.List;

/** A submission with what its values still lack: the queries raised by registry comparisons (EIS-4). */
public record Draft(Submission submission, List<RegistryQuery> queries) {

    public Draft {
        queries = List.copyOf(queries);
    }
}
