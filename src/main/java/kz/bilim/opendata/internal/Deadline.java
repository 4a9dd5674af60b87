package kz.bilim.opendata.internal;

/** OD-1: a dataset's "time of submission" in appendix 2. */
public enum Deadline {
    /** Within the first … fourth quarter of the year. */
    Q1, Q2, Q3, Q4,
    /** Within September / December. */
    M09, M12,
    /** By the 10th of the month after the reporting quarter. */
    DAY10,
    /** Within each half-year. */
    H,
    /** Within 10 working days after the approval. */
    WD10_AFTER_APPROVAL,
    /** On the date set. */
    SET_DATE
}
