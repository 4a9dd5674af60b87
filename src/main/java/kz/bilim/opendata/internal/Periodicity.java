package kz.bilim.opendata.internal;

/** OD-1: a dataset's update period, as appendix 2 writes it ("жылына 1 рет", "тоқсан сайын", "3 жылда 1 рет" …). */
public enum Periodicity {
    YEARLY, QUARTERLY, EVERY_3_YEARS, EVERY_4_YEARS, TWICE_A_YEAR,
    /** No. 30: republished on each approval of the register of state services, at most twice a year. */
    AT_MOST_TWICE_A_YEAR,
    /** No. 50: each charity action by the date set for it. */
    AT_SET_DATES;

    /** Whether the periods come from recorded events rather than from the calendar. */
    public boolean byEvent() {
        return this == AT_MOST_TWICE_A_YEAR || this == AT_SET_DATES;
    }
}
