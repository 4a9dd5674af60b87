package kz.bilim.enrolment;

import kz.bilim.identity.Sex;

import java.time.LocalDate;

/**
 * A person as submitted for registration. Birth date and sex, when given, must agree with the IIN (digits 1–7);
 * when left out they are taken from it. Citizenship defaults to KZ.
 */
public record PersonDraft(String iin, String lastName, String firstName, String patronymic, LocalDate birthDate,
                          Sex sex, String nationality, String citizenship, String residenceKato) {
}
