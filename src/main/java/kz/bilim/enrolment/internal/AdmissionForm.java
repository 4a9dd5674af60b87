package kz.bilim.enrolment.internal;

/** The admission form as the browser sends it: the order, the class, the date and the person. */
class AdmissionForm {

    private Long classId;
    private String from;
    private String admissionOrder;
    private String iin;
    private String lastName;
    private String firstName;
    private String patronymic;
    private String birthDate;
    private String sex;
    private String nationality;
    private String citizenship = "KZ";
    private String residenceKato;

    public Long getClassId() { return classId; }
    public void setClassId(Long classId) { this.classId = classId; }
    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from; }
    public String getAdmissionOrder() { return admissionOrder; }
    public void setAdmissionOrder(String admissionOrder) { this.admissionOrder = admissionOrder; }
    public String getIin() { return iin; }
    public void setIin(String iin) { this.iin = iin; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getPatronymic() { return patronymic; }
    public void setPatronymic(String patronymic) { this.patronymic = patronymic; }
    public String getBirthDate() { return birthDate; }
    public void setBirthDate(String birthDate) { this.birthDate = birthDate; }
    public String getSex() { return sex; }
    public void setSex(String sex) { this.sex = sex; }
    public String getNationality() { return nationality; }
    public void setNationality(String nationality) { this.nationality = nationality; }
    public String getCitizenship() { return citizenship; }
    public void setCitizenship(String citizenship) { this.citizenship = citizenship; }
    public String getResidenceKato() { return residenceKato; }
    public void setResidenceKato(String residenceKato) { this.residenceKato = residenceKato; }
}
