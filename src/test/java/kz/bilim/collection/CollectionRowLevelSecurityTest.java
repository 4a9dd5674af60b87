package kz.bilim.collection;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.access.BilimUser;
import kz.bilim.kernel.Almaty;
import kz.bilim.organisation.OrganisationKind;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Row-level security of the collection's submissions and values (V193 reads the scope once per statement instead of
 * once per row): without any scope condition in the query, a plain count sees only the caller's organisation or
 * territory, and a write outside it is refused.
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollectionRowLevelSecurityTest {

    static final String DISTRICT_A = "479700000";
    static final String DISTRICT_B = "479800000";
    static final long FIRST = 61_000_000L;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    OwnerDataSource owner;
    @Autowired
    CollectionBulkWriter writer;

    long periodId;

    @BeforeAll
    void twoDistrictsTwoSchoolsEach() {
        var field = new FormDefinition.Field("computers", FormDefinition.FieldType.NUMBER, new Texts("C", "C", "C"), false,
                BigDecimal.ZERO, null, true, null, null, null, null, null);
        var form = new NewForm("RLS-COLLECTION", 2026, Form.Kind.REGULAR, Form.Periodicity.ANNUAL,
                new Texts("R", "R", "R"), null, List.of(OrganisationKind.GENERAL_SECONDARY_SCHOOL),
                new FormDefinition(List.of(new FormDefinition.Section("S", new Texts("S", "S", "S"), List.of(field))),
                        List.of()));
        LocalDate today = LocalDate.now(Almaty.ZONE);
        var period = new NewPeriod("2026", today.minusMonths(1), today, new Period.Deadlines(today.plusDays(1),
                today.plusDays(2), today.plusDays(3), today.plusDays(4)));
        var schools = List.of(school(0, DISTRICT_A), school(1, DISTRICT_A), school(2, DISTRICT_B), school(3, DISTRICT_B));
        periodId = writer.write(owner, form, period, schools.iterator()).periodId();
    }

    static CollectionBulkWriter.BulkSubmission school(int i, String district) {
        return new CollectionBulkWriter.BulkSubmission(FIRST + i, district.substring(0, 4) + "33101",
                SubmissionStatus.ACCEPTED, 1, Instant.now(), false, 0, 0, null,
                Map.of("computers", BigDecimal.valueOf(10 + i)), Map.of());
    }

    @AfterAll
    void remove() {
        writer.remove(owner, FIRST - 1, FIRST + 3);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static void signIn(BilimUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }

    /** Deliberately no scope condition: only row-level security stands between the caller and other rows. */
    List<Long> plain(String table) {
        String join = table.equals("collection_value") ? " join collection_submission s on s.id = t.submission_id" : "";
        String period = table.equals("collection_value") ? "s.period_id" : "t.period_id";
        return jdbc.sql("select t.organisation_id from " + table + " t" + join + " where " + period + " = :period "
                        + "order by 1").param("period", periodId).query(Long.class).list();
    }

    @Test
    @DisplayName("EIS-6 scope, row-level security: a plain read of submissions and values sees a school only its own, a district only its district's, the ministry all")
    void plainReadsSeeOnlyTheScope() {
        for (String table : List.of("collection_submission", "collection_value")) {
            signIn(TestUsers.districtUser(DISTRICT_A));
            assertThat(plain(table)).as(table).containsExactly(FIRST, FIRST + 1);
            signIn(TestUsers.districtUser(DISTRICT_B));
            assertThat(plain(table)).as(table).containsExactly(FIRST + 2, FIRST + 3);
            signIn(TestUsers.organisationAdminUser(FIRST + 1, "479733101"));
            assertThat(plain(table)).as(table).containsExactly(FIRST + 1);
            signIn(TestUsers.ministryUser());
            assertThat(plain(table)).as(table).containsExactly(FIRST, FIRST + 1, FIRST + 2, FIRST + 3);
            SecurityContextHolder.clearContext();
            assertThat(plain(table)).as(table + ", signed out").isEmpty();
        }
    }

    @Test
    @DisplayName("EIS-6 scope, row-level security: a district cannot change another district's values, nor write a value into it")
    void writesOutsideTheScopeAreRefused() {
        signIn(TestUsers.districtUser(DISTRICT_A));
        int changed = jdbc.sql("update collection_value set number_value = 0 where organisation_id = :org")
                .param("org", FIRST + 2).update();
        assertThat(changed).isZero();
        long other = JdbcClient.create(owner).sql("select id from collection_submission where organisation_id = ?")
                .param(FIRST + 2).query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("""
                        insert into collection_value (submission_id, kato, organisation_id, field_code, number_value)
                        values (:id, '479833101', :org, 'extra', 1)""")
                .param("id", other).param("org", FIRST + 2).update())
                .rootCause().hasMessageContaining("violates row-level security policy");
        assertThat(JdbcClient.create(owner).sql("select sum(number_value) from collection_value where organisation_id = ?")
                .param(FIRST + 2).query(BigDecimal.class).single()).isEqualByComparingTo("12");
    }
}
