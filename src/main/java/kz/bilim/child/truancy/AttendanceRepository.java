package kz.bilim.child.truancy;

import kz.bilim.kernel.ScopeCondition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** SQL of the absences a school records (CA-4): one row per pupil and school day missed. */
@Repository
class AttendanceRepository {

    private static final String OF_DAY = """
            select a.person_id, a.excused from attendance_absence a
             where a.day = :day and a.person_id in (:persons) and {scope: kato=a.kato, organisation=a.organisation_id}
            """;

    private static final String RECORD = """
            insert into attendance_absence (person_id, day, organisation_id, kato, excused, recorded_by)
            values (:person, :day, :organisation, :kato, :excused, :actor)
            on conflict (person_id, day) do update
               set excused = excluded.excused, organisation_id = excluded.organisation_id, kato = excluded.kato,
                   recorded_by = excluded.recorded_by, recorded_at = now()
            """;

    private static final String CLEAR = "delete from attendance_absence where person_id = :person and day = :day";

    private final JdbcClient jdbc;

    AttendanceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The marks of these pupils on a day: person id → excused (absent), missing: present. */
    Map<Long, Boolean> ofDay(LocalDate day, Collection<Long> persons) {
        var marks = new HashMap<Long, Boolean>();
        if (persons.isEmpty()) return marks;
        ScopeCondition.current().sql(jdbc, OF_DAY).param("day", day).param("persons", persons)
                .query((rs, n) -> marks.put(rs.getLong("person_id"), rs.getBoolean("excused"))).list();
        return marks;
    }

    void absent(long person, LocalDate day, long organisation, String kato, boolean excused, String actor) {
        jdbc.sql(RECORD).param("person", person).param("day", day).param("organisation", organisation)
                .param("kato", kato).param("excused", excused).param("actor", actor).update();
    }

    void present(long person, LocalDate day) {
        jdbc.sql(CLEAR).param("person", person).param("day", day).update();
    }
}
