package kz.bilim.organisation;

/**
 * A class (class set) of an organisation in one academic year: grade 0–12 (0 is the pre-school class), a letter,
 * the language of instruction, the shift and the capacity — the occupancy norm of TR-10 (MS-9).
 */
public record SchoolClass(SchoolClassId id, OrganisationId organisationId, String kato, int academicYear, int grade,
                          String letter, String language, int shift, int capacity) {

    /** "5А" — how a class is named in Kazakhstan. */
    public String label() {
        return grade + letter;
    }
}
