package kz.bilim.access;

import kz.bilim.kernel.Role;
import kz.bilim.kernel.Scope;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.identity.Bin;
import kz.bilim.identity.Iin;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The safety net under every query: PostgreSQL row-level security on the application role. Plain
 * {@code select}s without any {@code where} are run through the application pool as different callers.
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowLevelSecurityTest {

    /** Two districts of West Kazakhstan region; no other test uses region 27. */
    static final String DISTRICT_A = "271000000";
    static final String DISTRICT_B = "272000000";
    static final List<String> PROTECTED = List.of("organisation", "school_class", "person", "enrolment", "app_user",
            "audit_event");

    @Autowired
    OwnerDataSource owner;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    void seed() {
        var db = JdbcClient.create(owner);
        int serial = 0;
        for (String district : List.of(DISTRICT_A, DISTRICT_B)) {
            String settlement = district.substring(0, 4) + "01001";
            db.sql("""
                    insert into territory (kato, parent_kato, level, name_kk, name_ru, urban) values
                      (:d, '270000000', 2, 'Аудан', 'Район', false),
                      (:r, :d, 3, 'Ауылдық округ', 'Сельский округ', false),
                      (:s, :r, 4, 'Ауыл', 'Село', false)
                    """).param("d", district).param("r", district.substring(0, 4) + "01000").param("s", settlement).update();
            Bin bin = null;
            while (bin == null) bin = Bin.compose(YearMonth.of(2010, 1), Bin.EntityType.RESIDENT, Bin.Attribute.HEAD_OFFICE, 27000 + serial++);
            long org = db.sql("""
                    insert into organisation (bin, name_kk, name_ru, kind, ownership, kato, urban, languages, shifts)
                    values (:bin, 'Мектеп', 'Школа', 'GENERAL_SECONDARY_SCHOOL', 'STATE', :s, false, array['kk'], 1)
                    returning id""").param("bin", bin.value()).param("s", settlement).query(Long.class).single();
            long cls = db.sql("""
                    insert into school_class (organisation_id, kato, academic_year, grade, letter, language)
                    values (:org, :s, 2026, 5, 'А', 'kk') returning id""")
                    .param("org", org).param("s", settlement).query(Long.class).single();
            Iin iin = null;
            while (iin == null) iin = Iin.compose(LocalDate.of(2015, 4, 2), Sex.MALE, 2700 + serial++);
            long person = db.sql("""
                    insert into person (iin, last_name, first_name, birth_date, sex, residence_kato)
                    values (:iin, 'Тестов', 'Тест', '2015-04-02', 'MALE', :s) returning id""")
                    .param("iin", iin.value()).param("s", settlement).query(Long.class).single();
            db.sql("""
                    insert into enrolment (person_id, organisation_id, class_id, kato, grade, enrolled_from, admission_order)
                    values (:p, :org, :cls, :s, 5, '2026-09-01', 'RLS-1')""")
                    .param("p", person).param("org", org).param("cls", cls).param("s", settlement).update();
            db.sql("""
                    insert into app_user (username, password_hash, full_name, role, scope_kato, kato)
                    values (:u, '{noop}x', 'Officer', 'DISTRICT_OFFICER', :d, :d)""")
                    .param("u", "rls." + district).param("d", district).update();
            db.sql("""
                    insert into audit_event (actor, actor_role, action, subject_type, subject_id, kato, organisation_id)
                    values ('rls', 'SYSTEM', 'READ', 'person', :p, :s, :org)""")
                    .param("p", String.valueOf(person)).param("s", settlement).param("org", org).update();
        }
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    @DisplayName("CA-2 a district officer's connection sees only the district's rows in every protected table")
    void districtSeesOnlyItsDistrict() {
        signIn(TestUsers.districtUser(DISTRICT_A));
        for (String table : PROTECTED) {
            assertThat(countIn(table, "2710")).as(table + " in own district").isPositive();
            assertThat(countIn(table, "2720")).as(table + " in the other district").isZero();
            assertThat(countIn(table, "")).as(table + " anywhere").isEqualTo(countIn(table, "2710"));
        }
    }

    @Test
    @DisplayName("CA-2 a region officer sees both districts of the region")
    void regionSeesItsDistricts() {
        signIn(TestUsers.regionUser("270000000"));
        for (String table : PROTECTED) {
            assertThat(countIn(table, "2710")).as(table).isPositive();
            assertThat(countIn(table, "2720")).as(table).isPositive();
        }
    }

    @Test
    @DisplayName("SC-3 a statistics analyst sees organisations but no person or enrolment row")
    void statisticsSeeNoPersonalData() {
        signIn(new BilimUser(1, "stat", "", "Stat", Role.STATISTICS_ANALYST, Scope.all(false), "", null, "en", true, 0));
        assertThat(countIn("organisation", "27")).isPositive();
        assertThat(countIn("person", "")).isZero();
        assertThat(countIn("enrolment", "")).isZero();
    }

    @Test
    @DisplayName("an anonymous connection sees no protected row at all")
    void anonymousSeesNothing() {
        for (String table : PROTECTED) assertThat(countIn(table, "")).as(table).isZero();
    }

    private long countIn(String table, String katoPrefix) {
        String column = table.equals("person") ? "residence_kato" : "kato";
        // table and column names come from the constant list above, never from input
        return jdbc.sql("select count(*) from " + table + " where " + column + " like :p")
                .param("p", katoPrefix + "%").query(Long.class).single();
    }

    private static void signIn(BilimUser user) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }
}
