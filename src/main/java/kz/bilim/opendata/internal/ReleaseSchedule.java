package kz.bilim.opendata.internal;

import kz.bilim.calendar.WorkingCalendar;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * OD-1: which periods a dataset must be published for, from when, and by which day — appendix 2's update period and
 * deadline read on the working-day calendar (docs/opendata.md "The schedule"):
 * <ul>
 *     <li>within a quarter or a month: the period is the year; accepted from the first day of that quarter or month,
 *     due on its last day;</li>
 *     <li>quarterly "by the 10th of the month after the reporting quarter": the period is the quarter; accepted from
 *     the day after it ends, due on the 10th of the next month;</li>
 *     <li>every 3 or 4 years: as yearly, in the years counted from the first one (PISA, TIMSS: 2016);</li>
 *     <li>twice a year: each half-year, due on its last day;</li>
 *     <li>on events: "within 10 working days after the approval" (No. 30) or the date set (No. 50).</li>
 * </ul>
 * A due day that is a day off moves to the next working day (Civil Code art. 181; {@link WorkingCalendar#deadline}).
 */
@Component
class ReleaseSchedule {

    /** No. 30: "within 10 working days" of the approval. */
    static final int WORKING_DAYS_AFTER_APPROVAL = 10;
    /** No. 30: "at most twice a year". */
    static final int APPROVALS_PER_YEAR = 2;

    private final WorkingCalendar calendar;

    ReleaseSchedule(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * The obligations whose period lies in the year (an event's: the event's year), in the order they open;
     * {@code events} are the dataset's recorded events (ignored unless it is published on events).
     */
    List<Obligation> obligations(Dataset dataset, int year, Collection<LocalDate> events) {
        var found = new ArrayList<Obligation>();
        switch (dataset.periodicity()) {
            case YEARLY -> found.add(withinYear(dataset, year));
            case EVERY_3_YEARS, EVERY_4_YEARS -> {
                int every = dataset.periodicity() == Periodicity.EVERY_3_YEARS ? 3 : 4;
                int first = dataset.firstYear() == null ? year : dataset.firstYear();
                if (year >= first && (year - first) % every == 0) found.add(withinYear(dataset, year));
            }
            case QUARTERLY -> {
                for (int q = 1; q <= 4; q++) {
                    var lastMonth = YearMonth.of(year, q * 3);
                    var tenth = lastMonth.plusMonths(1).atDay(10);
                    if (!WorkingCalendar.covers(tenth)) continue; // the calendar's last quarter: not yet known
                    found.add(new Obligation(year + "-Q" + q, lastMonth.atEndOfMonth().plusDays(1), due(tenth)));
                }
            }
            case TWICE_A_YEAR -> {
                if (dataset.firstYear() == null || year >= dataset.firstYear()) {
                    found.add(new Obligation(year + "-H1", LocalDate.of(year, 1, 1), due(LocalDate.of(year, 6, 30))));
                    found.add(new Obligation(year + "-H2", LocalDate.of(year, 7, 1), due(LocalDate.of(year, 12, 31))));
                }
            }
            case AT_MOST_TWICE_A_YEAR, AT_SET_DATES -> events.stream().filter(d -> d.getYear() == year).sorted()
                    .forEach(d -> found.add(byEvent(dataset, d)));
        }
        found.sort(Comparator.comparing(Obligation::opens));
        return found;
    }

    /** The obligation of a period the dataset has ("2026", "2026-Q3", an event's date), or empty for another. */
    Optional<Obligation> obligation(Dataset dataset, String period, Collection<LocalDate> events) {
        if (period == null || !period.matches("\\d{4}.*")) return Optional.empty();
        int year = Integer.parseInt(period.substring(0, 4));
        if (!WorkingCalendar.covers(LocalDate.of(year, 1, 1))) return Optional.empty();
        return obligations(dataset, year, events).stream().filter(o -> o.period().equals(period)).findFirst();
    }

    /**
     * The obligation a dataset is measured by on a day: the last one that has opened (this year's, or last year's
     * when none has opened yet this year); empty when it has none (a dataset on events before its first event, a
     * survey in a year between its rounds).
     */
    Optional<Obligation> current(Dataset dataset, LocalDate day, Collection<LocalDate> events) {
        for (int year = day.getYear(); year >= Math.max(WorkingCalendar.FIRST_YEAR, day.getYear() - 4); year--) {
            var opened = obligations(dataset, year, events).stream().filter(o -> o.openOn(day)).toList();
            if (!opened.isEmpty()) return Optional.of(opened.get(opened.size() - 1));
        }
        return Optional.empty();
    }

    /** The next obligation that has not opened on the day (what is coming), if the calendar reaches it. */
    Optional<Obligation> next(Dataset dataset, LocalDate day, Collection<LocalDate> events) {
        for (int year = day.getYear(); year <= Math.min(WorkingCalendar.LAST_YEAR, day.getYear() + 4); year++) {
            var coming = obligations(dataset, year, events).stream().filter(o -> !o.openOn(day)).findFirst();
            if (coming.isPresent()) return coming;
        }
        return Optional.empty();
    }

    private Obligation withinYear(Dataset dataset, int year) {
        return switch (dataset.deadline()) {
            case Q1, Q2, Q3, Q4 -> {
                int quarter = dataset.deadline().ordinal() - Deadline.Q1.ordinal() + 1;
                var first = YearMonth.of(year, quarter * 3 - 2);
                yield new Obligation(String.valueOf(year), first.atDay(1), due(first.plusMonths(2).atEndOfMonth()));
            }
            case M09, M12 -> {
                var month = YearMonth.of(year, dataset.deadline() == Deadline.M09 ? Month.SEPTEMBER : Month.DECEMBER);
                yield new Obligation(String.valueOf(year), month.atDay(1), due(month.atEndOfMonth()));
            }
            default -> throw new IllegalStateException("dataset " + dataset.number() + ": a yearly period has no "
                    + dataset.deadline() + " deadline");
        };
    }

    private Obligation byEvent(Dataset dataset, LocalDate event) {
        LocalDate due = dataset.deadline() == Deadline.WD10_AFTER_APPROVAL
                ? calendar.addWorkingDays(event, WORKING_DAYS_AFTER_APPROVAL) : due(event);
        return new Obligation(event.toString(), event, due);
    }

    private LocalDate due(LocalDate day) {
        return calendar.deadline(day).toLocalDate();
    }
}
