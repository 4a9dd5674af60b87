package kz.bilim.calendar;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one rule for every term (docs/terms.md), on in-memory data: what arrives outside office hours is registered at
 * the next opening; a term of N working days runs from the day after registration to 18:30 of its Nth working day.
 */
class TermRulesTest {

    private final WorkingCalendar calendar = CalendarFixture.calendar();

    private static Instant almaty(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.ZONE).toInstant();
    }

    private static ZonedDateTime at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.ZONE);
    }

    @ParameterizedTest(name = "received {0}, {1} working day(s): registered {2}, due {3}")
    @CsvSource({
            // a Friday-evening application: registered on Monday morning, due at Tuesday's close
            "2026-05-29T19:05, 1, 2026-06-01T09:00, 2026-06-02T18:30",
            "2026-05-29T19:05, 3, 2026-06-01T09:00, 2026-06-04T18:30",
            // received in office hours on the day before Nauryz 2026 (21-23 March, 24-25 transferred): registered at once
            "2026-03-20T10:00, 1, 2026-03-20T10:00, 2026-03-26T18:30",
            "2026-03-20T10:00, 3, 2026-03-20T10:00, 2026-03-30T18:30",
            // received after hours that same Friday: registered at the first opening after the holidays
            "2026-03-20T18:45, 1, 2026-03-26T09:00, 2026-03-27T18:30",
            // received on Monday 9 March 2026, the day off transferred from 8 March (a Sunday)
            "2026-03-09T11:00, 1, 2026-03-10T09:00, 2026-03-11T18:30",
            // Friday 3 May 2024 evening: Saturday 4 May was a working day by decree, 7 and 9 May holidays, 8 May off by decree
            "2024-05-03T19:00, 1, 2024-05-04T09:00, 2024-05-06T18:30",
            "2024-05-03T19:00, 3, 2024-05-04T09:00, 2024-05-13T18:30",
            // New Year's Eve 2025: 1-2 January holidays, the weekend, 7 January Orthodox Christmas
            "2025-12-31T20:00, 1, 2026-01-05T09:00, 2026-01-06T18:30",
            "2025-12-31T20:00, 3, 2026-01-05T09:00, 2026-01-09T18:30"})
    @DisplayName("TR-13, TR-14: registered at the next opening, due at 18:30 of the Nth working day after registration")
    void terms(String received, int workingDays, String registered, String due) {
        Term term = calendar.term(almaty(received), workingDays);
        assertThat(term.received()).isEqualTo(at(received));
        assertThat(term.registered()).isEqualTo(at(registered));
        assertThat(term.due()).isEqualTo(at(due));
        assertThat(term.workingDays()).isEqualTo(workingDays);
    }

    @ParameterizedTest(name = "received {0}: registered {1}")
    @CsvSource({
            "2026-06-01T10:00, 2026-06-01T10:00",       // in office hours: at once
            "2026-06-01T07:30, 2026-06-01T09:00",       // before opening: at 9:00
            "2026-06-01T13:10, 2026-06-01T14:30",       // in the lunch break: when it ends
            "2026-06-01T18:29:59, 2026-06-01T18:29:59", // a second before closing: at once
            "2026-06-01T18:30, 2026-06-02T09:00",       // at closing: the next working day
            "2026-05-30T12:00, 2026-06-01T09:00"})      // Saturday: Monday
    @DisplayName("TR-14: what arrives outside the provider's hours is registered at the next opening")
    void registration(String received, String registered) {
        assertThat(calendar.registered(almaty(received))).isEqualTo(at(registered));
    }

    @Test
    @DisplayName("TR-13: the day of registration is never counted, even when registered at 9:00")
    void registrationDayNotCounted() {
        Term term = calendar.term(almaty("2026-06-01T09:00"), 1);
        assertThat(term.registered()).isEqualTo(at("2026-06-01T09:00"));
        assertThat(term.due()).isEqualTo(at("2026-06-02T18:30"));
    }

    @Test
    @DisplayName("TR-13, TR-14: across Almaty's move from UTC+6 to UTC+5 (1 March 2024) the offsets follow the clock")
    void acrossTheTimeZoneChange() {
        Term term = calendar.term(OffsetDateTime.parse("2024-02-29T19:00+06:00").toInstant(), 1);
        assertThat(term.received().toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2024-02-29T19:00+06:00"));
        assertThat(term.registered().toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2024-03-01T09:00+05:00"));
        assertThat(term.due().toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2024-03-04T18:30+05:00"));
    }

    @Test
    @DisplayName("TR-13: an act at 18:30:00 of the last day is in time; a moment later the term is missed")
    void dueMomentIsTheLastInTime() {
        Term term = calendar.term(almaty("2026-05-29T19:05"), 1);
        Instant due = almaty("2026-06-02T18:30");
        assertThat(term.isMetBy(due)).isTrue();
        assertThat(term.isOverdueAt(due)).isFalse();
        assertThat(term.isMetBy(due.plusMillis(1))).isFalse();
        assertThat(term.isOverdueAt(due.plusMillis(1))).isTrue();
    }

    @Test
    @DisplayName("TR-13: the term is counted from the registration day: due() of a date is 18:30 N working days later")
    void dueOfADate() {
        assertThat(calendar.due(LocalDate.of(2026, 3, 20), 1)).isEqualTo(at("2026-03-26T18:30"));
        assertThat(calendar.due(LocalDate.of(2026, 3, 20), 1).toLocalTime()).isEqualTo(WorkingCalendar.CLOSES);
    }

    @Test
    @DisplayName("a term has at least one working day; a term running past 2030 is refused")
    void limits() {
        assertThatThrownBy(() -> calendar.term(almaty("2026-06-01T10:00"), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.term(almaty("2030-12-30T10:00"), 5)).isInstanceOf(DateOutsideCalendar.class);
    }

    @Test
    @DisplayName("TR-1: the summer holidays are school holidays of every grade; 1 September is not")
    void summerHolidays() {
        assertThat(calendar.isSchoolHoliday(LocalDate.of(2026, 5, 26))).isTrue();
        assertThat(calendar.isSchoolHoliday(LocalDate.of(2026, 7, 15), 5)).isTrue();
        assertThat(calendar.isSchoolHoliday(LocalDate.of(2026, 8, 31))).isTrue();
        assertThat(calendar.isSchoolHoliday(LocalDate.of(2026, 5, 25))).isFalse();
        assertThat(calendar.isSchoolHoliday(LocalDate.of(2026, 9, 1))).isFalse();
    }
}
