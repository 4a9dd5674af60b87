package kz.bilim.enrolment;

import java.time.LocalDate;

/** One line of a list of pupils: the enrolment and the few personal data a list needs. */
public record Pupil(Enrolment enrolment, String iin, String lastName, String firstName, String patronymic,
                    LocalDate birthDate) {

    public String fullName() {
        return lastName + " " + firstName + (patronymic == null ? "" : " " + patronymic);
    }
}
