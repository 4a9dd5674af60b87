package kz.bilim.staff;

import kz.bilim.identity.Sex;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A hire as typed: the person (IIN; name; birth date and sex, which must agree with the IIN, or are taken from it),
 * what they bring (education, speciality, category, years of experience) and the contract (position, subject,
 * weekly hours, number, date, first and last day — none for an open-ended contract), and for the statistics (SC-5)
 * the person's nationality and, on a teacher's contract, the band of grades taught (both optional).
 */
public record Hiring(String iin, String lastName, String firstName, String patronymic, LocalDate birthDate, Sex sex,
                     String position, String subject, BigDecimal weeklyHours, String contractNumber,
                     LocalDate contractDate, LocalDate startsOn, LocalDate endsOn, EducationLevel educationLevel,
                     String speciality, QualificationCategory category, Integer experienceYears, String nationality,
                     GradesTaught gradesTaught) {

    /** The fields of the contract, the rest left out. */
    public static Hiring of(String iin, String lastName, String firstName, String patronymic, LocalDate birthDate,
                            Sex sex, String position, String contractNumber, LocalDate contractDate,
                            LocalDate startsOn, LocalDate endsOn) {
        return new Hiring(iin, lastName, firstName, patronymic, birthDate, sex, position, null, null, contractNumber,
                contractDate, startsOn, endsOn, null, null, null, null, null, null);
    }
}
