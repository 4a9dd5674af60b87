package kz.bilim.staff;

/** The highest completed level of education of an employee. */
public enum EducationLevel {
    GENERAL_SECONDARY, TECHNICAL_VOCATIONAL, POST_SECONDARY, HIGHER, POSTGRADUATE;

    public String messageKey() {
        return "staff.education." + name();
    }
}
