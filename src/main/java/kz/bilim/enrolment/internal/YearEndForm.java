package kz.bilim.enrolment.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The year-end page's form: the class shown, the council's day and decision, and per pupil (enrolment id) the outcome
 * chosen — blank: not recorded now.
 */
class YearEndForm {

    private Long classId;
    private String on;
    private String basis;
    private Map<String, String> outcomes = new LinkedHashMap<>();

    public Long getClassId() { return classId; }
    public void setClassId(Long classId) { this.classId = classId; }
    public String getOn() { return on; }
    public void setOn(String on) { this.on = on; }
    public String getBasis() { return basis; }
    public void setBasis(String basis) { this.basis = basis; }
    public Map<String, String> getOutcomes() { return outcomes; }
    public void setOutcomes(Map<String, String> outcomes) { this.outcomes = outcomes; }
}
