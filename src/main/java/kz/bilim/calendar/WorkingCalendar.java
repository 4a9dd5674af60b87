package kz.bilim.calendar;

import kz.bilim.kernel.Almaty;
import kz.bilim.calendar.internal.CalendarEntries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The working-day calendar of Kazakhstan: every question about days, deadlines and office hours that the legal rules
 * ask. The whole calendar (a few hundred rows) is held in memory, loaded from the database on first use and reloaded
 * when the ministry changes it ({@link CalendarChanged}). Dates are in {@link #ZONE Almaty time}, which the JDK's zone
 * rules keep right across the move to UTC+5 on 1 March 2024.
 * <p>
 * The rules: a five-day week; public holidays are days off; a holiday on Saturday or Sunday gives a day off on the next
 * working day, except Orthodox Christmas and Kurban Ait; the government's decree swaps override everything. Only the
 * years {@value #FIRST_YEAR}-{@value #LAST_YEAR} are covered: any other date is refused with {@link DateOutsideCalendar}.
 */
@Service
public class WorkingCalendar {

    public static final ZoneId ZONE = Almaty.ZONE;
    public static final int FIRST_YEAR = 2018;
    public static final int LAST_YEAR = 2030;

    /** TR-14: the provider's office hours, Monday to Friday except days off. */
    public static final LocalTime OPENS = LocalTime.of(9, 0);
    public static final LocalTime BREAK_STARTS = LocalTime.of(13, 0);
    public static final LocalTime BREAK_ENDS = LocalTime.of(14, 30);
    public static final LocalTime CLOSES = LocalTime.of(18, 30);

    /** EIS-8: "the end of the day" of a deadline. */
    public static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59, 999_000_000);

    private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);

    private final Supplier<CalendarSnapshot> loader;
    private volatile CalendarSnapshot snapshot;

    @Autowired
    WorkingCalendar(CalendarEntries entries) {
        this(() -> {
            var loaded = CalendarSnapshot.of(entries.holidays(), entries.swaps(), entries.schoolHolidays());
            log.info("Calendar loaded: {} holidays, {} decree swaps, {} school holiday periods",
                    loaded.holidays().size(), loaded.swaps().size(), loaded.schoolHolidays().size());
            return loaded;
        });
    }

    private WorkingCalendar(Supplier<CalendarSnapshot> loader) {
        this.loader = loader;
    }

    /** A calendar over fixed data, for rule tests and tools that do not need the database. */
    public static WorkingCalendar of(Collection<PublicHoliday> holidays, Collection<DaySwap> swaps,
                                     Collection<SchoolHolidayPeriod> schoolHolidays) {
        var fixed = CalendarSnapshot.of(holidays, swaps, schoolHolidays);
        return new WorkingCalendar(() -> fixed);
    }

    /** Loads the data again; called when the ministry's change has committed. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(CalendarChanged change) {
        reload();
    }

    public void reload() {
        snapshot = loader.get();
    }

    private CalendarSnapshot data() {
        CalendarSnapshot current = snapshot;
        if (current == null) {
            synchronized (this) {
                if (snapshot == null) reload();
                current = snapshot;
            }
        }
        return current;
    }

    /** Whether the calendar covers the date (years {@value #FIRST_YEAR}-{@value #LAST_YEAR}). */
    public static boolean covers(LocalDate date) {
        return date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR;
    }

    private static LocalDate covered(LocalDate date) {
        if (!covers(date)) throw new DateOutsideCalendar(date);
        return date;
    }

    /** TR-5, TR-13, EIS-8: whether the date is a working day (five-day week, holidays, transfers, decree swaps). */
    public boolean isWorkingDay(LocalDate date) {
        return day(date).working();
    }

    /**
     * TR-5, TR-13, EIS-8: what the calendar says of a date - working or not, why, and the holiday's name. A holiday's
     * day off moved off a weekend carries the holiday's name marked "(transferred)".
     */
    public CalendarDay day(LocalDate date) {
        return data().day(covered(date));
    }

    /** The day by the law alone, before decree swaps: used to check that a swap changes something. */
    public CalendarDay dayBeforeDecreeSwaps(LocalDate date) {
        return data().byLaw(covered(date));
    }

    /**
     * TR-5, TR-13: the date {@code n} working days after {@code from} ("within 3 working days"), not counting
     * {@code from} itself; a negative {@code n} counts back; 0 gives {@code from}.
     */
    public LocalDate addWorkingDays(LocalDate from, int n) {
        CalendarSnapshot data = data();
        LocalDate day = covered(from);
        int step = n < 0 ? -1 : 1;
        for (int left = Math.abs(n); left > 0; ) {
            day = covered(day.plusDays(step));
            if (data.day(day).working()) left--;
        }
        return day;
    }

    /** TR-14, EIS-8: the first working day after the date. */
    public LocalDate nextWorkingDay(LocalDate date) {
        return addWorkingDays(date, 1);
    }

    /**
     * EIS-8: a deadline ends at the end of its day (23:59:59.999 in Almaty); a deadline that falls on a day off moves
     * to the end of the next working day.
     */
    public ZonedDateTime deadline(LocalDate due) {
        LocalDate day = isWorkingDay(due) ? due : nextWorkingDay(due);
        return day.atTime(END_OF_DAY).atZone(ZONE);
    }

    /**
     * TR-14: whether the provider is open: Monday to Friday 9:00-18:30 with a break 13:00-14:30, except weekends and
     * holidays (and with a decree's working Saturday counted as a working day).
     */
    public boolean isProviderOpen(ZonedDateTime at) {
        ZonedDateTime local = at.withZoneSameInstant(ZONE);
        if (!isWorkingDay(local.toLocalDate())) return false;
        return withinOfficeHours(local.toLocalTime());
    }

    private static boolean withinOfficeHours(LocalTime time) {
        boolean morning = !time.isBefore(OPENS) && time.isBefore(BREAK_STARTS);
        boolean afternoon = !time.isBefore(BREAK_ENDS) && time.isBefore(CLOSES);
        return morning || afternoon;
    }

    /** TR-14: the first moment, at or after {@code at}, when the provider is open (in Almaty time). */
    public ZonedDateTime nextProviderOpening(ZonedDateTime at) {
        ZonedDateTime local = at.withZoneSameInstant(ZONE);
        LocalDate date = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        if (isWorkingDay(date)) {
            if (withinOfficeHours(time)) return local;
            if (time.isBefore(OPENS)) return date.atTime(OPENS).atZone(ZONE);
            if (time.isBefore(BREAK_ENDS) && !time.isBefore(BREAK_STARTS)) return date.atTime(BREAK_ENDS).atZone(ZONE);
        }
        return nextWorkingDay(date).atTime(OPENS).atZone(ZONE);
    }

    /**
     * TR-14: the portal takes applications around the clock; the day the provider processes one is the day it next
     * opens - the same day if it arrived during or before office hours (or in the lunch break) of a working day, the
     * next working day if it arrived after hours or on a day off.
     */
    public LocalDate processingDay(Instant received) {
        return registered(received).toLocalDate();
    }

    /**
     * TR-14 (docs/terms.md): the moment something received is registered by the provider - the moment itself if it
     * arrived in office hours, otherwise the provider's next opening (after hours, in the lunch break, on a day off).
     */
    public ZonedDateTime registered(Instant received) {
        return nextProviderOpening(received.atZone(ZONE));
    }

    /**
     * TR-13 (docs/terms.md; Civil Code art. 180-181): the end of a term of {@code workingDays} working days for the
     * provider that begins the day after {@code registeredOn}: the close of office hours ({@link #CLOSES}, 18:30) of
     * the term's last working day. The day of registration itself is never counted.
     */
    public ZonedDateTime due(LocalDate registeredOn, int workingDays) {
        if (workingDays < 1) throw new IllegalArgumentException("a term has at least one working day: " + workingDays);
        return addWorkingDays(registeredOn, workingDays).atTime(CLOSES).atZone(ZONE);
    }

    /**
     * TR-13, TR-14 (docs/terms.md): the term of {@code workingDays} working days for what the provider received at
     * {@code received}: registered at the next opening, due at 18:30 of the last working day after registration.
     */
    public Term term(Instant received, int workingDays) {
        ZonedDateTime registered = registered(received);
        return new Term(received.atZone(ZONE), registered, workingDays, due(registered.toLocalDate(), workingDays));
    }

    /** SC-2 (e.g. "no later than 5 calendar days before"): the date that many calendar days earlier. */
    public LocalDate calendarDaysBefore(LocalDate date, int days) {
        if (days < 0) throw new IllegalArgumentException("days must not be negative: " + days);
        return date.minusDays(days);
    }

    /** TR-1: whether the date falls in school holidays of all grades. */
    public boolean isSchoolHoliday(LocalDate date) {
        return schoolHoliday(date).isPresent();
    }

    /** TR-1: whether the date falls in school holidays of the given grade (the first grade has an extra week). */
    public boolean isSchoolHoliday(LocalDate date, int grade) {
        covered(date);
        return data().schoolHolidays().stream().anyMatch(p -> p.includes(date) && p.appliesTo(grade));
    }

    /** The school holiday period of all grades that includes the date, if any. */
    public Optional<SchoolHolidayPeriod> schoolHoliday(LocalDate date) {
        covered(date);
        return data().schoolHolidays().stream().filter(p -> p.forAllGrades() && p.includes(date)).findFirst();
    }

    /** Whether the ministry's order for the academic year starting in {@code academicYear} has been entered. */
    public boolean hasSchoolHolidays(int academicYear) {
        return data().schoolHolidays().stream().anyMatch(p -> p.academicYear() == academicYear);
    }

    /** Every day of a year, for the year view. */
    public List<CalendarDay> year(int year) {
        LocalDate first = covered(LocalDate.of(year, 1, 1));
        CalendarSnapshot data = data();
        List<CalendarDay> days = new ArrayList<>(366);
        for (LocalDate d = first; d.getYear() == year; d = d.plusDays(1)) days.add(data.day(d));
        return days;
    }

    /** The decree swaps of a year. */
    public List<DaySwap> swaps(int year) {
        return data().swaps().stream().filter(s -> s.date().getYear() == year).toList();
    }

    /** The school holiday periods that touch a year. */
    public List<SchoolHolidayPeriod> schoolHolidays(int year) {
        return data().schoolHolidays().stream()
                .filter(p -> p.firstDay().getYear() <= year && p.lastDay().getYear() >= year).toList();
    }
}
