package kz.bilim.collection;

/**
 * Where a submission is: being filled ({@code DRAFT}), submitted to the level above ({@code SUBMITTED}), accepted —
 * approved and locked — by it ({@code ACCEPTED}), or returned to be corrected ({@code RETURNED}, with a comment; also
 * after a distortion was found).
 */
public enum SubmissionStatus {
    DRAFT, SUBMITTED, ACCEPTED, RETURNED;

    /** Whether the participant may change the values. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
