package kz.bilim.enrolment.internal;

import kz.bilim.platform.web.PersonFields;

/** The admission form as the browser sends it: the order, the class, the date and the person. */
class AdmissionForm extends PersonFields {

    private Long classId;
    private String from;
    private String admissionOrder;
    private String nationality;
    private String citizenship = "KZ";
    private String residenceKato;

    public Long getClassId() { return classId; }
    public void setClassId(Long classId) { this.classId = classId; }
    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from; }
    public String getAdmissionOrder() { return admissionOrder; }
    public void setAdmissionOrder(String admissionOrder) { this.admissionOrder = admissionOrder; }
    public String getNationality() { return nationality; }
    public void setNationality(String nationality) { this.nationality = nationality; }
    public String getCitizenship() { return citizenship; }
    public void setCitizenship(String citizenship) { this.citizenship = citizenship; }
    public String getResidenceKato() { return residenceKato; }
    public void setResidenceKato(String residenceKato) { this.residenceKato = residenceKato; }
}
