package kz.bilim.demo.internal;

import kz.bilim.enrolment.BulkEnrolments;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

/**
 * The demo's preschool groups (SC-5 indicators 31, 32, 37 by group, 38): every child of a demo kindergarten in the
 * group of its birth year, about 2 % in special groups, the small rural kindergartens (under 60 children) with one
 * mixed-age group beside the pre-school preparation group; and the evening schools' year-end outcomes of 2025/26
 * (indicator 19: every pupil there then promoted). Written by the enrolment module's bulk writer.
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
                var evening = organisations.stream().filter(o -> o.kind().equals("EVENING_SCHOOL"))
                        .map(DemoStaff.Org::id).toList();
                long yearEnds = BulkEnrolments.recordYearEnds(owner, Plan.SCHOOL_YEAR, evening);
                return Map.of("preschool groups", grouped, "year-end outcomes (evening schools)", yearEnds);
            }

            @Override
            public void remove(DataSource owner, long organisationIdAfter, long organisationIdUpTo) {
                // the groups are columns of the enrolments, which the loader removes itself; the year-end outcomes
                // refer to the enrolments, so they go first
                BulkEnrolments.removeYearEnds(owner, organisationIdAfter, organisationIdUpTo);
            }
        };
    }
}
