package kz.bilim.access;

/** A staff account's id. */
public record UserId(long value) {

    /** The number alone, as it appears in addresses ({@code /admin/users/42}). */
    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
