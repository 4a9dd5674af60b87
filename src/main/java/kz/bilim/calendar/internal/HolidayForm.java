package kz.bilim.calendar.internal;

import kz.bilim.kernel.Text;

import kz.bilim.calendar.LocalizedName;
import kz.bilim.calendar.PublicHoliday;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;

/** The admin form of a public holiday. */
public class HolidayForm {

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;
    private String nameKk;
    private String nameRu;
    private String nameEn;
    private boolean movesOffWeekend = true;
    private String note;

    static HolidayForm of(PublicHoliday h) {
        var form = new HolidayForm();
        form.date = h.date();
        form.nameKk = h.name().kk();
        form.nameRu = h.name().ru();
        form.nameEn = h.name().en();
        form.movesOffWeekend = h.movesOffWeekend();
        form.note = h.note();
        return form;
    }

    PublicHoliday toHoliday(long id) {
        return new PublicHoliday(id, date, new LocalizedName(nameKk.strip(), nameRu.strip(), nameEn.strip()),
                movesOffWeekend, Text.blankToNull(note));
    }

    public LocalDate getDate() { return date; }
    public void setDate(LocalDate date) { this.date = date; }
    public String getNameKk() { return nameKk; }
    public void setNameKk(String nameKk) { this.nameKk = nameKk; }
    public String getNameRu() { return nameRu; }
    public void setNameRu(String nameRu) { this.nameRu = nameRu; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public boolean isMovesOffWeekend() { return movesOffWeekend; }
    public void setMovesOffWeekend(boolean movesOffWeekend) { this.movesOffWeekend = movesOffWeekend; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
