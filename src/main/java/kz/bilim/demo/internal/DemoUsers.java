package kz.bilim.demo.internal;

import kz.bilim.kernel.Role;
import kz.bilim.demo.internal.Plan.DemoUser;
import kz.bilim.organisation.OrganisationKind;
import kz.bilim.demo.internal.Plan.Org;
import kz.bilim.territory.Territory;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * The demo users: one or more for every role, in the same territories at every scale — Zhambyl region (31) and
 * Astana (71); the Taraz city administration (3110) and the first rural district of Zhambyl region (3120); the first
 * district of Astana (7110). Their passwords are public (docs/demo-users.md): demo data only.
 */
final class DemoUsers {

    static final String REGION = "310000000";
    static final String REGION_2 = "710000000";
    static final String DISTRICT = "311000000";
    static final String DISTRICT_2 = "312000000";
    static final String DISTRICT_ELSEWHERE = "711000000";

    /** The demo parent (TR-17): the registry links two demo pupils to her IIN ({@link DemoParents}). */
    static final String APPLICANT = "applicant";
    static final String APPLICANT_PASSWORD = "demo-applicant-2026";
    static final String APPLICANT_NAME = "Жанар Мұратқызы Тоқтарова";

    private DemoUsers() {
    }

    static void plan(Plan plan) {
        add(plan, "ministry", "demo-ministry-2026", Role.MINISTRY_ADMIN, "Айгерім Серікқызы Ахметова", null, null, "kk");
        add(plan, DemoStatistics.ANALYST, "demo-statistics-2026", Role.STATISTICS_ANALYST, DemoStatistics.ANALYST_NAME, null, null, "ru");
        add(plan, "contact.centre", "demo-contact-2026", Role.CONTACT_CENTRE, "Мәдина Ерланқызы Оспанова", null, null, "kk");
        add(plan, "region.zhambyl", "demo-region-2026", Role.REGION_OFFICER, "Ерлан Қайратұлы Жұмабаев", REGION, null, "kk");
        add(plan, "region.astana", "demo-region2-2026", Role.REGION_OFFICER, "Анна Викторовна Смирнова", REGION_2, null, "ru");
        add(plan, "district.taraz", "demo-district-2026", Role.DISTRICT_OFFICER, "Дана Болатқызы Сейітова", DISTRICT, null, "kk");
        add(plan, "district.zhambyl2", "demo-district2-2026", Role.DISTRICT_OFFICER, "Нұрлан Асқарұлы Бейсенов", DISTRICT_2, null, "kk");
        add(plan, "district.astana", "demo-district3-2026", Role.DISTRICT_OFFICER, "Ольга Игоревна Волкова", DISTRICT_ELSEWHERE, null, "ru");
        add(plan, "police.zhambyl2", "demo-police-2026", Role.POLICE_LIAISON, "Асхат Маратұлы Құрманов", DISTRICT_2, null, "kk");
        add(plan, "school.taraz", "demo-school-2026", Role.ORGANISATION_ADMIN, "Гүлнұр Берікқызы Есенова", null,
                first(plan, DISTRICT, o -> o.kind == OrganisationKind.GENERAL_SECONDARY_SCHOOL), "kk");
        add(plan, "school.zhambyl2", "demo-school2-2026", Role.ORGANISATION_ADMIN, "Бауыржан Серікұлы Омаров", null,
                first(plan, DISTRICT_2, o -> o.kind.isSchool()), "kk");
        add(plan, "kindergarten.taraz", "demo-kindergarten-2026", Role.ORGANISATION_ADMIN, "Елена Павловна Козлова", null,
                first(plan, DISTRICT, o -> o.kind == OrganisationKind.PRESCHOOL), "ru");
        add(plan, APPLICANT, APPLICANT_PASSWORD, Role.APPLICANT, APPLICANT_NAME, null, null, "kk");
    }

    /** The demo parent's IIN, the same at every scale and seed (that of her account and test certificate). */
    static kz.bilim.identity.Iin applicantIin() {
        return new Plan.DemoUser(APPLICANT, APPLICANT_PASSWORD, Role.APPLICANT, APPLICANT_NAME, null, null, "kk", "").iin();
    }

    /** docs/demo-users.md: the users of the region scale (what the application loads on start by default). */
    static String markdown(Plan plan) {
        var sb = new StringBuilder();
        sb.append("""
                # Demo users

                The demo data (`bilim.demo.load-on-start`, environment `BILIM_DEMO`, default `region`) are loaded into an
                empty database on start, with these users. The passwords are public — demo data only, never in production.
                Every scale (`tiny`, `region`, `national`) has the same users in the same territories; the organisations
                below are those of the `region` scale with the default seed (at other scales the same roles sit in the
                first school or kindergarten of the same district). Generated from the demo plan; a test keeps this file
                in step with the code (`DemoGeneratorTest`).

                | username | password | role | territory / organisation | KATO |
                |---|---|---|---|---|
                """);
        for (DemoUser u : plan.users) {
            String where = u.org() != null ? u.territoryName() + " (BIN " + u.org().bin + ")"
                    : u.scopeKato() == null ? (u.role() == Role.APPLICANT ? "— (a parent; no territory)" : "whole country")
                    : u.territoryName();
            sb.append("| `").append(u.username()).append("` | `").append(u.password()).append("` | ")
                    .append(u.role().name()).append(" | ").append(where).append(" | ")
                    .append(u.kato().isEmpty() ? "—" : u.kato()).append(" |\n");
        }
        return sb.toString();
    }

    private static Org first(Plan plan, String district, Predicate<Org> wanted) {
        String prefix = district.substring(0, 4);
        Optional<Org> org = plan.organisations.stream()
                .filter(o -> o.locality.kato.startsWith(prefix) && wanted.test(o)).findFirst();
        return org.orElseThrow(() -> new IllegalStateException("no organisation for a demo user in " + district));
    }

    private static void add(Plan plan, String username, String password, Role role, String fullName, String scopeKato,
                            Org org, String locale) {
        String where = org != null ? org.nameRu
                : scopeKato == null ? "" : REGION.equals(scopeKato) ? "Жамбылская область"
                : REGION_2.equals(scopeKato) ? "город Астана"
                : plan.territories.stream().filter(t -> t.kato().equals(scopeKato))
                .map(Territory::nameRu).findFirst().orElse(scopeKato);
        plan.users.add(new DemoUser(username, password, role, fullName, scopeKato, org, locale, where));
    }
}
