package kz.bilim.calendar;

import kz.bilim.BilimTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed migrations against the published calendars of 2018-2027, read through the loaded WorkingCalendar. */
@BilimTest
class SeededCalendarTest {

    @Autowired
    WorkingCalendar calendar;

    @ParameterizedTest(name = "{0} working: {1}")
    @CsvSource({
            "2018-08-25, true", "2018-08-31, false", // decree 2018
            "2018-04-30, false",
            "2018-12-03, false", // First President's Day on Saturday 1 December 2018
            "2018-12-18, false", // Independence Day 16 December 2018 on Sunday; 17 December is a holiday too
            "2019-03-25, false", "2019-07-08, false", "2019-12-02, false",
            "2020-01-03, false", "2020-01-05, true", "2020-03-24, false", "2020-03-25, false",
            "2020-05-08, false", "2020-05-11, true", "2020-08-31, false", "2020-12-18, false", "2020-12-20, true",
            "2021-01-04, false", "2021-07-03, true", "2021-07-05, false", "2021-12-17, false",
            "2022-01-03, false", "2022-01-04, false", "2022-03-05, true", "2022-03-07, false", "2022-05-10, false",
            "2022-10-22, true", "2022-10-24, false", "2022-12-01, true",
            "2023-01-03, false", "2023-01-09, true", "2023-07-01, true", "2023-07-07, false", "2023-12-18, false",
            "2024-03-25, false", "2024-05-04, true", "2024-05-08, false", "2024-06-17, true", "2024-07-08, false",
            "2025-01-03, false", "2025-01-05, true", "2025-03-24, false", "2025-03-25, false", "2025-06-06, false",
            "2025-07-07, false", "2025-09-01, false", "2025-10-27, false",
            "2026-01-05, true", "2026-03-09, false", "2026-03-24, false", "2026-03-25, false", "2026-05-11, false",
            "2026-05-27, false", "2026-08-31, true", "2026-10-26, false",
            "2027-03-15, false"})
    @DisplayName("TR-5, TR-13: the seeded calendar gives the published working days and days off, 2018-2027")
    void publishedDays(LocalDate date, boolean working) {
        assertThat(calendar.isWorkingDay(date)).isEqualTo(working);
    }

    @Test
    @DisplayName("every covered year has the statutory holidays; Orthodox Christmas and Kurban Ait never move")
    void everyYearHasItsHolidays() {
        for (int year = WorkingCalendar.FIRST_YEAR; year <= WorkingCalendar.LAST_YEAR; year++) {
            for (int[] md : new int[][]{{1, 1}, {1, 2}, {1, 7}, {3, 8}, {3, 21}, {3, 22}, {3, 23}, {5, 1}, {5, 7}, {5, 9}, {7, 6}, {12, 16}}) {
                LocalDate date = LocalDate.of(year, md[0], md[1]);
                assertThat(calendar.day(date).kind()).as(date.toString()).isEqualTo(DayKind.HOLIDAY);
            }
            long kurbanAit = calendar.year(year).stream()
                    .filter(d -> d.kind() == DayKind.HOLIDAY && "Kurban Ait".equals(d.holidayName(Locale.ENGLISH)))
                    .count();
            assertThat(kurbanAit).as("Kurban Ait in " + year).isEqualTo(1);
        }
        assertThat(calendar.day(LocalDate.of(2023, 1, 7)).holidayName(Locale.forLanguageTag("kk")))
                .isEqualTo("Православиелік Рождество");
    }

    @Test
    @DisplayName("school holidays of 2024-2025, 2025-2026 and 2026-2027 are entered, with the first grade's February week")
    void schoolHolidays() {
        assertThat(calendar.hasSchoolHolidays(2024)).isTrue();
        assertThat(calendar.hasSchoolHolidays(2025)).isTrue();
        assertThat(calendar.hasSchoolHolidays(2026)).isTrue();
        assertThat(calendar.isSchoolHoliday(LocalDate.of(2025, 10, 29))).isTrue();
        assertThat(calendar.isSchoolHoliday(LocalDate.of(2026, 2, 11))).isFalse();
        assertThat(calendar.isSchoolHoliday(LocalDate.of(2026, 2, 11), 1)).isTrue();
        assertThat(calendar.isSchoolHoliday(LocalDate.of(2026, 3, 30))).isFalse();
    }

    @Test
    @DisplayName("TR-1: every summer the calendar covers (2018-2030) is a school holiday of all grades, from the day after the last lessons to 31 August")
    void summerHolidaysEveryYear() {
        for (int year = WorkingCalendar.FIRST_YEAR; year <= WorkingCalendar.LAST_YEAR; year++) {
            LocalDate first = year == 2023 ? LocalDate.of(2023, 6, 1) : LocalDate.of(year, 5, 26);
            assertThat(calendar.schoolHoliday(first)).as("summer " + year).isPresent()
                    .get().extracting(p -> p.name().en(), p -> p.firstDay(), p -> p.lastDay())
                    .containsExactly("Summer holidays", first, LocalDate.of(year, 8, 31));
            assertThat(calendar.isSchoolHoliday(first.minusDays(1))).as("last lessons " + year).isFalse();
            assertThat(calendar.isSchoolHoliday(LocalDate.of(year, 7, 15), 10)).as("July " + year).isTrue();
        }
        assertThat(calendar.isSchoolHoliday(LocalDate.of(2026, 9, 1))).isFalse();
    }
}
