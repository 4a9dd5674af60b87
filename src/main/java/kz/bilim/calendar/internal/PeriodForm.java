package kz.bilim.calendar.internal;

import kz.bilim.kernel.Text;

import kz.bilim.calendar.LocalizedName;
import kz.bilim.calendar.SchoolHolidayPeriod;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;

/** The admin form of a school holiday period. */
public class PeriodForm {

    private Integer academicYear;
    private String nameKk;
    private String nameRu;
    private String nameEn;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate firstDay;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate lastDay;
    private String grades = SchoolHolidayPeriod.ALL_GRADES;
    private String note;

    static PeriodForm of(SchoolHolidayPeriod p) {
        var form = new PeriodForm();
        form.academicYear = p.academicYear();
        form.nameKk = p.name().kk();
        form.nameRu = p.name().ru();
        form.nameEn = p.name().en();
        form.firstDay = p.firstDay();
        form.lastDay = p.lastDay();
        form.grades = p.grades();
        form.note = p.note();
        return form;
    }

    SchoolHolidayPeriod toPeriod(long id) {
        return new SchoolHolidayPeriod(id, academicYear, new LocalizedName(nameKk.strip(), nameRu.strip(), nameEn.strip()),
                firstDay, lastDay, grades, Text.blankToNull(note));
    }

    public Integer getAcademicYear() { return academicYear; }
    public void setAcademicYear(Integer academicYear) { this.academicYear = academicYear; }
    public String getNameKk() { return nameKk; }
    public void setNameKk(String nameKk) { this.nameKk = nameKk; }
    public String getNameRu() { return nameRu; }
    public void setNameRu(String nameRu) { this.nameRu = nameRu; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public LocalDate getFirstDay() { return firstDay; }
    public void setFirstDay(LocalDate firstDay) { this.firstDay = firstDay; }
    public LocalDate getLastDay() { return lastDay; }
    public void setLastDay(LocalDate lastDay) { this.lastDay = lastDay; }
    public String getGrades() { return grades; }
    public void setGrades(String grades) { this.grades = grades; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
