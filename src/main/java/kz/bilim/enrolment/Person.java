package kz.bilim.enrolment;

import kz.bilim.identity.Iin;
import kz.bilim.territory.KatoCode;
import kz.bilim.identity.Sex;

import java.time.LocalDate;

/** A person's record: personal data, read only through {@link Persons#read}, which audits the read. */
public record Person(PersonId id, Iin iin, String lastName, String firstName, String patronymic,
                     LocalDate birthDate, Sex sex, String nationality, String citizenship, KatoCode residenceKato) {

    public String fullName() {
        return lastName + " " + firstName + (patronymic == null ? "" : " " + patronymic);
    }
}
