package kz.bilim.organisation;

import java.util.List;

/**
 * What a caller submits to create or edit an organisation. Anything may be missing or wrong: {@link Organisations}
 * validates it and answers every bad field at once. {@code urban} null takes the settlement's own; {@code shifts}
 * null means 1; {@code occupancyNorm} null means 25 (MS-9).
 */
public record OrganisationDraft(String bin, String nameKk, String nameRu, OrganisationKind kind, Ownership ownership,
                                String kato, Boolean urban, List<String> languages, Integer shifts, Contacts contacts,
                                Integer occupancyNorm) {

    public static OrganisationDraft of(Organisation o) {
        return new OrganisationDraft(o.bin().value(), o.nameKk(), o.nameRu(), o.kind(), o.ownership(), o.kato().value(), o.urban(),
                o.languages(), o.shifts(), o.contacts(), o.occupancyNorm());
    }
}
