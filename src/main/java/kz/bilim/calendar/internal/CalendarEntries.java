package kz.bilim.calendar.internal;

import kz.bilim.calendar.DaySwap;
import kz.bilim.calendar.LocalizedName;
import kz.bilim.calendar.PublicHoliday;
import kz.bilim.calendar.SchoolHolidayPeriod;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The calendar's tables: public holidays, decree swaps and school holiday periods. Public only so that
 * {@link kz.bilim.calendar.WorkingCalendar} in the module's base package can load them; Spring Modulith keeps other
 * modules out of {@code internal}.
 */
@Repository
public class CalendarEntries {

    private static final String HOLIDAYS = """
            select id, holiday_date, name_kk, name_ru, name_en, moves_off_weekend, note
            from public_holiday
            """;
    private static final String SWAPS = """
            select id, swap_date, working, decree, note
            from day_swap
            """;
    private static final String PERIODS = """
            select id, academic_year, name_kk, name_ru, name_en, first_day, last_day, grades, note
            from school_holiday_period
            """;
    private static final String HOLIDAYS_OF_YEAR = HOLIDAYS + """
            where holiday_date between :first and :last order by holiday_date
            """;
    private static final String SWAPS_OF_YEAR = SWAPS + """
            where swap_date between :first and :last order by swap_date
            """;
    private static final String PERIODS_OF_YEAR = PERIODS + """
            where first_day <= :last and last_day >= :first order by first_day, grades
            """;
    private static final String INSERT_HOLIDAY = """
            insert into public_holiday (holiday_date, name_kk, name_ru, name_en, moves_off_weekend, note)
            values (:date, :kk, :ru, :en, :moves, :note)
            returning id
            """;
    private static final String UPDATE_HOLIDAY = """
            update public_holiday
            set holiday_date = :date, name_kk = :kk, name_ru = :ru, name_en = :en, moves_off_weekend = :moves, note = :note,
                note_kk = case when note = :note then note_kk end, note_ru = case when note = :note then note_ru end
            where id = :id
            """;
    private static final String INSERT_SWAP = """
            insert into day_swap (swap_date, working, decree, note)
            values (:date, :working, :decree, :note)
            returning id
            """;
    private static final String UPDATE_SWAP = """
            update day_swap set swap_date = :date, working = :working, decree = :decree, note = :note,
                decree_kk = case when decree = :decree then decree_kk end,
                decree_ru = case when decree = :decree then decree_ru end,
                note_kk = case when note = :note then note_kk end, note_ru = case when note = :note then note_ru end
            where id = :id
            """;
    private static final String INSERT_PERIOD = """
            insert into school_holiday_period (academic_year, name_kk, name_ru, name_en, first_day, last_day, grades, note)
            values (:academicYear, :kk, :ru, :en, :firstDay, :lastDay, :grades, :note)
            returning id
            """;
    private static final String UPDATE_PERIOD = """
            update school_holiday_period
            set academic_year = :academicYear, name_kk = :kk, name_ru = :ru, name_en = :en, first_day = :firstDay,
                last_day = :lastDay, grades = :grades, note = :note,
                note_kk = case when note = :note then note_kk end, note_ru = case when note = :note then note_ru end
            where id = :id
            """;
    private static final String HOLIDAY_BY_ID = HOLIDAYS + """
            where id = :id
            """;
    private static final String SWAP_BY_ID = SWAPS + """
            where id = :id
            """;
    private static final String PERIOD_BY_ID = PERIODS + """
            where id = :id
            """;
    private static final String DELETE_HOLIDAY = """
            delete from public_holiday where id = :id
            """;
    private static final String DELETE_SWAP = """
            delete from day_swap where id = :id
            """;
    private static final String DELETE_PERIOD = """
            delete from school_holiday_period where id = :id
            """;
    private static final String HOLIDAY_ON = """
            select count(*) from public_holiday where holiday_date = :date and id <> :id
            """;
    private static final String SWAP_ON = """
            select count(*) from day_swap where swap_date = :date and id <> :id
            """;

    /** The Kazakh and Russian texts of every decree and note (V55), by the English text they translate. */
    private static final String TRANSLATIONS = """
            select decree as text, decree_kk as kk, decree_ru as ru from day_swap where decree_kk is not null
            union select note, note_kk, note_ru from day_swap where note_kk is not null
            union select note, note_kk, note_ru from public_holiday where note_kk is not null
            union select note, note_kk, note_ru from school_holiday_period where note_kk is not null
            """;

    private static final RowMapper<PublicHoliday> HOLIDAY = (rs, n) -> new PublicHoliday(rs.getLong("id"),
            rs.getObject("holiday_date", LocalDate.class),
            new LocalizedName(rs.getString("name_kk"), rs.getString("name_ru"), rs.getString("name_en")),
            rs.getBoolean("moves_off_weekend"), rs.getString("note"));
    private static final RowMapper<DaySwap> SWAP = (rs, n) -> new DaySwap(rs.getLong("id"),
            rs.getObject("swap_date", LocalDate.class), rs.getBoolean("working"), rs.getString("decree"),
            rs.getString("note"));
    private static final RowMapper<SchoolHolidayPeriod> PERIOD = (rs, n) -> new SchoolHolidayPeriod(rs.getLong("id"),
            rs.getInt("academic_year"),
            new LocalizedName(rs.getString("name_kk"), rs.getString("name_ru"), rs.getString("name_en")),
            rs.getObject("first_day", LocalDate.class), rs.getObject("last_day", LocalDate.class),
            rs.getString("grades"), rs.getString("note"));

