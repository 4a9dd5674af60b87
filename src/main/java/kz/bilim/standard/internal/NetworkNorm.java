package kz.bilim.standard.internal;

/**
 * MS-1: the guaranteed state norm of the school network in a rural settlement (Government decree No. 1256 of
 * 21 December 2007, as appendix 1 of seed 001 states it): a primary school where 5 or more children of school age
 * live; a basic school where there are 41 or more pupils; a general secondary school where there are 81 or more.
 */
final class NetworkNorm {

    static final int PRIMARY_CHILDREN = 5;
    static final int BASIC_PUPILS = 41;
    static final int GENERAL_SECONDARY_PUPILS = 81;

    private NetworkNorm() {
    }

    /** The highest level of school the norm guarantees a settlement with these children and pupils. */
    static SchoolLevel guaranteed(long schoolAgeChildren, long pupils) {
        if (pupils >= GENERAL_SECONDARY_PUPILS) return SchoolLevel.GENERAL_SECONDARY;
        if (pupils >= BASIC_PUPILS) return SchoolLevel.BASIC;
        if (schoolAgeChildren >= PRIMARY_CHILDREN) return SchoolLevel.PRIMARY;
        return SchoolLevel.NONE;
    }
}
