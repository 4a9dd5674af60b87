package kz.bilim.staff;

/**
 * The qualification categories of pedagogues since the Law on the status of a pedagogue (2019): педагог,
 * педагог-модератор, педагог-эксперт, педагог-исследователь, педагог-мастер; {@code NONE} for everyone else.
 */
public enum QualificationCategory {
    NONE, PEDAGOGUE, MODERATOR, EXPERT, RESEARCHER, MASTER;

    public String messageKey() {
        return "staff.category." + name();
    }
}
