package kz.bilim.organisation;

/** Kinds of education organisations (MS-1 network norms distinguish primary, basic and general secondary schools). */
public enum OrganisationKind {
    PRESCHOOL, PRIMARY_SCHOOL, BASIC_SCHOOL, GENERAL_SECONDARY_SCHOOL, TVET_COLLEGE, SPECIAL_SCHOOL, BOARDING_SCHOOL,
    EVENING_SCHOOL;

    /** A school of general education: counted as a school on the dashboard. */
    public boolean isSchool() {
        return this != PRESCHOOL && this != TVET_COLLEGE;
    }

    public String messageKey() {
        return "organisation.kind." + name();
    }
}
