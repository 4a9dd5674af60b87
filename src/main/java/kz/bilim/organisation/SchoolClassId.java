package kz.bilim.organisation;

/** The id of a class (class set) of an organisation. */
public record SchoolClassId(long value) {

    public static SchoolClassId of(long value) {
        return new SchoolClassId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
