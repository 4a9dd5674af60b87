package kz.bilim.statistics.internal;

import kz.bilim.kernel.Almaty;
import kz.bilim.statistics.AnalystBulkWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.time.LocalTime;

/** The register's bulk writer: one row per person, idempotent; removes only what it wrote (granted by "demo"). */
@Component
class AnalystBulkWriting implements AnalystBulkWriter {

    @Override
    public void registerGranted(DataSource owner, String username, String fullName, String position,
                                LocalDate grantedOn) {
        int year = grantedOn.getYear();
        JdbcClient.create(owner).sql("""
                        insert into stat_responsible_person (username, full_name, position, reporting_year, registered_on,
                                                             access_due_on, access_granted_on, granted_by,
                                                             purpose_accepted_at)
                        values (:u, :name, :position, :year, :on, make_date(:year, 10, 5), :on, 'demo', :accepted)
                        on conflict (username) do nothing
                        """)
                .param("u", username.trim().toLowerCase()).param("name", fullName).param("position", position)
                .param("year", year).param("on", grantedOn)
                .param("accepted", grantedOn.atTime(LocalTime.of(10, 0)).atZone(Almaty.ZONE).toOffsetDateTime())
                .update();
    }

    @Override
    public void remove(DataSource owner, String username) {
        var jdbc = JdbcClient.create(owner);
        jdbc.sql("delete from stat_change_report where person_id in (select id from stat_responsible_person where username = :u and granted_by = 'demo')")
                .param("u", username).update();
        jdbc.sql("delete from stat_responsible_person where username = :u and granted_by = 'demo'").param("u", username)
                .update();
    }
}
