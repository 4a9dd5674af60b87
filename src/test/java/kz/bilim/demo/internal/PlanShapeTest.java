package kz.bilim.demo.internal;

import kz.bilim.demo.DemoScale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class PlanShapeTest {

    static String describe(Plan plan) {
        Map<String, Integer> kinds = new TreeMap<>();
        plan.organisations.forEach(o -> kinds.merge(o.kind.name(), 1, Integer::sum));
        long pupils = plan.organisations.stream().flatMap(o -> o.classes.stream()).mapToLong(c -> c.pupils).sum();
        long districts = plan.territories.stream().filter(t -> t.level() == 2).count();
        long okrugs = plan.territories.stream().filter(t -> t.level() == 3).count();
        long villages = plan.territories.stream().filter(t -> t.level() == 4).count();
        return "%s: territories %d (districts %d, level3 %d, settlements %d), orgs %d %s, classes %d, pupils %d, persons %d, enrolments %d, rows %d"
                .formatted(plan.scale, plan.territories.size(), districts, okrugs, villages, plan.organisations.size(),
                        kinds, plan.classes, pupils, plan.persons, plan.enrolments, plan.rows());
    }

    @Test
    @DisplayName("print the shape of every scale")
    void shapes() {
        for (DemoScale scale : DemoScale.values()) {
            long t = System.nanoTime();
            Plan plan = Planner.plan(scale, 20261123L, Plan.Ids.EMPTY);
            System.out.println(describe(plan) + " in " + (System.nanoTime() - t) / 1_000_000 + " ms");
            assertThat(plan.persons).isPositive();
        }
    }
}
