package kz.bilim.organisation.internal;

import kz.bilim.organisation.ClassDraft;
import kz.bilim.organisation.SchoolClass;

import java.util.LinkedHashMap;
import java.util.Map;

/** The class form as the browser sends it; blank capacity takes the organisation's occupancy norm. */
class ClassForm {

    private Integer academicYear;
    private Integer grade;
    private String letter;
    private String language;
    private Integer shift = 1;
    private Integer capacity;
    /** The version the form was filled from (hidden): saving over another version is refused as stale. */
    private Long version;

    static ClassForm of(SchoolClass c) {
        var form = new ClassForm();
        form.academicYear = c.academicYear();
        form.grade = c.grade();
        form.letter = c.letter();
        form.language = c.language();
        form.shift = c.shift();
        form.capacity = c.capacity();
        form.version = c.version();
        return form;
    }

    /** The class as it is now, for the fields where it differs from what the form holds (shown when stale). */
    Map<String, String> differencesFrom(SchoolClass now) {
        var differences = new LinkedHashMap<String, String>();
        differ(differences, "academicYear", academicYear, now.academicYear());
        differ(differences, "grade", grade, now.grade());
        differ(differences, "letter", letter, now.letter());
        differ(differences, "language", language, now.language());
        differ(differences, "shift", shift, now.shift());
        differ(differences, "capacity", capacity, now.capacity());
        return differences;
    }

    private static void differ(Map<String, String> differences, String field, Object typed, Object now) {
        String a = typed == null ? "" : typed.toString().strip();
        String b = now == null ? "" : now.toString().strip();
        if (!a.equalsIgnoreCase(b)) differences.put(field, b.isEmpty() ? "—" : b);
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
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public Integer getCapacity() { return capacity; }
    public void setCapacity(Integer capacity) { this.capacity = capacity; }
}
