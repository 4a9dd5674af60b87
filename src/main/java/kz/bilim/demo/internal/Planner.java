package kz.bilim.demo.internal;

import kz.bilim.demo.DemoScale;
import kz.bilim.demo.internal.Geography.City;
import kz.bilim.demo.internal.Geography.Region;
import kz.bilim.demo.internal.Plan.ClassPlan;
import kz.bilim.organisation.OrganisationKind;
import kz.bilim.demo.internal.Plan.Locality;
import kz.bilim.demo.internal.Plan.Org;
import kz.bilim.organisation.Organisation;
import kz.bilim.territory.KatoCode;
import kz.bilim.territory.Territory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the {@link Plan} of a scale from a seed: the KATO tree below the real top-level territories, children per
 * locality and birth year, schools with their classes, preschools, colleges, and the users. Every random choice comes
 * from a generator derived from the seed and the number of the region or locality it concerns.
 */
final class Planner {

    /** Relative size of the birth years 2008 … 2026 (live births in thousands; 2026 up to October). */
    static final double[] COHORT_WEIGHTS = {356, 357, 367, 372, 382, 387, 399, 400, 400, 390, 397, 400, 426, 447, 403,
            389, 375, 360, 300};

    private static final long SALT_REGION = 1, SALT_LOCALITY = 2, SALT_ORG = 3;
    private static final int URBAN_SCHOOL_PUPILS = 700;
    /** Classes are filled up to the occupancy norm (MS-9); special classes are kept small (a choice of the demo). */
    private static final int CLASS_NORM = Organisation.DEFAULT_OCCUPANCY_NORM;
    private static final int SPECIAL_CLASS_NORM = 12;
    private static final String[] KK_LETTERS = {"А", "Ә", "Б", "В", "Г", "Ғ", "Д", "Е", "Ж", "З", "И", "К", "Л", "М", "Н", "О"};
    private static final String[] RU_LETTERS = {"А", "Б", "В", "Г", "Д", "Е", "Ж", "З", "И", "К", "Л", "М", "Н", "О", "П", "Р"};

    private final ScaleSpec spec;
    private final Plan plan;
    private final Naming naming;

    private Planner(ScaleSpec spec, long seed, Plan.Ids ids) {
        this.spec = spec;
        this.plan = new Plan(spec.scale().name().toLowerCase(java.util.Locale.ROOT), seed, ids);
        this.naming = new Naming(seed);
    }

    static Plan plan(DemoScale scale, long seed, Plan.Ids ids) {
        var planner = new Planner(ScaleSpec.of(scale), seed, ids);
        planner.build();
        return planner.plan;
    }

    private void build() {
        double totalWeight = spec.parts().stream().mapToDouble(ScaleSpec.Part::weight).sum();
        double cumulative = 0;
        long assigned = 0;
        boolean first = true;
        for (var part : spec.parts()) {
            cumulative += part.weight();
            long upTo = Math.round(spec.children() * cumulative / totalWeight);
            Region region = Geography.region(part.regionCode());
            if (region.isCity()) city(region, (int) (upTo - assigned), first);
            else oblast(region, (int) (upTo - assigned), first);
            assigned = upTo;
            first = false;
        }
        assignPersonIds();
        DemoUsers.plan(plan);
    }

    // ---------------------------------------------------------------------------------------------------- territory

