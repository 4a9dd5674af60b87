package kz.bilim.opendata.internal;

/**
 * What this system generates a dataset from: its own registries, read through their owners' public APIs — aggregates
 * and registers of organisations only, never a person (OD-3). A dataset with no producer is uploaded by the ministry.
 */
public enum Producer {
    PRESCHOOL_REGISTER, SCHOOL_REGISTER, COLLEGE_REGISTER, CHILDREN_UNDER_18, PRESCHOOL_ACCESS, SCHOOL_ACCESS,
    /** No. 23 and No. 49: from the minimum standard's support register (MS-8, MS-3), for the school year. */
    HOME_SCHOOLED, FREE_MEALS,
    /** No. 61: pupils transported to school (MS-4), for the school year. */
    TRANSPORTED
}
