package kz.bilim.kernel;

/** The roles of architecture.md. Each decides how wide the scope is and whether personal data may be read. */
public enum Role {
    MINISTRY_ADMIN(true),
    REGION_OFFICER(true),
    DISTRICT_OFFICER(true),
    ORGANISATION_ADMIN(true),
    POLICE_LIAISON(true),
    /** SC-3: statistics are formed from the database without personal data. */
    STATISTICS_ANALYST(false),
    /** TR-17: answers citizens about applications — their statuses, not the registry of personal data. */
    CONTACT_CENTRE(false),
    APPLICANT(false);

    private final boolean readsPersonalData;

    Role(boolean readsPersonalData) {
        this.readsPersonalData = readsPersonalData;
    }

    public boolean readsPersonalData() {
        return readsPersonalData;
    }

    public boolean boundToTerritory() {
        return this == REGION_OFFICER || this == DISTRICT_OFFICER || this == POLICE_LIAISON;
    }

    /** Territory officers and the ministry: register organisations and edit everything within their scope. */
    public boolean registersOrganisations() {
        return this == MINISTRY_ADMIN || this == REGION_OFFICER || this == DISTRICT_OFFICER;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
