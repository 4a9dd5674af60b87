package kz.bilim.organisation.internal;

import kz.bilim.organisation.ClassDraft;
import kz.bilim.organisation.SchoolClass;

/** The class form as the browser sends it; blank capacity takes the organisation's occupancy norm. */
class ClassForm {

    private Integer academicYear;
    private Integer grade;
    private String letter;
    private String language;
    private Integer shift = 1;
    private Integer capacity;

    static ClassForm of(SchoolClass c) {
        var form = new ClassForm();
        form.academicYear = c.academicYear();
        form.grade = c.grade();
        form.letter = c.letter();
        form.language = c.language();
        form.shift = c.shift();
        form.capacity = c.capacity();
        return form;
    }

    ClassDraft draft() {
        return new ClassDraft(academicYear, grade, letter, language, shift, capacity);
    }

    public Integer getAcademicYear() { return academicYear; }
    public void setAcademicYear(Integer academicYear) { this.academicYear = academicYear; }
    public Integer getGrade() { return grade; }
    public void setGrade(Integer grade) { this.grade = grade; }
    public String getLetter() { return letter; }
    public void setLetter(String letter) { this.letter = letter; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
    public Integer getShift() { return shift; }
    public void setShift(Integer shift) { this.shift = shift; }
    public Integer getCapacity() { return capacity; }
    public void setCapacity(Integer capacity) { this.capacity = capacity; }
}