    private final JdbcClient jdbc;

    CalendarEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<PublicHoliday> holidays() {
        return jdbc.sql(HOLIDAYS).query(HOLIDAY).list();
    }

    public List<DaySwap> swaps() {
        return jdbc.sql(SWAPS).query(SWAP).list();
    }

    public List<SchoolHolidayPeriod> schoolHolidays() {
        return jdbc.sql(PERIODS).query(PERIOD).list();
    }

    List<PublicHoliday> holidaysOf(int year) {
        return jdbc.sql(HOLIDAYS_OF_YEAR).params(yearBounds(year)).query(HOLIDAY).list();
    }

    List<DaySwap> swapsOf(int year) {
        return jdbc.sql(SWAPS_OF_YEAR).params(yearBounds(year)).query(SWAP).list();
    }

    List<SchoolHolidayPeriod> schoolHolidaysOf(int year) {
        return jdbc.sql(PERIODS_OF_YEAR).params(yearBounds(year)).query(PERIOD).list();
    }

    private static Map<String, Object> yearBounds(int year) {
        return java.util.Map.of("first", LocalDate.of(year, 1, 1), "last", LocalDate.of(year, 12, 31));
    }

    Optional<PublicHoliday> holiday(long id) {
        return jdbc.sql(HOLIDAY_BY_ID).param("id", id).query(HOLIDAY).optional();
    }

    Optional<DaySwap> swap(long id) {
        return jdbc.sql(SWAP_BY_ID).param("id", id).query(SWAP).optional();
    }

    Optional<SchoolHolidayPeriod> schoolHoliday(long id) {
        return jdbc.sql(PERIOD_BY_ID).param("id", id).query(PERIOD).optional();
    }

    boolean holidayExistsOn(LocalDate date, long exceptId) {
        return jdbc.sql(HOLIDAY_ON).param("date", date).param("id", exceptId).query(Long.class).single() > 0;
    }

    boolean swapExistsOn(LocalDate date, long exceptId) {
        return jdbc.sql(SWAP_ON).param("date", date).param("id", exceptId).query(Long.class).single() > 0;
    }

    long insert(PublicHoliday h) {
        return jdbc.sql(INSERT_HOLIDAY).param("date", h.date()).param("kk", h.name().kk()).param("ru", h.name().ru())
                .param("en", h.name().en()).param("moves", h.movesOffWeekend()).param("note", h.note())
                .query(Long.class).single();
    }

    boolean update(PublicHoliday h) {
        return jdbc.sql(UPDATE_HOLIDAY).param("id", h.id()).param("date", h.date()).param("kk", h.name().kk())
                .param("ru", h.name().ru()).param("en", h.name().en()).param("moves", h.movesOffWeekend())
                .param("note", h.note()).update() == 1;
    }

    long insert(DaySwap s) {
        return jdbc.sql(INSERT_SWAP).param("date", s.date()).param("working", s.working()).param("decree", s.decree())
                .param("note", s.note()).query(Long.class).single();
    }

    boolean update(DaySwap s) {
        return jdbc.sql(UPDATE_SWAP).param("id", s.id()).param("date", s.date()).param("working", s.working())
                .param("decree", s.decree()).param("note", s.note()).update() == 1;
    }

    long insert(SchoolHolidayPeriod p) {
        return jdbc.sql(INSERT_PERIOD).params(periodParams(p)).query(Long.class).single();
    }

    boolean update(SchoolHolidayPeriod p) {
        return jdbc.sql(UPDATE_PERIOD).params(periodParams(p)).param("id", p.id()).update() == 1;
    }

    private static Map<String, Object> periodParams(SchoolHolidayPeriod p) {
        var params = new HashMap<String, Object>();
        params.put("academicYear", p.academicYear());
        params.put("kk", p.name().kk());
        params.put("ru", p.name().ru());
        params.put("en", p.name().en());
        params.put("firstDay", p.firstDay());
        params.put("lastDay", p.lastDay());
        params.put("grades", p.grades());
        params.put("note", p.note());
        return params;
    }

    boolean deleteHoliday(long id) {
        return jdbc.sql(DELETE_HOLIDAY).param("id", id).update() == 1;
    }

    boolean deleteSwap(long id) {
        return jdbc.sql(DELETE_SWAP).param("id", id).update() == 1;
    }

    boolean deleteSchoolHoliday(long id) {
        return jdbc.sql(DELETE_PERIOD).param("id", id).update() == 1;
    }

    /**
     * The decrees' and notes' texts in the reader's language, by the stored (English) text: a page shows
     * {@code texts[stored] ?: stored}. English readers, and texts without a translation, get the stored text.
     */
    public java.util.Map<String, String> texts(java.util.Locale locale) {
        String language = locale == null ? "kk" : locale.getLanguage();
        if (!language.equals("kk") && !language.equals("ru")) return new java.util.HashMap<>();
        var texts = new java.util.HashMap<String, String>();
        jdbc.sql(TRANSLATIONS).query((rs, n) -> {
            String shown = rs.getString(language);
            if (shown != null) texts.put(rs.getString("text"), shown);
            return null;
        }).list();
        return texts;
    }
}
