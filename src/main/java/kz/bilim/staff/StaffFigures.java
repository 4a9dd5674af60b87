package kz.bilim.staff;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts of staff for statistics (the 45 indicators, SC-1…5) and open data (OD-3): contracts current on a day, grouped
 * by the dimensions asked for, within the caller's scope and a territory. Aggregates only, never a person, so
 * statistics analysts may read them; other modules reuse them without reading staff tables.
 */
public interface StaffFigures {

    enum Dimension {
        /** the organisation's id */
        ORGANISATION,
        /** the KATO code of the territory at {@link Query#territoryLevel()} (region 2, district 4, … digits) */
        TERRITORY,
        POSITION, PEDAGOGICAL, WORKS_WITH_MINORS, EDUCATION_LEVEL, CATEGORY, SEX,
        /** UNDER_30, 30_39, 40_49, 50_59, 60_PLUS on the day */
        AGE_BAND,
        /** the employee's nationality as recorded; UNKNOWN when not */
        NATIONALITY,
        /** the contract's band of grades taught ({@link kz.bilim.staff.GradesTaught}); UNKNOWN when not recorded */
        GRADES_TAUGHT
    }

    /** Under the KATO prefix ('' for the country), on the day, grouped by these dimensions (none: one total). */
    record Query(String katoPrefix, LocalDate on, Set<Dimension> groupBy, int territoryLevel) {

        public Query {
            groupBy = Set.copyOf(groupBy);
            if (katoPrefix == null) katoPrefix = "";
            if (!katoPrefix.matches("[0-9]{0,9}")) throw new IllegalArgumentException("KATO prefix of digits");
            if (territoryLevel != 2 && territoryLevel != 4 && territoryLevel != 6 && territoryLevel != 9)
                throw new IllegalArgumentException("territory level: 2, 4, 6 or 9 digits");
        }
    }

    /** One cell: the values of the grouped dimensions (as text) and the number of contracts. */
    record Count(Map<Dimension, String> key, long staff) {
    }

    List<Count> counts(Query query);
}