    private void city(Region region, int children, boolean firstRegion) {
        Rng rng = Rng.of(plan.seed, SALT_REGION, Integer.parseInt(region.code()));
        int n = Math.min(region.cityDistricts().size(), spec.cityDistrictsMax());
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) weights[i] = rng.around(0.3);
        int[] budget = split(children, weights);
        City city = region.centre();
        for (int i = 0; i < n; i++) {
            City district = region.cityDistricts().get(i);
            String kato = region.code() + two(10 + 2 * i) + "00000";
            territory(kato, region.code() + "0000000", 2, district.kk() + " ауданы", "район " + district.ru(), true);
            var locality = locality(kato, true, region, city.kk(), city.ru(), city.latin(), true, budget[i]);
            institutions(locality, firstRegion && i == 0);
        }
    }

    private void oblast(Region region, int children, boolean firstRegion) {
        Rng rng = Rng.of(plan.seed, SALT_REGION, Integer.parseInt(region.code()));
        String regionKato = region.code() + "0000000";
        int urban = (int) Math.round(children * region.urbanShare());
        int rural = children - urban;
        int cities = Math.min(region.cities().size(), spec.cityAdminsMax());
        int districts = Math.min(region.ruralDistricts(), spec.ruralDistrictsMax());

        boolean[] town = new boolean[districts];
        int towns = 0;
        for (int d = 0; d < districts; d++) {
            town[d] = spec.scale() != DemoScale.TINY && rng.chance(0.35);
            if (town[d]) towns++;
        }
        int townBudget = towns == 0 ? 0 : (int) Math.round(urban * 0.15);
        double[] cityWeights = new double[cities];
        for (int i = 0; i < cities; i++) cityWeights[i] = i == 0 ? 1.0 : 0.25 * rng.around(0.3);
        int[] cityBudget = split(urban - townBudget, cityWeights);
        Set<String> usedNames = new HashSet<>();
        for (City c : region.cities()) usedNames.add(c.kk());

        for (int i = 0; i < cities; i++) {
            City city = region.cities().get(i);
            String districtKato = region.code() + two(10 + 2 * i) + "00000";
            territory(districtKato, regionKato, 2, city.kk() + " қалалық әкімдігі",
                    "Городская администрация " + city.ru(), true);
            String cityKato = region.code() + two(10 + 2 * i) + "10000";
            territory(cityKato, districtKato, 3, city.kk() + " қаласы", "город " + city.ru(), true);
            var locality = locality(cityKato, true, region, city.kk(), city.ru(), city.latin(), true, cityBudget[i]);
            institutions(locality, firstRegion && i == 0);
        }

        double[] districtWeights = new double[districts];
        for (int d = 0; d < districts; d++) districtWeights[d] = rng.around(0.4);
        int[] ruralBudget = split(rural, districtWeights);
        double[] townWeights = new double[districts];
        for (int d = 0; d < districts; d++) townWeights[d] = town[d] ? rng.around(0.3) : 0;
        int[] townBudgets = towns == 0 ? new int[districts] : split(townBudget, townWeights);

        for (int d = 0; d < districts; d++) {
            String cd = two(20 + 2 * d);
            String districtKato = region.code() + cd + "00000";
            String districtName = naming.toponym(rng, usedNames);
            territory(districtKato, regionKato, 2, districtName + " ауданы",
                    "район " + Geography.russian(districtName), false);
            if (town[d]) {
                String townName = naming.toponym(rng, usedNames);
                boolean settlement = rng.chance(0.4); // кент / посёлок rather than a town
                String townKato = region.code() + cd + "10000";
                territory(townKato, districtKato, 3, townName + (settlement ? " кенті" : " қаласы"),
                        (settlement ? "посёлок " : "город ") + Geography.russian(townName), true);
                var locality = locality(townKato, true, region, townName, Geography.russian(townName),
                        Geography.latin(townName), !settlement, townBudgets[d]);
                institutions(locality, false);
            }
            villages(rng, region, districtKato, ruralBudget[d]);
        }
    }

    private void villages(Rng rng, Region region, String districtKato, int children) {
        int okrugs = rng.between(spec.okrugsMin(), spec.okrugsMax());
        Set<String> used = new HashSet<>();
        List<String[]> villages = new ArrayList<>(); // kato, kk name
        List<Double> weights = new ArrayList<>();
        for (int o = 0; o < okrugs; o++) {
            String okrugKato = districtKato.substring(0, 4) + two(31 + 2 * o) + "000";
            String okrugName = naming.toponym(rng, used);
            territory(okrugKato, districtKato, 3, okrugName + " ауылдық округі",
                    "сельский округ " + Geography.russian(okrugName), false);
            int count = rng.between(spec.villagesMin(), spec.villagesMax());
            for (int v = 0; v < count; v++) {
                String name = v == 0 ? okrugName : naming.toponym(rng, used);
                String kato = okrugKato.substring(0, 6) + (101 + 2 * v);
                territory(kato, okrugKato, 4, name + " ауылы", "село " + Geography.russian(name), false);
                villages.add(new String[]{kato, name});
                double w = rng.around(0.6);
                weights.add(w * (v == 0 ? 1.8 : 1) * (o == 0 && v == 0 ? 2.5 : 1));
            }
        }
        double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
        int[] budget = split(children, w);
        for (int i = 0; i < villages.size(); i++) {
            String name = villages.get(i)[1];
            var locality = locality(villages.get(i)[0], false, region, name, Geography.russian(name), Geography.latin(name),
                    false, budget[i]);
            institutions(locality, false);
        }
    }

    private void territory(String kato, String parent, int level, String kk, String ru, boolean urban) {
        plan.territories.add(new Territory(kato, parent, level, kk, ru, urban, new KatoCode(kato).scopePrefix()));
    }

    private Locality locality(String kato, boolean urban, Region region, String placeKk, String placeRu,
                              String placeLatin, boolean cityPrefix, int children) {
        var locality = new Locality(plan.localities.size(), kato, urban, region, placeKk, placeRu, placeLatin,
                cityPrefix);
        int[] byCohort = split(children, COHORT_WEIGHTS);
        System.arraycopy(byCohort, 0, locality.children, 0, Plan.COHORTS);
        plan.localities.add(locality);
        return locality;
    }

    // ------------------------------------------------------------------------------------------------- institutions

    /** Index of the birth year in {@link Locality#children}. */
    static int cohortIndex(int year) {
        return year - Plan.FIRST_COHORT;
    }

    private void institutions(Locality locality, boolean everyKind) {
        Rng rng = Rng.of(plan.seed, SALT_LOCALITY, locality.index);
        int total = locality.totalChildren();
        int[] pupils = new int[12];
        for (int g = 0; g <= 11; g++) {
            double share = g == 0 ? 0.5 : g <= 9 ? 0.96 : 0.62;
            pupils[g] = (int) Math.round(locality.children[cohortIndex(Plan.SCHOOL_YEAR - 6 - g)] * share * rng.around(0.02));
        }
        boolean bonus = everyKind && spec.everyKind();
        if (locality.urban) {
            int special = total / 70_000 + (bonus ? 1 : 0);
            int boarding = total / 90_000 + (bonus ? 1 : 0);
            int evening = total / 120_000 + (bonus ? 1 : 0);
            for (int i = 0; i < special; i++) specialSchool(locality, rng, OrganisationKind.SPECIAL_SCHOOL, pupils, 1, 11, 6, 12);
            for (int i = 0; i < boarding; i++) specialSchool(locality, rng, OrganisationKind.BOARDING_SCHOOL, pupils, 1, 11, 12, 25);
            for (int i = 0; i < evening; i++) specialSchool(locality, rng, OrganisationKind.EVENING_SCHOOL, pupils, 9, 11, 10, 25);
        }
        int schoolPupils = 0;
        for (int g = 1; g <= 11; g++) schoolPupils += pupils[g];
        List<Org> schools = new ArrayList<>();
        if (schoolPupils > 0) {
            if (locality.urban) {
                int n = Math.max(1, Math.round(schoolPupils / (float) URBAN_SCHOOL_PUPILS));
                for (int i = 0; i < n; i++) schools.add(org(locality, OrganisationKind.GENERAL_SECONDARY_SCHOOL));
            } else {
                OrganisationKind kind = schoolPupils < 45 ? OrganisationKind.PRIMARY_SCHOOL
                        : schoolPupils < 130 && rng.chance(0.7) ? OrganisationKind.BASIC_SCHOOL : OrganisationKind.GENERAL_SECONDARY_SCHOOL;
                int n = schoolPupils > 1400 ? Math.round(schoolPupils / 800f) : 1;
                for (int i = 0; i < n; i++) schools.add(org(locality, kind));
            }
        }
        generalClasses(locality, rng, schools, pupils);
        preschools(locality, rng);
        int colleges = locality.urban ? total / 14_000 + (bonus ? 1 : 0) : 0;
        colleges(locality, rng, colleges);
        for (Org org : locality.orgs) naming.describe(org, Rng.of(plan.seed, SALT_ORG, org.index));
    }

    private Org org(Locality locality, OrganisationKind kind) {
        var org = new Org(plan.organisations.size(), locality, kind);
        org.id = plan.ids.organisation() + plan.organisations.size() + 1;
        plan.organisations.add(org);
        locality.orgs.add(org);
        return org;
    }

    private String[] schoolLanguages(Locality locality, Rng rng) {
        double r = locality.region.russianShare();
        double ruOnly = locality.urban ? r * 0.5 : r * 0.4;
        double mixed = locality.urban ? Math.min(0.6, r * 1.2) : r * 0.5;
        double x = rng.nextDouble();
        return x < ruOnly ? new String[]{"ru"} : x < ruOnly + mixed ? new String[]{"kk", "ru"} : new String[]{"kk"};
    }

    /** A special, boarding or evening school takes a few pupils of each of its grades from the locality. */
    private void specialSchool(Locality locality, Rng rng, OrganisationKind kind, int[] pupils, int fromGrade, int toGrade,
                               int min, int max) {
        var org = org(locality, kind);
        org.languages = schoolLanguages(locality, rng);
        int norm = kind == OrganisationKind.SPECIAL_SCHOOL ? SPECIAL_CLASS_NORM : CLASS_NORM;
        for (int g = fromGrade; g <= toGrade; g++) {
            int n = Math.min(pupils[g] / 8, rng.between(min, max));
            pupils[g] -= n;
            addClasses(org, rng, g, n, norm);
        }
    }

    private void generalClasses(Locality locality, Rng rng, List<Org> schools, int[] pupils) {
        if (schools.isEmpty()) return;
        double[] weights = new double[schools.size()];
        boolean[] zero = new boolean[schools.size()];
        int schoolPupils = 0;
        for (int g = 1; g <= 11; g++) schoolPupils += pupils[g];
        for (int i = 0; i < schools.size(); i++) {
            Org school = schools.get(i);
            weights[i] = rng.around(0.35);
            zero[i] = rng.chance(locality.urban ? 0.5 : 0.8);
            school.languages = schoolLanguages(locality, rng);
            int expected = (int) (schoolPupils * weights[i] / schools.size());
            school.shifts = locality.urban ? (expected > 1500 ? 3 : expected > 700 ? 2 : 1) : (expected > 500 ? 2 : 1);
        }
        for (int g = 0; g <= 11; g++) {
            double[] w = new double[schools.size()];
            boolean any = false;
            for (int i = 0; i < schools.size(); i++) {
                OrganisationKind kind = schools.get(i).kind;
                int top = kind == OrganisationKind.PRIMARY_SCHOOL ? 4 : kind == OrganisationKind.BASIC_SCHOOL ? 9 : 11;
                boolean serves = g <= top && (g > 0 || zero[i]);
                w[i] = serves ? weights[i] : 0;
                any |= serves;
            }
            if (!any) continue;
            int[] share = split(pupils[g], w);
            for (int i = 0; i < schools.size(); i++) addClasses(schools.get(i), rng, g, share[i], CLASS_NORM);
        }
    }

    private void addClasses(Org school, Rng rng, int grade, int pupils, int norm) {
        if (pupils <= 0) return;
        int classes = (pupils + norm - 1) / norm;
        boolean mixed = school.languages.length > 1;
        String[] letters = mixed || school.languages[0].equals("ru") ? RU_LETTERS : KK_LETTERS;
        if (classes > letters.length) throw new IllegalStateException("too many classes in one grade");
        double russian = school.locality.region.russianShare();
        int kazakhClasses = mixed ? (classes == 1 ? (rng.chance(russian) ? 0 : 1)
                : Math.max(1, (int) Math.ceil(classes * (1 - russian)))) : 0;
        for (int k = 0; k < classes; k++) {
            int size = pupils / classes + (k < pupils % classes ? 1 : 0);
            String language = mixed ? (k < kazakhClasses ? "kk" : "ru") : school.languages[0];
            int shift = switch (school.shifts) {
                case 1 -> 1;
                case 2 -> grade >= 2 && grade <= 4 || grade == 6 || grade == 7 ? 2 : 1;
                default -> grade >= 2 && grade <= 4 ? 2 : grade == 6 || grade == 7 ? 3 : 1;
            };
            var plan = new ClassPlan(school, grade, letters[k], language, shift, norm, size);
            plan.id = this.plan.ids.schoolClass() + ++this.plan.classes;
            school.classes.add(plan);
            school.locality.enrolled[cohortIndex(plan.cohortYear())] += size;
        }
    }

    /** Share of each birth year in preschool organisations: 1–6 year olds, most of the 3–5 year olds. */
    private static final double[] PRESCHOOL_SHARE = new double[Plan.COHORTS];
    /** Share of each birth year in colleges: after grade 9 or 11. */
    private static final double[] COLLEGE_SHARE = new double[Plan.COHORTS];

    static {
        PRESCHOOL_SHARE[cohortIndex(2020)] = 0.45;
        PRESCHOOL_SHARE[cohortIndex(2021)] = 0.70;
        PRESCHOOL_SHARE[cohortIndex(2022)] = 0.65;
        PRESCHOOL_SHARE[cohortIndex(2023)] = 0.55;
        PRESCHOOL_SHARE[cohortIndex(2024)] = 0.25;
        PRESCHOOL_SHARE[cohortIndex(2025)] = 0.05;
        COLLEGE_SHARE[cohortIndex(2008)] = 0.45;
        COLLEGE_SHARE[cohortIndex(2009)] = 0.30;
        COLLEGE_SHARE[cohortIndex(2010)] = 0.30;
    }

    private void preschools(Locality locality, Rng rng) {
        int[] kids = groupSizes(locality, rng, PRESCHOOL_SHARE);
        int total = 0;
        for (int k : kids) total += k;
        int count = locality.urban ? (total == 0 ? 0 : Math.max(1, Math.round(total / 100f)))
                : total < 10 ? 0 : Math.max(1, Math.round(total / 80f));
        groups(locality, rng, OrganisationKind.PRESCHOOL, count, kids);
    }

    private void colleges(Locality locality, Rng rng, int count) {
        if (count == 0) return;
        groups(locality, rng, OrganisationKind.TVET_COLLEGE, count, groupSizes(locality, rng, COLLEGE_SHARE));
    }

    private int[] groupSizes(Locality locality, Rng rng, double[] shares) {
        int[] kids = new int[Plan.COHORTS];
        for (int c = 0; c < Plan.COHORTS; c++) {
            int wanted = (int) Math.round(locality.children[c] * shares[c] * rng.around(0.1));
            kids[c] = Math.max(0, Math.min(wanted, locality.others(c)));
        }
        return kids;
    }

    private void groups(Locality locality, Rng rng, OrganisationKind kind, int count, int[] kids) {
        if (count == 0) return;
        List<Org> orgs = new ArrayList<>();
        double[] weights = new double[count];
        for (int i = 0; i < count; i++) {
            var org = org(locality, kind);
            org.group = new int[Plan.COHORTS];
            org.languages = kind == OrganisationKind.TVET_COLLEGE ? new String[]{"kk", "ru"} : schoolLanguages(locality, rng);
            org.shifts = kind == OrganisationKind.TVET_COLLEGE && rng.chance(0.5) ? 2 : 1;
            weights[i] = rng.around(0.4);
            orgs.add(org);
        }
        for (int c = 0; c < Plan.COHORTS; c++) {
            int[] share = split(kids[c], weights);
            for (int i = 0; i < count; i++) orgs.get(i).group[c] = share[i];
            locality.enrolled[c] += kids[c];
        }
    }

    // ---------------------------------------------------------------------------------------------------- persons

    /** Person ids follow the order in which the streams walk the plan: locality, organisation, class, the rest. */
    private void assignPersonIds() {
        long next = plan.ids.person() + 1;
        for (Locality locality : plan.localities) {
            locality.personBase = next;
            for (Org org : locality.orgs) {
                for (ClassPlan c : org.classes) {
                    c.personBase = next;
                    next += c.pupils;
                    plan.enrolments += c.pupils;
                }
                if (org.group != null) {
                    org.groupPersonBase = next;
                    for (int g : org.group) {
                        next += g;
                        plan.enrolments += g;
                    }
                }
            }
            for (int c = 0; c < Plan.COHORTS; c++) {
                if (locality.others(c) < 0) throw new IllegalStateException("more enrolled than born");
                next += locality.others(c);
            }
            locality.personCount = next - locality.personBase;
        }
        plan.persons = next - plan.ids.person() - 1;
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    /** Splits a whole number by weights so that the parts add up exactly (cumulative rounding). */
    static int[] split(int total, double[] weights) {
        double sum = 0;
        for (double w : weights) sum += w;
        int[] out = new int[weights.length];
        if (sum <= 0) return out;
        int last = weights.length - 1;
        while (weights[last] <= 0) last--;
        double cumulative = 0;
        int previous = 0;
        for (int i = 0; i <= last; i++) {
            cumulative += weights[i];
            int upTo = i == last ? total : (int) Math.round(total * cumulative / sum);
            out[i] = upTo - previous;
            previous = upTo;
        }
        return out;
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
