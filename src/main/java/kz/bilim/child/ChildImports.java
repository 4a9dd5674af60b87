package kz.bilim.child;

import kz.bilim.kernel.Outcome;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The import contract of issue 9 (CA-1, CA-2). A file is a full snapshot of one source for one territory: a child
 * missing from a newer snapshot loses that source, and a record no source holds any more is kept as history. The
 * import runs in the background: {@link #start} answers the queued import at once (or a refusal: a bad header, a
 * territory outside the caller's scope, another import of the same source and territory still running — CONFLICT),
 * and {@link #find} tells how it goes. A failed import leaves the registry exactly as before.
 */
public interface ChildImports {

    /**
     * Queues the import of a file (the import takes the file over and deletes it when done). {@code kato} null: the
     * caller's own territory.
     */
    Outcome<ChildImport> start(ChildSource source, String kato, Path file);

    /** The same, waiting until the import has finished (the command-line import of national files, tests). */
    Outcome<ChildImport> run(ChildSource source, String kato, Path file);

    /** The import, within the caller's scope. */
    Optional<ChildImport> find(long id);

    /** The rejected rows of an import within the caller's scope, in row order. */
    List<Rejection> rejections(long id);

    /** A rejected row: its number as a spreadsheet shows it (the header is row 1), the column, a reason key. */
    record Rejection(int row, String field, String reasonKey, List<String> args) {
    }
}
