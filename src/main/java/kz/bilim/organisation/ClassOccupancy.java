package kz.bilim.organisation;

import java.util.Collection;
import java.util.Map;

/**
 * A port the enrolment module fills: how many pupils each class has today, so that an organisation's page shows
 * "enrolled / capacity" (TR-10) without the registry reading enrolments itself.
 */
public interface ClassOccupancy {

    /** Active pupils per class; classes without pupils may be missing from the map. */
    Map<SchoolClassId, Integer> enrolled(Collection<SchoolClassId> classes);
}
