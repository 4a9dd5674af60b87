package kz.bilim.staff.internal;

import kz.bilim.platform.database.OwnerDataSource;
import kz.bilim.staff.StaffBulkWriter;
import org.postgresql.PGConnection;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;

/**
 * The staff module's bulk writer: employees are streamed by COPY (CSV, 1 MB at a time) into a temporary staging table
 * on the owner's connection, then one {@code insert … select} writes the employees (one per organisation and IIN) and
 * one the contracts, joined back by (organisation, IIN). All in one transaction.
 */
@Service
class StaffBulkLoad implements StaffBulkWriter {

    private static final String STAGING = """
            create temp table staff_bulk_staging (
                organisation_id bigint not null, kato text collate "C" not null, iin text collate "C" not null,
                last_name text not null, first_name text not null, patronymic text, birth_date date not null,
                sex text not null, education_level text, speciality text, category text, experience_years smallint,
                position text collate "C" not null, subject text, weekly_hours numeric(4, 1), contract_number text not null,
                contract_date date not null, starts_on date not null, nationality text, grades_taught text
            ) on commit drop
            """;

    private static final String COPY = """
            copy staff_bulk_staging (organisation_id, kato, iin, last_name, first_name, patronymic, birth_date, sex,
                education_level, speciality, category, experience_years, position, subject, weekly_hours,
                contract_number, contract_date, starts_on, nationality, grades_taught) from stdin (format csv)
            """;

    private static final String MEMBERS = """
            insert into staff_member (organisation_id, kato, iin, last_name, first_name, patronymic, birth_date, sex,
                                      education_level, speciality, category, experience_years, nationality)
            select distinct on (organisation_id, iin) organisation_id, kato, iin, last_name, first_name, patronymic,
                   birth_date, sex, education_level, speciality, category, experience_years, nationality
              from staff_bulk_staging
             order by organisation_id, iin
            """;

    private static final String CONTRACTS = """
            insert into employment_contract (staff_member_id, organisation_id, kato, position, subject, weekly_hours,
                                             contract_number, contract_date, starts_on, grades_taught)
            select m.id, s.organisation_id, s.kato, s.position, s.subject, s.weekly_hours, s.contract_number,
                   s.contract_date, s.starts_on, s.grades_taught
              from staff_bulk_staging s
              join staff_member m on m.organisation_id = s.organisation_id and m.iin = s.iin
            """;

    private static final int CHUNK = 1 << 20;

    private final OwnerDataSource owner;

    StaffBulkLoad(OwnerDataSource owner) {
        this.owner = owner;
    }

    @Override
    public Written write(Iterator<Employee> employees) {
        return write(owner, employees);
    }

    @Override
    public Written write(javax.sql.DataSource target, Iterator<Employee> employees) {
        long started = System.nanoTime();
        try (Connection connection = target.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (var statement = connection.createStatement()) {
                    statement.execute(STAGING);
                }
                copy(connection, employees);
                long members;
                long contracts;
                try (var statement = connection.createStatement()) {
                    statement.execute("analyze staff_bulk_staging");
                    members = statement.executeUpdate(MEMBERS);
                    contracts = statement.executeUpdate(CONTRACTS);
                    statement.execute("analyze staff_member");
                    statement.execute("analyze employment_contract");
                }
                connection.commit();
                return new Written(members, contracts, (System.nanoTime() - started) / 1_000_000);
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Staff bulk load failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void remove(javax.sql.DataSource target, long organisationIdAfter, long organisationIdUpTo) {
        try (Connection connection = target.getConnection()) {
            connection.setAutoCommit(false);
            try {
                for (String sql : REMOVALS) {
                    try (var ps = connection.prepareStatement(sql)) {
                        ps.setLong(1, organisationIdAfter);
                        ps.setLong(2, organisationIdUpTo);
                        ps.executeUpdate();
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Staff bulk removal failed: " + e.getMessage(), e);
        }
    }

    /** Referring rows first. */
    private static final List<String> REMOVALS = List.of(
            "delete from staff_ban_flag where organisation_id > ? and organisation_id <= ?",
            "delete from employment_contract where organisation_id > ? and organisation_id <= ?",
            "delete from staff_member where organisation_id > ? and organisation_id <= ?");

    private static void copy(Connection connection, Iterator<Employee> employees) throws SQLException, IOException {
        var copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        try {
            var line = new StringBuilder(CHUNK + 1024);
            while (employees.hasNext()) {
                var e = employees.next();
                line.append(e.organisationId()).append(',').append(e.kato()).append(',').append(e.iin()).append(',');
                quoted(line, e.lastName()).append(',');
                quoted(line, e.firstName()).append(',');
                quoted(line, e.patronymic()).append(',').append(e.birthDate()).append(',').append(e.sex().name()).append(',')
                        .append(e.educationLevel() == null ? "" : e.educationLevel().name()).append(',');
                quoted(line, e.speciality()).append(',')
                        .append(e.category() == null ? "" : e.category().name()).append(',')
                        .append(e.experienceYears() == null ? "" : e.experienceYears()).append(',')
                        .append(e.position()).append(',');
                quoted(line, e.subject()).append(',')
                        .append(e.weeklyHours() == null ? "" : e.weeklyHours().toPlainString()).append(',');
                quoted(line, e.contractNumber()).append(',').append(e.contractDate()).append(',').append(e.startsOn())
                        .append(',');
                quoted(line, e.nationality()).append(',')
                        .append(e.gradesTaught() == null ? "" : e.gradesTaught().name()).append('\n');
                if (line.length() >= CHUNK) {
                    byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    line.setLength(0);
                }
            }
            byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
        } finally {
            if (copy.isActive()) copy.cancelCopy();
        }
    }

    /** A CSV field: empty (NULL) for null, else quoted with inner quotes doubled. */
    private static StringBuilder quoted(StringBuilder line, String text) {
        if (text == null) return line;
        return line.append('"').append(text.replace("\"", "\"\"")).append('"');
    }
}
