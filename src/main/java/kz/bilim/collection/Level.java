package kz.bilim.collection;

/**
 * EIS-2, EIS-6: the levels of participants, each submitting to the one above: an education organisation to its
 * district (city) education authority, a district to its region (or city of republican significance), a region to the
 * ministry. The ministry's submission is the national consolidation (the final report's data, EIS-10).
 */
public enum Level {
    ORGANISATION, DISTRICT, REGION, MINISTRY;

    /** The KATO code of this level's participant that contains the code (the ministry: {@link #NATIONAL}). */
    public String participantKato(String kato) {
        return switch (this) {
            case ORGANISATION -> kato;
            case DISTRICT -> kato.substring(0, 4) + "00000";
            case REGION -> kato.substring(0, 2) + "0000000";
            case MINISTRY -> NATIONAL;
        };
    }

    /** The level a submission of this level goes to; none above the ministry. */
    public Level above() {
        return switch (this) {
            case ORGANISATION -> DISTRICT;
            case DISTRICT -> REGION;
            case REGION, MINISTRY -> MINISTRY;
        };
    }

    /** The level whose participants submit to this one. */
    public Level below() {
        return switch (this) {
            case ORGANISATION, DISTRICT -> ORGANISATION;
            case REGION -> DISTRICT;
            case MINISTRY -> REGION;
        };
    }

    /** The KATO code of the ministry's national consolidation. */
    public static final String NATIONAL = "000000000";
}
