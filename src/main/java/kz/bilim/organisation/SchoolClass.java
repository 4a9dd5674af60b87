package kz.bilim.organisation;

/**
 * A class (class set) of an organisation in one academic year: grade 0–12 (0 is the pre-school class), a letter,
 * the language of instruction, the shift and the capacity — the occupancy norm of TR-10 (MS-9). {@code version} rises
 * with each saved edit, like an organisation's.
 */
public record SchoolClass(SchoolClassId id, OrganisationId organisationId, String kato, int academicYear, int grade,
                          String letter, String language, int shift, int capacity, long version) {

    /** A class not yet saved (version 0). */
    public SchoolClass(SchoolClassId id, OrganisationId organisationId, String kato, int academicYear, int grade,
                       String letter, String language, int shift, int capacity) {
        this(id, organisationId, kato, academicYear, grade, letter, language, shift, capacity, 0);
    }

    /** The same class at another version (the one an edit was made to). */
    public SchoolClass atVersion(long version) {
        return new SchoolClass(id, organisationId, kato, academicYear, grade, letter, language, shift, capacity, version);
    }

    /** "5А" — how a class is named in Kazakhstan. */
    public String label() {
        return grade + letter;
    }
}
