package kz.bilim.calendar.internal;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
import kz.bilim.calendar.CalendarChanged;
import kz.bilim.calendar.CalendarDay;
import kz.bilim.calendar.WorkingCalendar;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Refusal;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * The ministry's edits of the calendar: checked, written, audited and announced with {@link CalendarChanged} so that
 * {@link WorkingCalendar} reloads once the transaction commits. Each method is one transaction.
 */
@Service
@PreAuthorize("hasRole('MINISTRY_ADMIN')")
class CalendarEditing {

    static final String HOLIDAY = "public_holiday";
    static final String SWAP = "day_swap";
    static final String PERIOD = "school_holiday_period";
    private static final Set<String> GRADES = Set.of("ALL", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");

    private final CalendarEntries entries;
    private final WorkingCalendar calendar;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    private final TransactionTemplate transaction;

    CalendarEditing(CalendarEntries entries, WorkingCalendar calendar, AuditTrail audit, ApplicationEventPublisher events,
                    TransactionTemplate transaction) {
        this.transaction = transaction;
        this.entries = entries;
        this.calendar = calendar;
        this.audit = audit;
        this.events = events;
    }

    // ---- checks: every failure is a field error of the form -------------------------------------------------------

    private void check(HolidayForm form, long id, Checks errors) {
        if (Forms.requireCoveredDate(errors, "date", form.getDate()) && entries.holidayExistsOn(form.getDate(), id))
            errors.rejectValue("date", "calendar.error.duplicate-holiday");
        Forms.requireText(errors, "nameKk", form.getNameKk());
        Forms.requireText(errors, "nameRu", form.getNameRu());
        Forms.requireText(errors, "nameEn", form.getNameEn());
        Forms.optionalText(errors, "note", form.getNote());
    }

    private void check(SwapForm form, long id, Checks errors) {
        if (form.getWorking() == null) errors.rejectValue("working", "error.field.required");
        if (Forms.requireCoveredDate(errors, "date", form.getDate())) {
            if (entries.swapExistsOn(form.getDate(), id)) {
                errors.rejectValue("date", "calendar.error.duplicate-swap");
            } else if (form.getWorking() != null) {
                // a swap must change the day: a working day made working, or a day off made a day off, is a mistake
                CalendarDay byLaw = calendar.dayBeforeDecreeSwaps(form.getDate());
                if (form.getWorking() && byLaw.working()) errors.rejectValue("date", "calendar.error.swap-already-working");
                if (!form.getWorking() && !byLaw.working()) errors.rejectValue("date", "calendar.error.swap-already-off");
            }
        }
        Forms.requireText(errors, "decree", form.getDecree());
        Forms.optionalText(errors, "note", form.getNote());
    }

    private void check(PeriodForm form, Checks errors) {
        Integer year = form.getAcademicYear();
        if (!errors.hasFieldErrors("academicYear")) {
            if (year == null) errors.rejectValue("academicYear", "error.field.required");
            else if (year < WorkingCalendar.FIRST_YEAR - 1 || year > WorkingCalendar.LAST_YEAR)
                errors.rejectValue("academicYear", "calendar.error.academic-year-range",
                        String.valueOf(WorkingCalendar.FIRST_YEAR - 1), String.valueOf(WorkingCalendar.LAST_YEAR));
        }
        Forms.requireText(errors, "nameKk", form.getNameKk());
        Forms.requireText(errors, "nameRu", form.getNameRu());
        Forms.requireText(errors, "nameEn", form.getNameEn());
        boolean first = Forms.requireCoveredDate(errors, "firstDay", form.getFirstDay());
        boolean last = Forms.requireCoveredDate(errors, "lastDay", form.getLastDay());
        if (first && last && form.getLastDay().isBefore(form.getFirstDay()))
            errors.rejectValue("lastDay", "calendar.error.last-before-first");
        if (first && year != null && !errors.hasFieldErrors("academicYear")) {
            LocalDate starts = LocalDate.of(year, 9, 1);
            LocalDate ends = LocalDate.of(year + 1, 8, 31);
            if (form.getFirstDay().isBefore(starts) || form.getFirstDay().isAfter(ends))
                errors.rejectValue("firstDay", "calendar.error.outside-academic-year", year + "-" + (year + 1));
        }
        if (form.getGrades() == null || !GRADES.contains(form.getGrades())) errors.rejectValue("grades", "error.field.invalid");
        Forms.optionalText(errors, "note", form.getNote());
    }

    // ---- saving: checked, written and audited in one transaction, or refused with nothing written ------------------

    /** A new holiday (id 0) or a change; {@code unreadable}: the fields the form could not read. */
    Outcome<Long> save(long id, HolidayForm form, Set<String> unreadable) {
        return save(id, unreadable, checks -> check(form, id, checks), () -> create(form), () -> update(id, form),
                "date", "calendar.error.duplicate-holiday");
    }

    Outcome<Long> save(long id, SwapForm form, Set<String> unreadable) {
        return save(id, unreadable, checks -> check(form, id, checks), () -> create(form), () -> update(id, form),
                "date", "calendar.error.duplicate-swap");
    }

    Outcome<Long> save(long id, PeriodForm form, Set<String> unreadable) {
        return save(id, unreadable, checks -> check(form, checks), () -> create(form), () -> update(id, form),
                "firstDay", "calendar.error.duplicate-period");
    }

    private Outcome<Long> save(long id, Set<String> unreadable, java.util.function.Consumer<Checks> check,
                               java.util.function.LongSupplier create, java.util.function.BooleanSupplier update,
                               String uniqueField, String duplicateKey) {
        return Outcome.attempt(() -> transaction.execute(status -> {
            var checks = new Checks(unreadable);
            check.accept(checks);
            checks.refusal().ifPresent(refusal -> {
                throw refusal.exception();
            });
            long saved;
            try {
                saved = id == 0 ? create.getAsLong() : update.getAsBoolean() ? id : -1;
            } catch (DuplicateKeyException e) {
                throw Refusal.invalid(uniqueField, duplicateKey).exception();
            }
            if (saved < 0) throw Refusal.notFound("calendar entry", id).exception();
            return saved;
        }));
    }

    // ---- changes ---------------------------------------------------------------------------------------------------

    private long create(HolidayForm form) {
        long id = entries.insert(form.toHoliday(0));
        changed(AuditAction.CREATE, HOLIDAY, id, Map.of("date", form.getDate().toString()));
        return id;
    }

    private boolean update(long id, HolidayForm form) {
        if (!entries.update(form.toHoliday(id))) return false;
        changed(AuditAction.UPDATE, HOLIDAY, id, Map.of("date", form.getDate().toString()));
        return true;
    }

    @Transactional
    boolean deleteHoliday(long id) {
        var holiday = entries.holiday(id);
        if (holiday.isEmpty() || !entries.deleteHoliday(id)) return false;
        changed(AuditAction.DELETE, HOLIDAY, id, Map.of("date", holiday.get().date().toString(),
                "nameKk", holiday.get().name().kk(), "nameRu", holiday.get().name().ru()));
        return true;
    }

    private long create(SwapForm form) {
        long id = entries.insert(form.toSwap(0));
        changed(AuditAction.CREATE, SWAP, id, swapDetails(form));
        return id;
    }

    private boolean update(long id, SwapForm form) {
        if (!entries.update(form.toSwap(id))) return false;
        changed(AuditAction.UPDATE, SWAP, id, swapDetails(form));
        return true;
    }

    private static Map<String, Object> swapDetails(SwapForm form) {
        return Map.of("date", form.getDate().toString(), "working", form.getWorking());
    }

    @Transactional
    boolean deleteSwap(long id) {
        var swap = entries.swap(id);
        if (swap.isEmpty() || !entries.deleteSwap(id)) return false;
        changed(AuditAction.DELETE, SWAP, id, Map.of("date", swap.get().date().toString()));
        return true;
    }

    private long create(PeriodForm form) {
        long id = entries.insert(form.toPeriod(0));
        changed(AuditAction.CREATE, PERIOD, id, periodDetails(form));
        return id;
    }

    private boolean update(long id, PeriodForm form) {
        if (!entries.update(form.toPeriod(id))) return false;
        changed(AuditAction.UPDATE, PERIOD, id, periodDetails(form));
        return true;
    }

    private static Map<String, Object> periodDetails(PeriodForm form) {
        return Map.of("firstDay", form.getFirstDay().toString(), "lastDay", form.getLastDay().toString(),
                "grades", form.getGrades());
    }

    @Transactional
    boolean deleteSchoolHoliday(long id) {
        var period = entries.schoolHoliday(id);
        if (period.isEmpty() || !entries.deleteSchoolHoliday(id)) return false;
        changed(AuditAction.DELETE, PERIOD, id, Map.of("firstDay", period.get().firstDay().toString()));
        return true;
    }

    private void changed(AuditAction action, String what, long id, Map<String, ?> details) {
        audit.record(AuditEntry.of(action, what, id, "", null).because("calendar maintenance").with(details));
        events.publishEvent(new CalendarChanged(what, id));
    }
}
