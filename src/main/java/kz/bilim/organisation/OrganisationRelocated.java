package kz.bilim.organisation;

/**
 * An organisation moved to another KATO territory. Published inside the change's transaction so that the records
 * scoped by the organisation's territory (classes, enrolments) follow it before commit.
 */
public record OrganisationRelocated(OrganisationId organisationId, String fromKato, String toKato) {
}
