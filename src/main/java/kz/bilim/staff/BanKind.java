package kz.bilim.staff;

/**
 * What a verdict bans (HB-1, Labour Code art. 26 p.1 sub.3): every pedagogical position, every position involving work
 * with minors, or one named position of the classifier. Written in a verdict file as {@code PEDAGOGICAL},
 * {@code WORK_WITH_MINORS} or {@code POSITION:<code>}.
 */
public enum BanKind {
    PEDAGOGICAL, WORK_WITH_MINORS, POSITION;

    /** Whether a ban of this kind (with its named position, for {@link #POSITION}) covers the position. */
    public boolean covers(String bannedPosition, Position position) {
        return switch (this) {
            case PEDAGOGICAL -> position.pedagogical();
            case WORK_WITH_MINORS -> position.worksWithMinors();
            case POSITION -> position.code().equals(bannedPosition);
        };
    }
}
