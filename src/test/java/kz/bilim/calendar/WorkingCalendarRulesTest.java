package kz.bilim.calendar;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The calendar's rules on in-memory data (no database): the weekend transfer, decree swaps, TR-5/13/14, EIS-8. */
class WorkingCalendarRulesTest {

    private final WorkingCalendar calendar = CalendarFixture.calendar();

    private static ZonedDateTime almaty(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.ZONE);
    }

    @Test
    @DisplayName("weekend transfer: New Year 2022 on Saturday and Sunday gives Monday 3 and Tuesday 4 January off, named '(transferred)'")
    void newYear2022MovesToMondayAndTuesday() {
        CalendarDay monday = calendar.day(LocalDate.of(2022, 1, 3));
        assertThat(monday.working()).isFalse();
        assertThat(monday.kind()).isEqualTo(DayKind.TRANSFERRED_DAY_OFF);
        assertThat(monday.holidayName(Locale.ENGLISH)).isEqualTo("New Year (transferred)");
        assertThat(monday.holidayName(Locale.forLanguageTag("kk"))).isEqualTo("Жаңа жыл (ауыстырылған)");
        assertThat(monday.holidayName(Locale.forLanguageTag("ru"))).isEqualTo("Новый год (перенос)");
        assertThat(calendar.isWorkingDay(LocalDate.of(2022, 1, 4))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2022, 1, 5))).isTrue();
        assertThat(calendar.day(LocalDate.of(2022, 1, 2)).kind()).isEqualTo(DayKind.HOLIDAY);
    }

    @ParameterizedTest(name = "{0} is a day off ({1})")
    @CsvSource({
            "2023-01-03, TRANSFERRED_DAY_OFF", // 1 Jan 2023 Sunday; 2 Jan is itself a holiday, so the day off is Tuesday
            "2025-03-24, TRANSFERRED_DAY_OFF", // Nauryz 22-23 March 2025 on Saturday and Sunday
            "2025-03-25, TRANSFERRED_DAY_OFF",
            "2026-03-24, TRANSFERRED_DAY_OFF", // Nauryz 21-22 March 2026 on Saturday and Sunday; 23 March is Monday
            "2026-03-25, TRANSFERRED_DAY_OFF",
            "2026-03-09, TRANSFERRED_DAY_OFF", // 8 March 2026 Sunday
            "2025-03-21, HOLIDAY"})
    @DisplayName("weekend transfer: a holiday on a weekend gives the next working day off, consecutive ones in order")
    void weekendHolidaysMove(LocalDate date, DayKind kind) {
        assertThat(calendar.day(date).kind()).isEqualTo(kind);
        assertThat(calendar.isWorkingDay(date)).isFalse();
    }

    @Test
    @DisplayName("weekend transfer exception: Orthodox Christmas on Saturday 7 January 2023 does not move; Monday 9 January is a working day")
    void orthodoxChristmasDoesNotMove() {
        assertThat(calendar.day(LocalDate.of(2023, 1, 7)).kind()).isEqualTo(DayKind.HOLIDAY);
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 1, 9))).isTrue();
    }

    @Test
    @DisplayName("weekend transfer exception: Kurban Ait on Sunday 16 June 2024 does not move; Monday 17 June is a working day")
    void kurbanAitDoesNotMove() {
        assertThat(calendar.day(LocalDate.of(2024, 6, 16)).holidayName(Locale.ENGLISH)).isEqualTo("Kurban Ait");
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 6, 17))).isTrue();
    }

    @Test
    @DisplayName("decree swaps: Saturday 4 May 2024 is a working day and Wednesday 8 May 2024 a day off, with the decree")
    void decreeSwaps2024() {
        CalendarDay saturday = calendar.day(LocalDate.of(2024, 5, 4));
        assertThat(saturday.working()).isTrue();
        assertThat(saturday.kind()).isEqualTo(DayKind.DECREE_WORKING_DAY);
        assertThat(saturday.decree()).isEqualTo("Order 2024");
        CalendarDay wednesday = calendar.day(LocalDate.of(2024, 5, 8));
        assertThat(wednesday.working()).isFalse();
        assertThat(wednesday.kind()).isEqualTo(DayKind.DECREE_DAY_OFF);
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 3))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 5))).isTrue();
    }

    @Test
    @DisplayName("decree swaps override the weekend transfer: 11 May 2020 (Victory Day moved off Saturday) was worked, 8 May off")
    void decreeOverridesTransfer() {
        assertThat(calendar.dayBeforeDecreeSwaps(LocalDate.of(2020, 5, 11)).kind()).isEqualTo(DayKind.TRANSFERRED_DAY_OFF);
        assertThat(calendar.isWorkingDay(LocalDate.of(2020, 5, 11))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2020, 5, 8))).isFalse();
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            "2024-05-03, 3, 2024-05-10", // Sat 4 May worked by decree; 7 holiday, 8 decree day off, 9 holiday
            "2024-05-03, 1, 2024-05-04",
            "2025-03-20, 1, 2025-03-26", // Nauryz 21 March 2025 and its two transferred days 24-25 March
            "2024-05-10, -3, 2024-05-03",
            "2024-05-05, 0, 2024-05-05",
            "2024-12-31, 1, 2025-01-05"}) // 1-2 Jan holidays, 3 Jan decree day off, 4 Saturday, Sunday 5 Jan worked by decree
    @DisplayName("TR-5, TR-13: N working days from a date skip weekends, holidays and transferred days, and count decree working days")
    void addWorkingDays(LocalDate from, int n, LocalDate expected) {
        assertThat(calendar.addWorkingDays(from, n)).isEqualTo(expected);
    }

    @Test
    @DisplayName("TR-14, EIS-8: the next working day after a Friday before a transferred holiday Monday is Tuesday")
    void nextWorkingDay() {
        assertThat(calendar.nextWorkingDay(LocalDate.of(2025, 3, 7))).isEqualTo(LocalDate.of(2025, 3, 11));
        assertThat(calendar.nextWorkingDay(LocalDate.of(2024, 5, 3))).isEqualTo(LocalDate.of(2024, 5, 4));
    }

    @ParameterizedTest(name = "due {0} -> {1}")
    @CsvSource({
            "2024-05-06, 2024-05-06T23:59:59.999+05:00[Asia/Almaty]", // a working Monday: the end of that day
            "2024-05-25, 2024-05-27T23:59:59.999+05:00[Asia/Almaty]", // Saturday -> end of Monday
            "2024-05-08, 2024-05-10T23:59:59.999+05:00[Asia/Almaty]", // decree day off, then Victory Day -> Friday
            "2025-03-22, 2025-03-26T23:59:59.999+05:00[Asia/Almaty]", // Nauryz weekend and its transferred days
            "2024-02-24, 2024-02-26T23:59:59.999+06:00[Asia/Almaty]"}) // before 1 March 2024 Almaty was UTC+6
    @DisplayName("EIS-8: a deadline on a day off moves to the end of the next working day (23:59:59.999 Almaty)")
    void deadline(LocalDate due, String expected) {
        assertThat(calendar.deadline(due)).isEqualTo(ZonedDateTime.parse(expected));
    }

    @ParameterizedTest(name = "{0} open: {1}")
    @CsvSource({
            "2024-05-06T08:59, false",
            "2024-05-06T09:00, true",
            "2024-05-06T12:59, true",
            "2024-05-06T13:00, false", // break 13:00-14:30
            "2024-05-06T14:29, false",
            "2024-05-06T14:30, true",
            "2024-05-06T18:29, true",
            "2024-05-06T18:30, false",
            "2024-05-11T10:00, false", // Saturday
            "2024-05-07T10:00, false", // Defender of the Fatherland Day
            "2024-05-08T10:00, false", // day off by decree
            "2024-05-04T10:00, true"}) // Saturday worked by decree
    @DisplayName("TR-14: provider hours Monday-Friday 9:00-18:30, break 13:00-14:30, closed on weekends and holidays")
    void providerHours(String at, boolean open) {
        assertThat(calendar.isProviderOpen(almaty(at))).isEqualTo(open);
    }

    @Test
    @DisplayName("TR-14: office hours follow Almaty's clock across the move from UTC+6 to UTC+5 on 1 March 2024")
    void providerHoursAcrossTheTimeZoneChange() {
        assertThat(calendar.isProviderOpen(ZonedDateTime.parse("2024-02-29T03:30Z"))).isTrue();  // 09:30 at UTC+6
        assertThat(calendar.isProviderOpen(ZonedDateTime.parse("2024-03-01T03:30Z"))).isFalse(); // 08:30 at UTC+5
        assertThat(calendar.isProviderOpen(ZonedDateTime.parse("2024-03-01T04:00Z"))).isTrue();  // 09:00 at UTC+5
        assertThat(calendar.nextProviderOpening(ZonedDateTime.parse("2024-03-01T03:30Z")).toInstant())
                .isEqualTo(Instant.parse("2024-03-01T04:00:00Z"));
    }

    @ParameterizedTest(name = "at {0} next opening {1}")
    @CsvSource({
            "2024-05-06T10:15, 2024-05-06T10:15", // open: now
            "2024-05-06T07:00, 2024-05-06T09:00",
            "2024-05-06T13:15, 2024-05-06T14:30", // lunch break
            "2024-05-03T19:00, 2024-05-04T09:00", // Friday evening -> Saturday worked by decree
            "2025-03-07T19:00, 2025-03-11T09:00", // 8 March 2025 Saturday moved to Monday 10 March
            "2024-05-07T11:00, 2024-05-10T09:00"}) // holiday, decree day off, holiday
    @DisplayName("TR-14: the next moment the provider is open")
    void nextOpening(String at, String expected) {
        assertThat(calendar.nextProviderOpening(almaty(at))).isEqualTo(almaty(expected));
    }

    @ParameterizedTest(name = "received {0} -> processed {1}")
    @CsvSource({
            "2024-05-13T05:00:00Z, 2024-05-13", // Monday 10:00 Almaty: same day
            "2024-05-13T02:00:00Z, 2024-05-13", // Monday 07:00, before opening: same day
            "2024-05-13T08:30:00Z, 2024-05-13", // Monday 13:30, lunch break: same day
            "2024-05-13T13:31:00Z, 2024-05-14", // Monday 18:31, after hours: next working day
            "2024-05-11T06:00:00Z, 2024-05-13", // Saturday: Monday
            "2024-05-06T15:30:00Z, 2024-05-10", // Monday 20:30 before a holiday, a decree day off and a holiday
            "2024-05-03T18:00:00Z, 2024-05-04"}) // Friday 23:00 -> Saturday 4 May, worked by decree
    @DisplayName("TR-14: the portal takes applications around the clock; after hours or on a day off they are processed the next working day")
    void processingDay(Instant received, LocalDate expected) {
        assertThat(calendar.processingDay(received)).isEqualTo(expected);
    }

    @Test
    @DisplayName("school holidays: all grades in winter; the February week only for the first grade")
    void schoolHolidays() {
        assertThat(calendar.isSchoolHoliday(LocalDate.of(2026, 1, 5))).isTrue();
        assertThat(calendar.isSchoolHoliday(LocalDate.of(2026, 1, 8))).isFalse();
        assertThat(calendar.isSchoolHoliday(LocalDate.of(2026, 2, 10))).isFalse();
        assertThat(calendar.isSchoolHoliday(LocalDate.of(2026, 2, 10), 1)).isTrue();
        assertThat(calendar.isSchoolHoliday(LocalDate.of(2026, 2, 10), 2)).isFalse();
        assertThat(calendar.hasSchoolHolidays(2025)).isTrue();
        assertThat(calendar.hasSchoolHolidays(2029)).isFalse();
    }

    @Test
    @DisplayName("SC-2: 5 calendar days before a date")
    void calendarDaysBefore() {
        assertThat(calendar.calendarDaysBefore(LocalDate.of(2026, 10, 5), 5)).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(calendar.calendarDaysBefore(LocalDate.of(2026, 3, 2), 5)).isEqualTo(LocalDate.of(2026, 2, 25));
    }

    @Test
    @DisplayName("only 2018-2030 are covered: other dates, or counting past the end, are refused")
    void outsideTheCoveredYears() {
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2017, 12, 31))).isInstanceOf(DateOutsideCalendar.class);
        assertThatThrownBy(() -> calendar.day(LocalDate.of(2031, 1, 1))).isInstanceOf(DateOutsideCalendar.class);
        assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2030, 12, 30), 5))
                .isInstanceOf(DateOutsideCalendar.class)
                .extracting(e -> ((DateOutsideCalendar) e).date()).isEqualTo(LocalDate.of(2031, 1, 1));
        assertThatThrownBy(() -> calendar.nextWorkingDay(LocalDate.of(2030, 12, 31))).isInstanceOf(DateOutsideCalendar.class);
        assertThat(calendar.isWorkingDay(LocalDate.of(2018, 1, 3))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 12, 30))).isTrue();
    }
}
