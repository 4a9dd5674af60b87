package kz.bilim.opendata.internal;

import kz.bilim.BilimTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** OD-1, OD-2: the catalogue of appendix 2 and each dataset's periods on the working-day calendar. */
@BilimTest
class ReleaseScheduleTest {

    @Autowired
    Catalogue catalogue;
    @Autowired
    ReleaseSchedule schedule;

    private Dataset dataset(int number) {
        return catalogue.dataset(number).orElseThrow();
    }

    @Test
    @DisplayName("OD-1, OD-2 the catalogue holds the 61 datasets of appendix 2, each with its period, deadline and source")
    void catalogue() {
        var all = catalogue.datasets();
        assertThat(all).extracting(Dataset::number).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 61).boxed().toList());
        assertThat(all).allSatisfy(d -> {
            assertThat(d.nameKk()).isNotBlank();
            assertThat(d.nameRu()).isNotBlank();
            // OD-2: the appendix names the portal's workstation as the source of every one of them
            assertThat(d.source()).isEqualTo(Dataset.Source.PORTAL_WORKSTATION);
        });
        assertThat(dataset(10).periodicity()).isEqualTo(Periodicity.QUARTERLY);
        assertThat(dataset(10).deadline()).isEqualTo(Deadline.DAY10);
        assertThat(dataset(28).periodicity()).isEqualTo(Periodicity.EVERY_3_YEARS);
        assertThat(dataset(29).periodicity()).isEqualTo(Periodicity.EVERY_4_YEARS);
        assertThat(dataset(30).deadline()).isEqualTo(Deadline.WD10_AFTER_APPROVAL);
        assertThat(dataset(61).deadline()).isEqualTo(Deadline.M09);
        assertThat(all).filteredOn(Dataset::generated).extracting(Dataset::number)
                .containsExactly(5, 6, 7, 8, 10, 23, 26, 49, 61);
    }

    @Test
    @DisplayName("OD-1 a yearly dataset is accepted from the first day of its quarter and due on the quarter's last day")
    void yearlyWithinQuarter() {
        assertThat(schedule.obligations(dataset(6), 2026, List.of()))
                .containsExactly(new Obligation("2026", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)));
        assertThat(schedule.obligations(dataset(5), 2026, List.of()))
                .containsExactly(new Obligation("2026", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)));
        assertThat(schedule.obligations(dataset(61), 2026, List.of()))
                .containsExactly(new Obligation("2026", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30)));
    }

    @Test
    @DisplayName("OD-1 a quarterly dataset is due by the 10th of the next month, moved off a day off (Civil Code art. 181)")
    void quarterlyByTheTenth() {
        var quarters = schedule.obligations(dataset(10), 2026, List.of());
        assertThat(quarters).extracting(Obligation::period).containsExactly("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4");
        assertThat(quarters.get(0)).isEqualTo(new Obligation("2026-Q1", LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 4, 10))); // a Friday
        // 10 October 2026 is a Saturday: due on Monday the 12th
        assertThat(quarters.get(2)).isEqualTo(new Obligation("2026-Q3", LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 12)));
        assertThat(quarters.get(3).due()).isEqualTo(LocalDate.of(2027, 1, 11)); // 10 January 2027 is a Sunday
    }

    @Test
    @DisplayName("OD-1 a survey every 3 or 4 years is due only in its years, counted from 2016")
    void everyFewYears() {
        assertThat(schedule.obligations(dataset(28), 2025, List.of())).extracting(Obligation::period).containsExactly("2025");
        assertThat(schedule.obligations(dataset(28), 2026, List.of())).isEmpty();
        assertThat(schedule.obligations(dataset(29), 2024, List.of())).extracting(Obligation::period).containsExactly("2024");
        assertThat(schedule.obligations(dataset(29), 2026, List.of())).isEmpty();
        // in 2026 PISA is measured by its 2025 round, and the next is 2028
        var day = LocalDate.of(2026, 12, 3);
        assertThat(schedule.current(dataset(28), day, List.of()).orElseThrow().period()).isEqualTo("2025");
        assertThat(schedule.next(dataset(28), day, List.of()).orElseThrow().period()).isEqualTo("2028");
    }

    @Test
    @DisplayName("OD-1 the list of state services is due within 10 working days of each approval")
    void tenWorkingDaysAfterApproval() {
        // Monday 2 March 2026; 8 March falls on a Sunday, so Monday 9 March is a day off
        var approval = LocalDate.of(2026, 3, 2);
        assertThat(schedule.obligations(dataset(30), 2026, List.of(approval)))
                .containsExactly(new Obligation("2026-03-02", approval, LocalDate.of(2026, 3, 17)));
        assertThat(schedule.obligations(dataset(30), 2026, List.of())).isEmpty();
        assertThat(schedule.current(dataset(30), LocalDate.of(2026, 3, 1), List.of(approval))).isEmpty();
    }

    @Test
    @DisplayName("OD-1 a dataset published twice a year has a half-year period from its first year")
    void twiceAYear() {
        assertThat(schedule.obligations(dataset(46), 2026, List.of())).extracting(Obligation::period)
                .containsExactly("2026-H1", "2026-H2");
        assertThat(schedule.obligations(dataset(46), 2026, List.of()).get(0).due()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(schedule.obligation(dataset(46), "2026-Q1", List.of())).isEmpty();
        assertThat(schedule.obligation(dataset(6), "2026", List.of())).isPresent();
        assertThat(schedule.obligation(dataset(6), "2026-Q1", List.of())).isEmpty();
        assertThat(schedule.obligation(dataset(6), "1999", List.of())).isEmpty();
    }
}
