package kz.bilim.kernel;

/**
 * The signed-in user as every module sees it: who, in which role, over which scope. The access module's accounts
 * implement it; other modules read it through {@link SignedIn}, never from the security context themselves.
 */
public interface Caller {

    long id();

    String username();

    String fullName();

    Role role();

    Scope scope();

    /** The user's own territory ('' for national users) — the scope of audit records about the user. */
    String kato();

    /** The organisation an organisation's admin belongs to, else null. */
    Long organisationId();

    String locale();

    /** The person's own IIN (12 digits) when the account has one — an applicant's (TR-17) — else null. */
    default String iin() {
        return null;
    }

    /** Whether this caller administers exactly this organisation. */
    default boolean administers(long organisation) {
        return role() == Role.ORGANISATION_ADMIN && organisationId() != null && organisationId() == organisation;
    }
}
