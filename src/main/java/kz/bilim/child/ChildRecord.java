package kz.bilim.child;

import java.time.LocalDate;
import java.util.List;

/**
 * One child of the single database (CA-2): surname, first name, patronymic, IIN (if any), birth date, residence, the
 * lists the child is on (CA-3) and what each source said, side by side ({@code sources}, also those that no longer
 * hold the child: {@code active} false). Personal data: read only through {@link Children}, which audits the read.
 */
public record ChildRecord(long id, String iin, String lastName, String firstName, String patronymic,
                          LocalDate birthDate, String sex, String citizenship, String kato, boolean exempt,
                          List<ChildList> lists, List<SourceRecord> sources) {

    public String fullName() {
        return lastName + " " + firstName + (patronymic == null ? "" : " " + patronymic);
    }

    /** What one source says about the child. */
    public record SourceRecord(ChildSource source, String origin, boolean active, String iin, String lastName,
                               String firstName, String patronymic, LocalDate birthDate, String sex,
                               String citizenship, String residenceKato, String organisationBin, Integer grade) {
    }
}
