package kz.bilim.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory calendar with the statutory holidays of 2018-2030 and the decree swaps the rule tests need, built the
 * way the seed migrations are, so that the rules can be tested without a database.
 */
final class CalendarFixture {

    static final LocalizedName NEW_YEAR = new LocalizedName("Жаңа жыл", "Новый год", "New Year");
    static final LocalizedName CHRISTMAS = new LocalizedName("Православиелік Рождество", "Православное Рождество", "Orthodox Christmas");
    static final LocalizedName NAURYZ = new LocalizedName("Наурыз мейрамы", "Наурыз мейрамы", "Nauryz");
    static final LocalizedName KURBAN_AIT = new LocalizedName("Құрбан айт", "Курбан айт", "Kurban Ait");
    static final LocalizedName VICTORY = new LocalizedName("Жеңіс күні", "День Победы", "Victory Day");

    private CalendarFixture() {
    }

    static List<PublicHoliday> holidays() {
        List<PublicHoliday> holidays = new ArrayList<>();
        for (int y = WorkingCalendar.FIRST_YEAR; y <= WorkingCalendar.LAST_YEAR; y++) {
            holidays.add(moving(y, 1, 1, NEW_YEAR));
            holidays.add(moving(y, 1, 2, NEW_YEAR));
            holidays.add(PublicHoliday.of(LocalDate.of(y, 1, 7), CHRISTMAS, false));
            holidays.add(moving(y, 3, 8, name("8 March")));
            holidays.add(moving(y, 3, 21, NAURYZ));
            holidays.add(moving(y, 3, 22, NAURYZ));
            holidays.add(moving(y, 3, 23, NAURYZ));
            holidays.add(moving(y, 5, 1, name("Unity Day")));
            holidays.add(moving(y, 5, 7, name("Defender of the Fatherland Day")));
            holidays.add(moving(y, 5, 9, VICTORY));
            holidays.add(moving(y, 7, 6, name("Capital Day")));
            holidays.add(moving(y, 12, 16, name("Independence Day")));
            if (y <= 2021) holidays.add(moving(y, 12, 17, name("Independence Day")));
            if (y >= 2022) holidays.add(moving(y, 10, 25, name("Republic Day")));
            if (y <= 2025) holidays.add(moving(y, 8, 30, name("Constitution Day")));
            if (y >= 2027) holidays.add(moving(y, 3, 15, name("Constitution Day")));
        }
        for (String kurban : List.of("2022-07-09", "2023-06-28", "2024-06-16", "2025-06-06", "2026-05-27"))
            holidays.add(PublicHoliday.of(LocalDate.parse(kurban), KURBAN_AIT, false));
        return holidays;
    }

    static List<DaySwap> swaps() {
        return List.of(
                DaySwap.of(LocalDate.of(2020, 5, 11), true, "Decree 2020"),
                DaySwap.of(LocalDate.of(2020, 5, 8), false, "Decree 2020"),
                DaySwap.of(LocalDate.of(2023, 7, 1), true, "Decree 2023"),
                DaySwap.of(LocalDate.of(2023, 7, 7), false, "Decree 2023"),
                DaySwap.of(LocalDate.of(2024, 5, 4), true, "Order 2024"),
                DaySwap.of(LocalDate.of(2024, 5, 8), false, "Order 2024"),
                DaySwap.of(LocalDate.of(2025, 1, 5), true, "Order No. 436"),
                DaySwap.of(LocalDate.of(2025, 1, 3), false, "Order No. 436"));
    }

    static List<SchoolHolidayPeriod> schoolHolidays() {
        return List.of(
                SchoolHolidayPeriod.of(2025, name("Autumn holidays"), LocalDate.of(2025, 10, 27), LocalDate.of(2025, 11, 2), "ALL"),
                SchoolHolidayPeriod.of(2025, name("Winter holidays"), LocalDate.of(2025, 12, 29), LocalDate.of(2026, 1, 7), "ALL"),
                SchoolHolidayPeriod.of(2025, name("Extra first-grade holidays"), LocalDate.of(2026, 2, 9), LocalDate.of(2026, 2, 15), "1"),
                SchoolHolidayPeriod.of(2025, name("Spring holidays"), LocalDate.of(2026, 3, 19), LocalDate.of(2026, 3, 29), "ALL"),
                SchoolHolidayPeriod.of(2025, name("Summer holidays"), LocalDate.of(2026, 5, 26), LocalDate.of(2026, 8, 31), "ALL"));
    }

    static WorkingCalendar calendar() {
        return WorkingCalendar.of(holidays(), swaps(), schoolHolidays());
    }

    private static PublicHoliday moving(int year, int month, int day, LocalizedName name) {
        return PublicHoliday.of(LocalDate.of(year, month, day), name, true);
    }

    private static LocalizedName name(String en) {
        return new LocalizedName(en + " (kk)", en + " (ru)", en);
    }
}
