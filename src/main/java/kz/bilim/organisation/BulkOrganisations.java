package kz.bilim.organisation;

import kz.bilim.platform.database.BulkTable;

/**
 * The organisation and class tables for bulk loads (the demo generator, a restore): {@link Organisation} and
 * {@link SchoolClass} records written with binary COPY as the schema owner, with their ids (the identity sequences are
 * continued after the load). Organisations (tens of thousands) keep their keys; classes (hundreds of thousands) have
 * their keys, indexes and the foreign keys referring to them dropped before the copy and rebuilt after. An
 * organisation's registration and update times are those of the load. Nothing here applies the registry's rules
 * ({@code OrganisationValidation}): the records must already satisfy them.
 */
public final class BulkOrganisations {

    public static final BulkTable<Organisation> ORGANISATIONS = BulkTable.<Organisation>of("organisation",
            "id, bin, name_kk, name_ru, kind, ownership, kato, urban, languages, shifts, phone, postal_address, email, "
                    + "website, occupancy_norm", "id",
            (o, out) -> out.int8(o.id().value()).text(o.bin().value()).text(o.nameKk()).text(o.nameRu())
                    .text(o.kind().name()).text(o.ownership().name()).text(o.kato().value()).bool(o.urban())
                    .textArray(o.languages()).int2(o.shifts()).text(o.contacts().phone())
                    .text(o.contacts().postalAddress()).text(o.contacts().email()).text(o.contacts().website())
                    .int2(o.occupancyNorm()))
            .withIdentity("id");

    public static final BulkTable<SchoolClass> CLASSES = BulkTable.<SchoolClass>of("school_class",
            "id, organisation_id, kato, academic_year, grade, letter, language, shift, capacity", "id",
            (c, out) -> out.int8(c.id().value()).int8(c.organisationId().value()).text(c.kato()).int2(c.academicYear())
                    .int2(c.grade()).text(c.letter()).text(c.language()).int2(c.shift()).int2(c.capacity()))
            .withIdentity("id").rebuilding(BulkTable.Rebuild.KEYS_AND_INDEXES);

    private BulkOrganisations() {
    }
}
