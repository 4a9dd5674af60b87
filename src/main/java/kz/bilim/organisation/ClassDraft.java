package kz.bilim.organisation;

/**
 * What a caller submits to add or edit a class. {@code academicYear} null is the current one; {@code shift} null is 1;
 * {@code capacity} null is the organisation's occupancy norm (MS-9); {@code language} null is the organisation's first.
 */
public record ClassDraft(Integer academicYear, Integer grade, String letter, String language, Integer shift,
                         Integer capacity) {

    public static ClassDraft of(SchoolClass c) {
        return new ClassDraft(c.academicYear(), c.grade(), c.letter(), c.language(), c.shift(), c.capacity());
    }
}
