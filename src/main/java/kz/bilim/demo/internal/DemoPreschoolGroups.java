package kz.bilim.demo.internal;

import kz.bilim.enrolment.BulkEnrolments;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

/**
 * The demo's preschool groups (SC-5 indicators 31, 32, 37 by group, 38): every child of a demo kindergarten in the
 * group of its birth year, about 2 % in special groups, the small rural kindergartens (under 60 children) with one
 * mixed-age group beside the pre-school preparation group. Written by the enrolment module's bulk writer; removed
 * with the enrolments themselves.
 */
public final class DemoPreschoolGroups {

    private DemoPreschoolGroups() {
    }

    public static DemoLoader.Dependents dependents() {
        return new DemoLoader.Dependents() {
            @Override
            public Map<String, Long> write(DataSource owner, long seed, List<DemoStaff.Org> organisations) {
                var preschools = organisations.stream().filter(o -> o.kind().equals("PRESCHOOL")).toList();
                var mixed = preschools.stream().filter(o -> !o.urban() && o.pupils() < 60).map(DemoStaff.Org::id).toList();
                long grouped = BulkEnrolments.assignPreschoolGroups(owner, Plan.SCHOOL_YEAR,
                        preschools.stream().map(DemoStaff.Org::id).toList(), mixed, seed);
                return Map.of("preschool groups", grouped);
            }

            @Override
            public void remove(DataSource owner, long organisationIdAfter, long organisationIdUpTo) {
                // the groups are columns of the enrolments, which the loader removes itself
            }
        };
    }
}
