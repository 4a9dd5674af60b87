package kz.bilim.child;

/**
 * One import of a source's file for a territory, as {@code GET /api/v1/children/imports/{id}} answers it. Counts only;
 * {@code message} is a message key (why it failed), never personal data.
 */
public record ChildImport(long id, ChildSource source, String kato, State state, int rows, int accepted, int rejected,
                          int inserted, int updated, int unchanged, int withdrawn, int children, String message) {

    public enum State {QUEUED, RUNNING, DONE, FAILED}
}
