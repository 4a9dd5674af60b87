package kz.bilim.standard.internal;

/**
 * MS-3 (and MS-7, which names the same categories): the pupils entitled to a free meal at school — of families entitled
 * to targeted social assistance; of families whose income per head is below the subsistence minimum; orphans;
 * children left without parental care; of families needing urgent help after an emergency; other categories.
 */
public enum SupportCategory {
    TARGETED_SOCIAL_ASSISTANCE, BELOW_SUBSISTENCE_MINIMUM, ORPHAN, WITHOUT_PARENTAL_CARE, EMERGENCY, OTHER;

    /** The categories the pupil registry already records as a mark: the mark is the basis, no document is typed. */
    kz.bilim.enrolment.PupilRecords.Mark registryMark() {
        return switch (this) {
            case ORPHAN -> kz.bilim.enrolment.PupilRecords.Mark.ORPHAN;
            case WITHOUT_PARENTAL_CARE -> kz.bilim.enrolment.PupilRecords.Mark.WITHOUT_PARENTAL_CARE;
            default -> null;
        };
    }
}
