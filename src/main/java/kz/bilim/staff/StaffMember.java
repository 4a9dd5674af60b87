package kz.bilim.staff;

import kz.bilim.identity.Sex;
import kz.bilim.organisation.OrganisationId;

import java.time.LocalDate;
import java.util.List;

/** An employee of one organisation with their contracts there, newest first. Personal data: reads are audited. */
public record StaffMember(StaffMemberId id, OrganisationId organisationId, String kato, String iin, String lastName,
                          String firstName, String patronymic, LocalDate birthDate, Sex sex,
                          EducationLevel educationLevel, String speciality, QualificationCategory category,
                          Integer experienceYears, List<EmploymentContract> contracts) {

    public StaffMember {
        contracts = List.copyOf(contracts);
    }

    public String fullName() {
        return lastName + " " + firstName + (patronymic == null ? "" : " " + patronymic);
    }
}
