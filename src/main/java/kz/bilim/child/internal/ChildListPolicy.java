package kz.bilim.child.internal;

import kz.bilim.child.ChildList;
import kz.bilim.child.ChildSource;

import java.util.EnumMap;
import java.util.Map;

/**
 * The nine lists of CA-3 (seed 000, point 11 sub-points 1–9), one SQL condition each over a child {@code c} on a day
 * {@code :today}, used alike for one child's lists and for the counts of a territory. "Holds a source" means an active
 * row of that source (registry or import). Ages in whole years on the day; the school age starts at 6, the first
 * grade's age (editable here when the ministry's rule changes). docs/child.md gives each rule with its source.
 * <p>
 * The kept counts (migration V170, {@code child_list_bits}) write the same rules in SQL: change both together —
 * {@code ChildListCountsTest} fails when they differ.
 */
final class ChildListPolicy {

    private static final String AGE_6 = "c.birth_date <= cast(:today as date) - interval '6 years'";
    private static final String UNDER_18 = "c.birth_date > cast(:today as date) - interval '18 years'";

    /**
     * Holds one of these sources: {@code child.held} keeps the active sources as bits (ChildMerge), so that every
     * list is a condition on the child's own columns — which the kept counts (V170, {@code child_list_bits}) need.
     */
    private static String holds(ChildSource... sources) {
        int bits = 0;
        for (var s : sources) bits |= ChildMerge.bit(s);
        return "(c.held & " + bits + " <> 0)";
    }

    private static final String SCHOOL_AGE = "(" + AGE_6 + " and " + UNDER_18 + ")";

    /**
     * CA-4: the entries {@code te} of lists {@code tl} that put a child on list 9 — on the district's latest monthly
     * list and not commented away by the police liaison (docs/child.md, "Truants").
     */
    static final String COUNTED_TRUANT_ENTRY = """
            te.decision is distinct from 'COMMENTED'
            and tl.month = (select max(tl2.month) from truant_list tl2 where tl2.district = tl.district)""";

    /** CA-3 (9), CA-4: the plug of list 9 — the truant lists' own tables. */
    private static final String TRUANT = """
            exists (select 1 from truant_entry te join truant_list tl on tl.id = te.list_id
                     where te.child_id = c.id and\s""" + COUNTED_TRUANT_ENTRY + ")";

    /**
     * CA-3 (1)…(9), each for a child only: a record merged into another (CA-2, {@code merged_into} set) is history,
     * on no list (V195's {@code child_list_bits} the same).
     */
    static final Map<ChildList, String> RULES = onlyChildren(Map.of(
            // CA-3 (1) preschool-age children: under 6
            ChildList.PRESCHOOL_AGE, "not (" + AGE_6 + ")",
            // CA-3 (2) school-age children, including those not subject to schooling for health reasons: 6 to 17
            ChildList.SCHOOL_AGE, SCHOOL_AGE,
            // CA-3 (3) students of TVET organisations
            ChildList.TVET, holds(ChildSource.EMIS_TVET),
            // CA-3 (4) children in non-state preschool and secondary organisations
            ChildList.NON_STATE, holds(ChildSource.EMIS_NON_STATE),
            // CA-3 (5) children not subject to schooling (health: exempt by the medical commission), of school age
            ChildList.NOT_SUBJECT_TO_SCHOOLING, "(c.exempt and " + SCHOOL_AGE + ")",
            // CA-3 (6) children of kandases: held by the Kandas system
            ChildList.KANDAS, holds(ChildSource.KANDAS),
            // CA-3 (7) foreign and stateless (immigrant) children: citizenship other than KZ (XX stateless)
            ChildList.FOREIGN, "c.citizenship <> 'KZ'",
            // CA-3 (8) not covered by education: school age, enrolled nowhere (no EMIS source), not exempt
            ChildList.NOT_COVERED, "(" + SCHOOL_AGE + " and not c.exempt and not "
                    + holds(ChildSource.EMIS_PRESCHOOL, ChildSource.EMIS_SCHOOL, ChildSource.EMIS_TVET,
                    ChildSource.EMIS_NON_STATE) + ")",
            // CA-3 (9) systematically missing school without a valid reason: on the latest monthly list of the
            // district (CA-4, package truancy), not commented away by the police liaison — the agreed list once
            // placed, the formed list until then
            ChildList.TRUANT, TRUANT));

    private ChildListPolicy() {
    }

    private static Map<ChildList, String> onlyChildren(Map<ChildList, String> rules) {
        var only = new EnumMap<ChildList, String>(ChildList.class);
        rules.forEach((list, rule) -> only.put(list, "(c.merged_into is null and " + rule + ")"));
        return only;
    }

    /** {@code array_remove(array[case when … then 'PRESCHOOL_AGE' end, …], null)}: the lists of child {@code c}. */
    static String listsOfChild() {
        var sql = new StringBuilder("array_remove(array[");
        boolean first = true;
        for (var e : RULES.entrySet()) {
            if (!first) sql.append(", ");
            sql.append("case when ").append(e.getValue()).append(" then '").append(e.getKey().name()).append("' end");
            first = false;
        }
        return sql.append("], null)").toString();
    }

    /** {@code count(*) filter (where …) as preschool_age, …} for a territory's counts. */
    static String counts() {
        var sql = new StringBuilder();
        for (var e : RULES.entrySet()) {
            if (!sql.isEmpty()) sql.append(", ");
            sql.append("count(*) filter (where ").append(e.getValue()).append(") as ").append(e.getKey().name().toLowerCase());
        }
        return sql.toString();
    }
}
