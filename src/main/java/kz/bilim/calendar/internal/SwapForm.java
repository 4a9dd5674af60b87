package kz.bilim.calendar.internal;

import kz.bilim.kernel.Text;

import kz.bilim.calendar.DaySwap;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;

/** The admin form of a decree swap: the date, whether it becomes a working day or a day off, and the decree. */
public class SwapForm {

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;
    private Boolean working;
    private String decree;
    private String note;

    static SwapForm of(DaySwap s) {
        var form = new SwapForm();
        form.date = s.date();
        form.working = s.working();
        form.decree = s.decree();
        form.note = s.note();
        return form;
    }

    DaySwap toSwap(long id) {
        return new DaySwap(id, date, working, decree.strip(), Text.blankToNull(note));
    }

    public LocalDate getDate() { return date; }
    public void setDate(LocalDate date) { this.date = date; }
    public Boolean getWorking() { return working; }
    public void setWorking(Boolean working) { this.working = working; }
    public String getDecree() { return decree; }
    public void setDecree(String decree) { this.decree = decree; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
