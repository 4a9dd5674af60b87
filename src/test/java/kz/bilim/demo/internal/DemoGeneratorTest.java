package kz.bilim.demo.internal;

import kz.bilim.kernel.Role;
import kz.bilim.demo.DemoScale;
import kz.bilim.demo.internal.Plan.ClassPlan;
import kz.bilim.organisation.OrganisationKind;
import kz.bilim.demo.internal.Plan.Org;
import kz.bilim.access.BulkAccounts;
import kz.bilim.enrolment.BulkEnrolments;
import kz.bilim.identity.Bin;
import kz.bilim.organisation.BulkOrganisations;
import kz.bilim.platform.database.BulkTable;
import kz.bilim.platform.database.CopyBinary;
import kz.bilim.territory.BulkTerritories;
import kz.bilim.identity.Iin;
import kz.bilim.identity.Sex;
import kz.bilim.territory.KatoCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The generator without a database: determinism, shapes of the scales, identity numbers, names, KATO codes. */
class DemoGeneratorTest {

    private static final long SEED = 20261123L;
    private static final Pattern LATIN = Pattern.compile("[A-Za-z]");

    /** MD5 of every COPY stream of a plan, through the owners' bulk writers — the exact bytes PostgreSQL would receive. */
    private static String digest(Plan plan) throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        CopyBinary.Sink sink = md5::update;
        stream(sink, BulkTerritories.TERRITORIES, out -> Rows.territories(plan, out));
        stream(sink, BulkOrganisations.ORGANISATIONS, out -> Rows.organisations(plan, out));
        stream(sink, BulkOrganisations.CLASSES, out -> Rows.classes(plan, out));
        stream(sink, BulkEnrolments.PERSONS, out -> Rows.persons(plan, out, 0, 1));
        stream(sink, BulkEnrolments.ENROLMENTS, out -> Rows.enrolments(plan, out));
        stream(sink, BulkAccounts.ACCOUNTS, out -> Rows.users(plan, Function.identity(), out));
        return HexFormat.of().formatHex(md5.digest());
    }

    private static <R> void stream(CopyBinary.Sink sink, BulkTable<R> table, Consumer<Consumer<R>> rows) throws Exception {
        try (var out = new CopyBinary(sink)) {
            rows.accept(row -> table.encode(row, out));
        }
    }

    @Test
    @DisplayName("the same seed and scale give byte-identical data; another seed gives other data")
    void deterministic() throws Exception {
        String first = digest(Planner.plan(DemoScale.TINY, SEED, Plan.Ids.EMPTY));
        String again = digest(Planner.plan(DemoScale.TINY, SEED, Plan.Ids.EMPTY));
        String other = digest(Planner.plan(DemoScale.TINY, SEED + 1, Plan.Ids.EMPTY));
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(digest(Planner.plan(DemoScale.REGION, SEED, Plan.Ids.EMPTY)))
                .isEqualTo(digest(Planner.plan(DemoScale.REGION, SEED, Plan.Ids.EMPTY)));
    }

    @Test
    @DisplayName("the national scale has the size of the country (architecture.md: Scale)")
    void nationalShape() {
        Plan plan = Planner.plan(DemoScale.NATIONAL, SEED, Plan.Ids.EMPTY);
        Map<OrganisationKind, Long> kinds = plan.organisations.stream().collect(Collectors.groupingBy(o -> o.kind, Collectors.counting()));
        long schools = kinds.entrySet().stream().filter(e -> e.getKey().isSchool()).mapToLong(Map.Entry::getValue).sum();
        long pupils = plan.organisations.stream().flatMap(o -> o.classes.stream()).mapToLong(c -> c.pupils).sum();
        assertThat(plan.persons).isEqualTo(6_800_000);
        assertThat(pupils).isBetween(3_500_000L, 3_900_000L);
        assertThat(schools).isBetween(7_000L, 8_400L);
        assertThat(kinds.get(OrganisationKind.PRESCHOOL)).isBetween(11_000L, 13_500L);
        assertThat(kinds.get(OrganisationKind.TVET_COLLEGE)).isPositive();
        assertThat(plan.classes).isBetween(160_000L, 200_000L);
        assertThat(plan.territories.stream().filter(t -> t.level() == 2).count()).isBetween(200L, 260L);
        assertThat(plan.territories.stream().map(t -> t.kato().substring(0, 2)).distinct().count()).isEqualTo(20);
    }

    @Test
    @DisplayName("the region scale is roughly one region; the tiny one has every kind of organisation")
    void regionAndTinyShapes() {
        Plan region = Planner.plan(DemoScale.REGION, SEED, Plan.Ids.EMPTY);
        long schools = region.organisations.stream().filter(o -> o.kind.isSchool()).count();
        long preschools = region.organisations.stream().filter(o -> o.kind == OrganisationKind.PRESCHOOL).count();
        assertThat(region.persons).isEqualTo(350_000);
        assertThat(schools).isBetween(300L, 480L);
        assertThat(preschools).isBetween(450L, 750L);

        Plan tiny = Planner.plan(DemoScale.TINY, SEED, Plan.Ids.EMPTY);
        assertThat(tiny.organisations).hasSizeBetween(15, 30);
        assertThat(tiny.organisations.stream().map(o -> o.kind).collect(Collectors.toSet()))
                .contains(OrganisationKind.PRESCHOOL, OrganisationKind.GENERAL_SECONDARY_SCHOOL, OrganisationKind.TVET_COLLEGE, OrganisationKind.SPECIAL_SCHOOL,
                        OrganisationKind.BOARDING_SCHOOL, OrganisationKind.EVENING_SCHOOL);
        assertThat(tiny.territories.stream().map(t -> t.kato().substring(0, 2)).distinct()).hasSize(2);
    }

    @Test
    @DisplayName("KATO codes: nine digits, the level their zero groups say, each under its parent's prefix")
    void katoCodesConsistent() {
        Plan plan = Planner.plan(DemoScale.NATIONAL, SEED, Plan.Ids.EMPTY);
        Set<String> codes = new HashSet<>();
        for (var t : plan.territories) {
            var code = KatoCode.parse(t.kato());
            assertThat(code.level()).as(t.kato()).isEqualTo(t.level());
            var parent = KatoCode.parse(t.parentKato());
            assertThat(t.kato()).startsWith(parent.scopePrefix());
            assertThat(parent.level()).isEqualTo(t.level() - 1);
            assertThat(codes.add(t.kato())).as("unique " + t.kato()).isTrue();
            assertThat(t.level() == 1 || codes.contains(t.parentKato()) || t.level() == 2).isTrue();
        }
        for (Org o : plan.organisations) assertThat(codes).contains(o.locality.kato);
    }

    @Test
    @DisplayName("every BIN is valid and unique; every class holds no more pupils than its capacity")
    void binsAndClasses() {
        Plan plan = Planner.plan(DemoScale.NATIONAL, SEED, Plan.Ids.EMPTY);
        Set<Bin> bins = new HashSet<>();
        for (Org o : plan.organisations) {
            assertThat(o.bin.type()).isEqualTo(Bin.EntityType.RESIDENT);
            assertThat(bins.add(o.bin)).isTrue();
            Set<String> letters = new HashSet<>();
            for (ClassPlan c : o.classes) {
                assertThat(c.pupils).isBetween(1, c.capacity);
                assertThat(c.capacity).isLessThanOrEqualTo(25);
                assertThat(letters.add(c.grade + c.letter)).isTrue();
            }
        }
    }

    @Test
    @DisplayName("IIN rules: the writer composes exactly what Iin.compose gives — birth date, century and sex, check digit")
    void iinsAsIinCompose() {
        var rng = new Rng(7);
        for (int i = 0; i < 20_000; i++) {
            LocalDate date = LocalDate.of(2006, 1, 1).plusDays(rng.nextInt(7600));
            boolean male = rng.chance(0.5);
            int serial = rng.nextInt(10_000);
            Iin expected = Iin.compose(date, male ? Sex.MALE : Sex.FEMALE, serial);
            String ours = PersonWriter.compose(date, male, serial);
            assertThat(ours).isEqualTo(expected == null ? null : expected.value());
            if (ours != null) {
                assertThat(Iin.parse(ours).birthDate()).isEqualTo(date);
                assertThat(Iin.parse(ours).sex()).isEqualTo(male ? Sex.MALE : Sex.FEMALE);
            }
        }
    }

    @Test
    @DisplayName("names are Kazakh or Russian Cyrillic: no Latin letter in person, territory or organisation names")
    void namesAreCyrillic() {
        for (var pool : java.util.List.of(People.KAZAKH, People.RUSSIAN, People.UZBEK, People.UKRAINIAN, People.UYGHUR,
                People.TATAR, People.GERMAN, People.KOREAN)) {
            for (String[] names : new String[][]{pool.maleFirst(), pool.femaleFirst(), pool.maleLast(), pool.femaleLast()}) {
                for (String name : names) assertThat(name).doesNotContainPattern(LATIN).isNotBlank();
            }
        }
        assertThat(People.KAZAKH.sonSuffix()).isEqualTo("ұлы");
        assertThat(People.KAZAKH.daughterSuffix()).isEqualTo("қызы");
        assertThat(People.KAZAKH.sonForms()).contains("Серікұлы");
        assertThat(People.KAZAKH.daughterForms()).contains("Серікқызы");
        assertThat(Arrays.stream(People.RUSSIAN.malePatronymic()))
                .allMatch(p -> p.endsWith("ович") || p.endsWith("евич") || p.endsWith("ьич"));
        Plan plan = Planner.plan(DemoScale.REGION, SEED, Plan.Ids.EMPTY);
        for (var t : plan.territories) assertThat(t.nameKk() + t.nameRu()).doesNotContainPattern(LATIN);
        for (Org o : plan.organisations) {
            assertThat(o.nameKk + o.nameRu).doesNotContainPattern(LATIN);
            assertThat(o.email).matches("[a-z0-9._-]+@[a-z0-9.-]+\\.edu\\.kz");
        }
        assertThat(plan.organisations).anyMatch(o -> o.nameKk.endsWith("жалпы білім беретін мектеп")
                && o.nameRu.startsWith("Средняя общеобразовательная школа № "));
        assertThat(plan.organisations).anyMatch(o -> o.nameKk.endsWith("бөбекжайы") && o.nameRu.startsWith("Ясли-сад"));
    }

    @Test
    @DisplayName("demo users: every role, usernames as access requires, territorial users in the right territories")
    void users() {
        for (DemoScale scale : DemoScale.values()) {
            Plan plan = Planner.plan(scale, SEED, Plan.Ids.EMPTY);
            assertThat(plan.users.stream().map(Plan.DemoUser::role).collect(Collectors.toSet())).containsExactlyInAnyOrder(Role.values());
            assertThat(plan.users.stream().filter(u -> u.role() == Role.REGION_OFFICER)).hasSize(2);
            assertThat(plan.users.stream().filter(u -> u.role() == Role.DISTRICT_OFFICER).map(u -> u.kato().substring(0, 2)))
                    .containsExactlyInAnyOrder("31", "31", "71");
            for (var u : plan.users) {
                assertThat(u.username()).matches("^[a-z0-9._-]{3,64}$");
                if (u.role() == Role.ORGANISATION_ADMIN) assertThat(u.kato()).isEqualTo(u.org().locality.kato);
                if (u.role() == Role.MINISTRY_ADMIN || u.role() == Role.STATISTICS_ANALYST) assertThat(u.kato()).isEmpty();
                if (u.role().boundToTerritory()) assertThat(plan.territories.stream().map(kz.bilim.territory.Territory::kato)
                        .anyMatch(k -> k.equals(u.scopeKato())) || u.scopeKato().endsWith("0000000")).isTrue();
            }
        }
    }

    @Test
    @DisplayName("docs/demo-users.md lists exactly the users and passwords the region scale loads")
    void demoUsersDocument() throws Exception {
        String expected = DemoUsers.markdown(Planner.plan(DemoScale.REGION, DemoProperties.DEFAULT_SEED, Plan.Ids.EMPTY));
        var file = java.nio.file.Path.of("docs/demo-users.md");
        if (System.getProperty("bilim.writeDocs") != null) java.nio.file.Files.writeString(file, expected);
        assertThat(java.nio.file.Files.readString(file)).isEqualTo(expected);
        // README repeats the table for a newcomer: every row of it must be there too
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        expected.lines().filter(line -> line.startsWith("| `")).forEach(row -> assertThat(readme).contains(row));
    }
}
