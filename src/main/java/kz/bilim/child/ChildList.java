package kz.bilim.child;

/**
 * The nine lists of the single database (CA-3, seed 000 point 11, sub-points 1–9). A child can be on several lists.
 * The rules are written in docs/child.md and implemented in one place ({@code ChildListPolicy}).
 */
public enum ChildList {
    PRESCHOOL_AGE, SCHOOL_AGE, TVET, NON_STATE, NOT_SUBJECT_TO_SCHOOLING, KANDAS, FOREIGN, NOT_COVERED, TRUANT;

    public String messageKey() {
        return "child.list." + name();
    }
}
