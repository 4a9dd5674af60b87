package kz.bilim.staff.internal;

import kz.bilim.staff.ContractId;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The set-based write of a checked staff file, inside the caller's transaction and under row-level security: COPY
 * into a temporary staging table, rows that would be a second undismissed contract of the same position taken out
 * (and reported), then employees (one per organisation and IIN, kept as they are when already registered) and the
 * contracts not yet registered (same organisation, IIN, position and number: unchanged).
 */
@Repository
class StaffImportRepository {

    private static final String STAGING = """
            drop table if exists pg_temp.staff_import_staging;
            create temp table staff_import_staging (
                row_no int not null, organisation_id bigint not null, kato text collate "C" not null,
                iin text collate "C" not null, last_name text not null, first_name text not null, patronymic text,
                birth_date date not null, sex text not null, education_level text, speciality text, category text,
                experience_years smallint, position text collate "C" not null, subject text, weekly_hours numeric(4, 1),
                contract_number text not null, contract_date date not null, starts_on date not null, ends_on date,
                nationality text, grades_taught text
            ) on commit drop
            """;

    private static final String COPY = """
            copy staff_import_staging (row_no, organisation_id, kato, iin, last_name, first_name, patronymic, birth_date,
                sex, education_level, speciality, category, experience_years, position, subject, weekly_hours,
                contract_number, contract_date, starts_on, ends_on, nationality, grades_taught) from stdin (format csv)
            """;

    /** Another undismissed contract of the same position (another number) whose period meets the row's. */
    private static final String CONFLICTS = """
            delete from staff_import_staging s
             using staff_member m, employment_contract c
             where m.organisation_id = s.organisation_id and m.iin = s.iin
               and c.staff_member_id = m.id and c.position = s.position and c.contract_number <> s.contract_number
               and c.dismissed_on is null
               and (c.ends_on is null or c.ends_on >= s.starts_on)
               and (s.ends_on is null or c.starts_on <= s.ends_on)
            returning s.row_no
            """;

    private static final String MEMBERS = """
            insert into staff_member (organisation_id, kato, iin, last_name, first_name, patronymic, birth_date, sex,
                                      education_level, speciality, category, experience_years, nationality)
            select distinct on (organisation_id, iin) organisation_id, kato, iin, last_name, first_name, patronymic,
                   birth_date, sex, education_level, speciality, category, experience_years, nationality
              from staff_import_staging
             order by organisation_id, iin, row_no
            on conflict (organisation_id, iin) do nothing
            """;

    private static final String CONTRACTS = """
            insert into employment_contract (staff_member_id, organisation_id, kato, position, subject, weekly_hours,
                                             contract_number, contract_date, starts_on, ends_on, grades_taught)
            select m.id, s.organisation_id, s.kato, s.position, s.subject, s.weekly_hours, s.contract_number,
                   s.contract_date, s.starts_on, s.ends_on, s.grades_taught
              from staff_import_staging s
              join staff_member m on m.organisation_id = s.organisation_id and m.iin = s.iin
             where not exists (select 1 from employment_contract c
                                where c.staff_member_id = m.id and c.position = s.position
                                  and c.contract_number = s.contract_number)
            returning id
            """;

    record Merged(int members, List<ContractId> contracts, List<Integer> conflicting) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    StaffImportRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    record Staged(StaffFile.Contract contract, long organisationId, String kato) {
    }

    Merged merge(List<Staged> rows) {
        jdbc.sql(STAGING).update();
        copy(rows);
        var conflicting = jdbc.sql(CONFLICTS).query(Integer.class).list();
        int members = jdbc.sql(MEMBERS).update();
        var contracts = jdbc.sql(CONTRACTS).query((rs, n) -> new ContractId(rs.getLong(1))).list();
        return new Merged(members, contracts, conflicting.stream().sorted().toList());
    }

    private void copy(List<Staged> rows) {
        var csv = new StringWriter(rows.size() * 200);
        try (var printer = new CSVPrinter(csv, CSVFormat.POSTGRESQL_CSV)) {
            for (var r : rows) {
                var c = r.contract();
                printer.printRecord(c.row(), r.organisationId(), r.kato(), c.iin().value(), c.lastName(), c.firstName(),
                        c.patronymic(), c.iin().birthDate(), c.iin().sex().name(),
                        c.educationLevel() == null ? null : c.educationLevel().name(), c.speciality(),
                        c.category() == null ? null : c.category().name(), c.experienceYears(), c.position(),
                        c.subject(), c.weeklyHours(), c.contractNumber(), c.contractDate(), c.startsOn(), c.endsOn(),
                        c.nationality(), c.gradesTaught() == null ? null : c.gradesTaught().name());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the staging rows", e);
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(csv.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY into the staging table failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
