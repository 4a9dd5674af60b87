package kz.bilim.organisation;

import kz.bilim.kernel.Almaty;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.access.BilimUser;
import kz.bilim.enrolment.EnrolmentStatistics;
import kz.bilim.identity.Sex;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** Row-level security itself, without the explicit scope conditions: a plain count sees only the caller's district. */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowLevelSecurityTest {

    static final String REGION = "550000000";
    static final String DISTRICT_A = "559100000";
    static final String DISTRICT_B = "559200000";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    OwnerDataSource ownerDataSource;
    @Autowired
    OrganisationStatistics organisationStatistics;
    @Autowired
    EnrolmentStatistics enrolmentStatistics;

    static final String SCHOOL_KINDS = "PRIMARY_SCHOOL,BASIC_SCHOOL,GENERAL_SECONDARY_SCHOOL,SPECIAL_SCHOOL,"
            + "BOARDING_SCHOOL,EVENING_SCHOOL";

    RegistryFixture fixture;

    @BeforeAll
    void fixtures() {
        fixture = new RegistryFixture(ownerDataSource, YearMonth.of(2004, 9), 4000);
        String a = fixture.districtWithSettlement(DISTRICT_A, false);
        String b = fixture.districtWithSettlement(DISTRICT_B, true);
        int year = AcademicYear.current(java.time.Clock.system(Almaty.ZONE)).startYear();
        for (int i = 0; i < 3; i++) {
            long school = fixture.organisation(a, "А" + i, "GENERAL_SECONDARY_SCHOOL", 1, "kk");
            long c = fixture.schoolClass(school, a, year, 2, "А", "kk", 25);
            long p = fixture.person(fixture.nextIin(LocalDate.of(2017, 1, 1 + i), Sex.MALE), "Аов", "Ал", a);
            fixture.enrolment(p, school, c, a, 2, LocalDate.now(Almaty.ZONE).minusDays(1));
        }
        fixture.organisation(a, "Балабақша", "PRESCHOOL", 1, "kk");
        for (int i = 0; i < 2; i++) {
            long school = fixture.organisation(b, "Б" + i, "TVET_COLLEGE", 1, "ru");
            long p = fixture.person(fixture.nextIin(LocalDate.of(2007, 2, 1 + i), Sex.FEMALE), "Бова", "Бо", b);
            fixture.enrolment(p, school, null, b, null, LocalDate.now(Almaty.ZONE).minusDays(1));
        }
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static void signIn(BilimUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }

    long plainCount(String table, String prefix) {
        // deliberately no scope condition: only row-level security stands between the caller and other districts
        return jdbc.sql("select count(*) from " + table + " where kato like :prefix")
                .param("prefix", prefix + "%").query(Long.class).single();
    }

    /** What is really there, counted as the schema owner (other test classes may add rows elsewhere). */
    long ownerCount(String table, String prefix) {
        return fixture.owner().sql("select count(*) from " + table + " where kato like :prefix")
                .param("prefix", prefix + "%").query(Long.class).single();
    }

    @Test
    @DisplayName("CA-2 row-level security: with district A's scope a plain count of organisation and enrolment sees only district A")
    void plainCountSeesOnlyTheDistrict() {
        assertThat(ownerCount("organisation", "5592")).isGreaterThanOrEqualTo(2);
        assertThat(ownerCount("enrolment", "5592")).isGreaterThanOrEqualTo(2);
        signIn(TestUsers.districtUser(DISTRICT_A));
        long organisations = jdbc.sql("select count(*) from organisation").query(Long.class).single();
        long enrolments = jdbc.sql("select count(*) from enrolment").query(Long.class).single();
        assertThat(organisations).isEqualTo(ownerCount("organisation", "5591")).isGreaterThanOrEqualTo(4);
        assertThat(enrolments).isEqualTo(ownerCount("enrolment", "5591")).isGreaterThanOrEqualTo(3);
        assertThat(plainCount("organisation", "5592")).isZero();
        assertThat(plainCount("enrolment", "5592")).isZero();
        assertThat(jdbc.sql("select count(*) from person where residence_kato like '5592%'").query(Long.class).single())
                .isZero();
        signIn(TestUsers.districtUser(DISTRICT_B));
        assertThat(jdbc.sql("select count(*) from organisation").query(Long.class).single())
                .isEqualTo(ownerCount("organisation", "5592"));
        assertThat(plainCount("enrolment", "5591")).isZero();
    }

    @Test
    @DisplayName("SC-3 row-level security gives a statistics analyst organisations but no enrolment or person rows")
    void statisticsSeeNoPersonalRows() {
        signIn(new BilimUser(900005, "test.statistics", "", "Test Statistics", kz.bilim.kernel.Role.STATISTICS_ANALYST,
                kz.bilim.kernel.Scope.all(false), "", null, "en", true, 0));
        assertThat(plainCount("organisation", "55")).isEqualTo(ownerCount("organisation", "55"));
        assertThat(plainCount("enrolment", "55")).isZero();
        assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isZero();
        // but the aggregate counts for the dashboard are there, without personal data
        var pupils = enrolmentStatistics.pupilsByChildTerritory(REGION);
        assertThat(pupils).filteredOn(c -> c.kato().equals(DISTRICT_A)).singleElement()
                .satisfies(c -> assertThat(c.pupils()).isEqualTo(activePupils("5591")));
    }

    long activePupils(String prefix) {
        return fixture.owner().sql("select count(*) from enrolment where enrolled_to is null and kato like :p")
                .param("p", prefix + "%").query(Long.class).single();
    }

    long organisations(String prefix, String kinds) {
        return fixture.owner().sql("select count(*) from organisation where kato like :p and kind = any(string_to_array(:k, ','))")
                .param("p", prefix + "%").param("k", kinds).query(Long.class).single();
    }

    @Test
    @DisplayName("dashboard counts per child territory: schools, preschools, colleges, classes and pupils, within the scope")
    void countsPerChildTerritory() {
        signIn(TestUsers.ministryUser());
        var counts = organisationStatistics.byChildTerritory(REGION);
        assertThat(counts).filteredOn(c -> c.kato().equals(DISTRICT_A)).singleElement().satisfies(c -> {
            assertThat(c.schools()).isGreaterThanOrEqualTo(3).isEqualTo(organisations("5591", SCHOOL_KINDS));
            assertThat(c.preschools()).isGreaterThanOrEqualTo(1).isEqualTo(organisations("5591", "PRESCHOOL"));
            assertThat(c.colleges()).isEqualTo(organisations("5591", "TVET_COLLEGE"));
            assertThat(c.classes()).isGreaterThanOrEqualTo(3);
        });
        assertThat(counts).filteredOn(c -> c.kato().equals(DISTRICT_B)).singleElement()
                .satisfies(c -> assertThat(c.colleges()).isGreaterThanOrEqualTo(2)
                        .isEqualTo(organisations("5592", "TVET_COLLEGE")));
        var regions = organisationStatistics.byChildTerritory(null);
        assertThat(regions).hasSizeGreaterThanOrEqualTo(20);
        assertThat(regions).filteredOn(c -> c.kato().equals(REGION)).singleElement()
                .satisfies(c -> assertThat(c.schools()).isGreaterThanOrEqualTo(3));
        assertThat(enrolmentStatistics.pupilsByChildTerritory(REGION)).filteredOn(c -> c.kato().equals(DISTRICT_B))
                .singleElement().satisfies(c -> assertThat(c.pupils()).isGreaterThanOrEqualTo(2)
                        .isEqualTo(activePupils("5592")));
        // district A's officer sees nothing of district B
        signIn(TestUsers.districtUser(DISTRICT_A));
        assertThat(organisationStatistics.byChildTerritory(REGION)).filteredOn(c -> c.kato().equals(DISTRICT_B))
                .singleElement().satisfies(c -> assertThat(c.colleges()).isZero());
        assertThat(enrolmentStatistics.pupilsByChildTerritory(REGION)).filteredOn(c -> c.kato().equals(DISTRICT_B))
                .singleElement().satisfies(c -> assertThat(c.pupils()).isZero());
    }
}
