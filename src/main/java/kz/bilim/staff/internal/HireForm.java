package kz.bilim.staff.internal;

import kz.bilim.platform.web.PersonFields;

/** The hire form as the browser sends it: the person, what they bring and the contract. */
class HireForm extends PersonFields {

    private String position;
    private String subject;
    private String weeklyHours;
    private String contractNumber;
    private String contractDate;
    private String startsOn;
    private String endsOn;
    private String educationLevel;
    private String speciality;
    private String category;
    private String experienceYears;
    private String nationality;
    private String gradesTaught;

    StaffApiController.HireRequest request() {
        return new StaffApiController.HireRequest(iin, lastName, firstName, patronymic, birthDate, sex, position,
                contractNumber, contractDate, startsOn, endsOn, subject, weeklyHours, educationLevel, speciality,
                category, experienceYears, nationality, gradesTaught);
    }

    public String getPosition() { return position; }
    public void setPosition(String position) { this.position = position; }
    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject; }
    public String getWeeklyHours() { return weeklyHours; }
    public void setWeeklyHours(String weeklyHours) { this.weeklyHours = weeklyHours; }
    public String getContractNumber() { return contractNumber; }
    public void setContractNumber(String contractNumber) { this.contractNumber = contractNumber; }
    public String getContractDate() { return contractDate; }
    public void setContractDate(String contractDate) { this.contractDate = contractDate; }
    public String getStartsOn() { return startsOn; }
    public void setStartsOn(String startsOn) { this.startsOn = startsOn; }
    public String getEndsOn() { return endsOn; }
    public void setEndsOn(String endsOn) { this.endsOn = endsOn; }
    public String getEducationLevel() { return educationLevel; }
    public void setEducationLevel(String educationLevel) { this.educationLevel = educationLevel; }
    public String getSpeciality() { return speciality; }
    public void setSpeciality(String speciality) { this.speciality = speciality; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public String getExperienceYears() { return experienceYears; }
    public void setExperienceYears(String experienceYears) { this.experienceYears = experienceYears; }
    public String getNationality() { return nationality; }
    public void setNationality(String nationality) { this.nationality = nationality; }
    public String getGradesTaught() { return gradesTaught; }
    public void setGradesTaught(String gradesTaught) { this.gradesTaught = gradesTaught; }
}
