package kz.bilim.staff;

import kz.bilim.identity.Sex;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Iterator;

/**
 * Bulk loads of staff, like a restore: the demo generator's staff of every organisation and a benchmark's national
 * staff go through here instead of writing the staff tables themselves. Not for users: no scope, no audit, no hiring
 * check (synthetic or restored people); one transaction as the schema owner, so a failed load leaves nothing.
 */
public interface StaffBulkWriter {

    /** One employee with one contract. An employee with several contracts in one organisation comes once per contract. */
    record Employee(long organisationId, String kato, String iin, String lastName, String firstName, String patronymic,
                    LocalDate birthDate, Sex sex, EducationLevel educationLevel, String speciality,
                    QualificationCategory category, Integer experienceYears, String position, String subject,
                    BigDecimal weeklyHours, String contractNumber, LocalDate contractDate, LocalDate startsOn,
                    String nationality, GradesTaught gradesTaught) {
    }

    /** What was written and how long it took. */
    record Written(long employees, long contracts, long millis) {
    }

    /** COPYs the employees into staging, then writes employees and contracts set-based; returns the counts. */
    Written write(Iterator<Employee> employees);

    /** The same into another database of this schema, as its owner (a test loads into a database of its own). */
    Written write(javax.sql.DataSource owner, Iterator<Employee> employees);

    /**
     * Removes the staff of the organisations with ids in {@code (after, upTo]} — what a bulk load wrote for them —
     * when that load is undone (the demo load interrupted by a crash). One transaction.
     */
    void remove(javax.sql.DataSource owner, long organisationIdAfter, long organisationIdUpTo);
}
