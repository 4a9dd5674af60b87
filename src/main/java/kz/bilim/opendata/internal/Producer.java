package kz.bilim.opendata.internal;

/**
 * What this system generates a dataset from: its own registries, read through their owners' public APIs — aggregates
 * and registers of organisations only, never a person (OD-3). A dataset with no producer is uploaded by the ministry.
 */
public enum Producer {
    PRESCHOOL_REGISTER, SCHOOL_REGISTER, COLLEGE_REGISTER, CHILDREN_UNDER_18, PRESCHOOL_ACCESS, SCHOOL_ACCESS
}
