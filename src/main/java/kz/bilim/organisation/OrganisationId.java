package kz.bilim.organisation;

/** The id of an education organisation, for use across module boundaries. */
public record OrganisationId(long value) {

    public static OrganisationId of(long value) {
        return new OrganisationId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
