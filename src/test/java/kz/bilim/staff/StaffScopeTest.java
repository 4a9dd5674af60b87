package kz.bilim.staff;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.identity.Iin;
import kz.bilim.identity.Sex;
import kz.bilim.kernel.Almaty;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * SC-5, HB-1: staff are scoped like organisations — a school sees its own staff, a district its district's, never
 * another's — in the API, on the pages and in PostgreSQL's row-level security under them; and staff figures reach
 * statistics without personal data.
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffScopeTest {

    static final String DISTRICT_A = "799400000";
    static final String DISTRICT_B = "799500000";
    static final LocalDate TODAY = LocalDate.now(Almaty.ZONE);

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;
    @Autowired
    DataSource dataSource;

    StaffFixture fixture;
    String settlementA;
    String settlementB;
    long schoolA;
    long schoolA2;
    long schoolB;
    long memberA;
    long memberB;
    Iin iinA;
    Iin iinB;

    @BeforeAll
    void fixtures() throws Exception {
        fixture = new StaffFixture(ownerDataSource, YearMonth.of(2006, 8), 6800);
        settlementA = fixture.registry.districtWithSettlement(DISTRICT_A, false);
        settlementB = fixture.registry.districtWithSettlement(DISTRICT_B, true);
        schoolA = fixture.registry.organisation(settlementA, "Арай", "GENERAL_SECONDARY_SCHOOL", 1, "kk");
        schoolA2 = fixture.registry.organisation(settlementA, "Нұр", "GENERAL_SECONDARY_SCHOOL", 1, "kk");
        schoolB = fixture.registry.organisation(settlementB, "Самал", "GENERAL_SECONDARY_SCHOOL", 1, "ru");
        iinA = fixture.adult(1981, Sex.FEMALE);
        iinB = fixture.adult(1995, Sex.MALE);
        memberA = hire(schoolA, settlementA, iinA, "TEACHER");
        memberB = hire(schoolB, settlementB, iinB, "DRIVER");
        hire(schoolA, settlementA, fixture.adult(1962, Sex.MALE), "WATCHMAN");
    }

    long hire(long school, String kato, Iin iin, String position) throws Exception {
        String location = mvc.perform(post("/api/v1/organisations/" + school + "/staff")
                        .with(TestUsers.organisationAdmin(school, kato)).contentType(MediaType.APPLICATION_JSON)
                        .content(StaffFixture.hire(iin, position, TODAY, TODAY, null)))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    @DisplayName("Staff scope: a school never sees another school's staff, in its district or another: list, record and hire answer 404")
    void schoolSeesOnlyItsOwn() throws Exception {
        var headA2 = TestUsers.organisationAdmin(schoolA2, settlementA);
        mvc.perform(get("/api/v1/organisations/" + schoolA + "/staff").with(headA2)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/staff/" + memberA).with(headA2)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/staff/" + memberB).with(TestUsers.organisationAdmin(schoolA, settlementA)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/organisations/" + schoolA + "/staff").with(headA2).contentType(MediaType.APPLICATION_JSON)
                        .content(StaffFixture.hire(fixture.adult(1990, Sex.MALE), "COOK", TODAY, TODAY, null)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/organisations/" + schoolA + "/staff").with(headA2)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/organisations/" + schoolA + "/staff").with(TestUsers.organisationAdmin(schoolA, settlementA)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[?(@.iin == '" + iinA.value() + "')]").exists());
    }

    @Test
    @DisplayName("Staff scope: a district officer sees the district's staff and never another district's")
    void districtSeesOnlyItsDistrict() throws Exception {
        var officerA = TestUsers.district(DISTRICT_A);
        mvc.perform(get("/api/v1/staff/" + memberA).with(officerA)).andExpect(status().isOk())
                .andExpect(jsonPath("$.iin").value(iinA.value()));
        mvc.perform(get("/api/v1/staff/" + memberB).with(officerA)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/organisations/" + schoolB + "/staff").with(officerA)).andExpect(status().isNotFound());
        mvc.perform(get("/organisations/" + schoolA + "/staff").with(officerA).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString(iinA.value())))
                .andExpect(content().string(not(containsString(iinB.value()))));
    }

    @Test
    @DisplayName("SC-3 statistics and police read no staff record (403), and every read of one is audited")
    void readersAndAudit() throws Exception {
        mvc.perform(get("/api/v1/staff/" + memberA).with(TestUsers.statistics())).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/organisations/" + schoolA + "/staff").with(TestUsers.as(VerdictRegisterTest.police())))
                .andExpect(status().isForbidden());
        long before = fixture.count("select count(*) from audit_event where subject_type = 'staff-member' and subject_id = ? and action = 'READ'",
                String.valueOf(memberA));
        mvc.perform(get("/api/v1/staff/" + memberA).param("purpose", "check").with(TestUsers.district(DISTRICT_A)))
                .andExpect(status().isOk());
        assertThat(fixture.count("select count(*) from audit_event where subject_type = 'staff-member' and subject_id = ? and action = 'READ' and purpose = 'check'",
                String.valueOf(memberA))).isEqualTo(1);
        assertThat(fixture.count("select count(*) from audit_event where subject_type = 'staff-member' and subject_id = ? and action = 'READ'",
                String.valueOf(memberA))).isEqualTo(before + 1);
    }

    @Test
    @DisplayName("Staff scope: row-level security under the queries: as bilim_app a school's scope sees its own staff only, and the verdict register not at all")
    void rowLevelSecurity() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            // the scopes set by hand are transaction-local and rolled back: a pooled connection never keeps a scope
            // its preparer did not stamp (ScopeStampTest)
            connection.setAutoCommit(false);
            var jdbc = JdbcClient.create(new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection, true));
            try {
            jdbc.sql("select set_config('bilim.scope', :scope, true), set_config('bilim.pii', 'on', true), "
                    + "set_config('bilim.role', 'ORGANISATION_ADMIN', true)").param("scope", "ORG:" + schoolA).query((rs, n) -> 1).list();
            assertThat(jdbc.sql("select count(*) from staff_member where iin = :iin").param("iin", iinB.value()).query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from staff_member where iin = :iin").param("iin", iinA.value()).query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from employment_contract where organisation_id <> :org").param("org", schoolA).query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from court_ban").query(Long.class).single()).as("a school never reads the register").isZero();
            jdbc.sql("select set_config('bilim.scope', :scope, true), set_config('bilim.role', 'DISTRICT_OFFICER', true)")
                    .param("scope", "KATO:" + DISTRICT_A.substring(0, 4)).query((rs, n) -> 1).list();
            assertThat(jdbc.sql("select count(*) from staff_member where iin = :iin").param("iin", iinB.value()).query(Long.class).single()).isZero();
            jdbc.sql("select set_config('bilim.role', 'POLICE_LIAISON', true)").query((rs, n) -> 1).list();
            assertThat(jdbc.sql("select count(*) from staff_member where iin = :iin").param("iin", iinA.value()).query(Long.class).single())
                    .as("the police liaison reads no staff record").isZero();
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    @Test
    @DisplayName("SC-1 staff figures without personal data: statistics counts staff by position and sex in a territory")
    void figures() throws Exception {
        mvc.perform(get("/api/v1/staff/figures").param("kato", DISTRICT_A.substring(0, 4))
                        .param("groupBy", "POSITION", "PEDAGOGICAL").with(TestUsers.statistics()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[?(@.key.POSITION == 'TEACHER')].staff").value(1))
                .andExpect(jsonPath("$[?(@.key.POSITION == 'TEACHER')].key.PEDAGOGICAL").value("true"))
                .andExpect(jsonPath("$[?(@.key.POSITION == 'WATCHMAN')].key.PEDAGOGICAL").value("false"))
                .andExpect(content().string(not(containsString(iinA.value()))));
        mvc.perform(get("/api/v1/staff/figures").param("kato", "7994").param("groupBy", "SEX", "AGE_BAND")
                        .with(TestUsers.statistics()))
                .andExpect(jsonPath("$[?(@.key.SEX == 'FEMALE')].key.AGE_BAND").value("40_49"));
        mvc.perform(get("/api/v1/staff/figures").param("kato", "79").param("groupBy", "TERRITORY").param("level", "4")
                        .with(TestUsers.district(DISTRICT_A)))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].key.TERRITORY").value("7994"))
                .andExpect(jsonPath("$[0].staff").value(2));
        mvc.perform(get("/api/v1/staff/figures").param("groupBy", "NOPE").with(TestUsers.statistics()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("groupBy"));
    }
}
