package kz.bilim.child.lost;

import kz.bilim.calendar.WorkingCalendar;
import kz.bilim.child.truancy.TruancyPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The rules of the "left and not arrived" list (issue 9 item 5, beyond CA-3; the model is England's Lost Pupil
 * Database), in one place. Every day is a fact of the working-day calendar, never arithmetic:
 * <ul>
 * <li>a <b>departure</b> is an expulsion from a school (a school of general education: not a preschool, not a TVET
 * college) of a child under 18 — a graduation is not one;</li>
 * <li>the child is <b>lost</b> once {@code bilim.lost-pupils.after-school-days} (default 15) whole <b>school days</b>
 * ({@link TruancyPolicy#isSchoolDay}: working days of the calendar outside the school holidays) have passed after the
 * last day in the school and no admission anywhere has followed — weekends, public holidays and school holidays are
 * not counted, so a pupil who leaves in May is not lost before September;</li>
 * <li>an admission to any organisation closes the departure by itself ({@link CloseReason#ADMITTED}); otherwise the
 * officer who took the case closes it with a reason, {@link CloseReason#OTHER} with a note.</li>
 * </ul>
 */
@Component
public class LostPupilPolicy {

    static final int NOTE_MAX = 2000;

    /** Why a case was closed; ADMITTED by the system only, the others by the officer who owns the case. */
    public enum CloseReason {
        ADMITTED, ENROLLED_ELSEWHERE, MOVED_ABROAD, OTHER;

        public boolean byOfficer() {
            return this != ADMITTED;
        }

        public String messageKey() {
            return "lost.reason." + name();
        }

        /** An officer's reason of this name (any case), or null. */
        static CloseReason officers(String text) {
            if (text == null) return null;
            for (var r : values())
                if (r.byOfficer() && r.name().equals(text.strip().toUpperCase(Locale.ROOT))) return r;
            return null;
        }
    }

    private final TruancyPolicy schoolDays;
    private final int afterSchoolDays;

    LostPupilPolicy(TruancyPolicy schoolDays, @Value("${bilim.lost-pupils.after-school-days:15}") int afterSchoolDays) {
        if (afterSchoolDays < 1) throw new IllegalArgumentException("bilim.lost-pupils.after-school-days must be 1 or more");
        this.schoolDays = schoolDays;
        this.afterSchoolDays = afterSchoolDays;
    }

    /** How many whole school days without an admission make a departed pupil lost. */
    public int afterSchoolDays() {
        return afterSchoolDays;
    }

    /**
     * The cut-off of {@code today}'s list: a pupil whose last day in school is <b>before</b> this date has had at least
     * {@link #afterSchoolDays()} whole school days since (it is the earliest of the last so many school days before
     * today). One date for the whole list, so the query is a range over an index, not a count per pupil.
     */
    public LocalDate listedBefore(LocalDate today) {
        int found = 0;
        LocalDate day = today;
        while (found < afterSchoolDays) {
            day = day.minusDays(1);
            if (!WorkingCalendar.covers(day)) return day; // before the calendar: nothing older is counted
            if (schoolDays.isSchoolDay(day)) found++;
        }
        return day;
    }

    /** Whether a pupil whose last day in school was {@code leftOn} is lost today. */
    public boolean lost(LocalDate leftOn, LocalDate today) {
        return leftOn.isBefore(listedBefore(today));
    }

    /** The whole school days after the last day in school, up to yesterday (today is not over yet). */
    public int schoolDaysSince(LocalDate leftOn, LocalDate today) {
        int n = 0;
        for (LocalDate d = leftOn.plusDays(1); d.isBefore(today); d = d.plusDays(1))
            if (WorkingCalendar.covers(d) && schoolDays.isSchoolDay(d)) n++;
        return n;
    }
}
