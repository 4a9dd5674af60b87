package kz.bilim.access.internal;

import kz.bilim.kernel.Caller;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.Role;
import kz.bilim.kernel.Scope;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of who may give whom access (SC-2, SC-3), as plain tables: no Spring, no database. */
class ManagingUsersPolicyTest {

    /** A signed-in manager; scope written as ALL, ALL-NO-PII, KATO:prefix or ORG:id. */
    record Manager(Role role, Scope scope) implements Caller {
        static Manager of(String role, String scope) {
            return new Manager(Role.valueOf(role), parseScope(scope));
        }

        public long id() {
            return 1;
        }

        public String username() {
            return "manager";
        }

        public String fullName() {
            return "Manager";
        }

        public String kato() {
            return scope.kind() == Scope.Kind.KATO ? (scope.katoPrefix() + "000000000").substring(0, 9) : "";
        }

        public Long organisationId() {
            return scope.organisationId();
        }

        public String locale() {
            return "kk";
        }
    }

    static Scope parseScope(String text) {
        if (text.equals("ALL")) return Scope.all(true);
        if (text.equals("ALL-NO-PII")) return Scope.all(false);
        if (text.startsWith("KATO:")) return Scope.territory(text.substring(5));
        if (text.startsWith("ORG:")) return Scope.organisation(Long.parseLong(text.substring(4)));
        return Scope.none();
    }

    static Set<Role> roles(String names) {
        return names.isBlank() ? EnumSet.noneOf(Role.class)
                : Arrays.stream(names.trim().split("\\s+")).map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    @ParameterizedTest(name = "SC-3 (3) {0} grants [{1}]")
    @CsvSource(delimiter = '|', value = {
            "MINISTRY_ADMIN     | MINISTRY_ADMIN REGION_OFFICER DISTRICT_OFFICER ORGANISATION_ADMIN POLICE_LIAISON STATISTICS_ANALYST CONTACT_CENTRE",
            "REGION_OFFICER     | REGION_OFFICER DISTRICT_OFFICER POLICE_LIAISON ORGANISATION_ADMIN",
            "DISTRICT_OFFICER   | DISTRICT_OFFICER POLICE_LIAISON ORGANISATION_ADMIN",
            "ORGANISATION_ADMIN | ''",
            "POLICE_LIAISON     | ''",
            "STATISTICS_ANALYST | ''",
            "CONTACT_CENTRE     | ''",
            "APPLICANT          | ''"})
    @DisplayName("SC-3 (3) the ministry grants every staff role, a region office the roles of its region and below, a district office those of its district; nobody else grants")
    void rolesEachManagerGrants(Role manager, String granted) {
        assertThat(ManagingUsersPolicy.assignableBy(manager)).isEqualTo(roles(granted));
        assertThat(ManagingUsersPolicy.managesUsers(manager)).isEqualTo(!roles(granted).isEmpty());
    }

    @ParameterizedTest(name = "SC-2 (1) {0} grants the Statistics Committee's access: {0} = MINISTRY_ADMIN")
    @EnumSource(Role.class)
    @DisplayName("SC-2 (1) the ministry alone grants the Statistics Committee's responsible persons their access")
    void onlyTheMinistryGrantsStatistics(Role manager) {
        assertThat(ManagingUsersPolicy.assignableBy(manager).contains(Role.STATISTICS_ANALYST))
                .isEqualTo(manager == Role.MINISTRY_ADMIN);
    }

    @ParameterizedTest(name = "SC-3 (3) {0} cannot grant APPLICANT")
    @EnumSource(Role.class)
    @DisplayName("SC-3 (3) nobody grants the applicant role here: applicants sign in through e-government")
    void nobodyGrantsApplicants(Role manager) {
        assertThat(ManagingUsersPolicy.assignableBy(manager)).doesNotContain(Role.APPLICANT);
    }

    @ParameterizedTest(name = "SC-3 (3) {0} at {1} may manage {2} at ''{3}'' (organisation {4}): {5}")
    @CsvSource({
            // the ministry: every staff account anywhere, national ones included
            "MINISTRY_ADMIN,     ALL,       DISTRICT_OFFICER,   311000000, ,  true",
            "MINISTRY_ADMIN,     ALL,       MINISTRY_ADMIN,     '',        ,  true",
            "MINISTRY_ADMIN,     ALL,       STATISTICS_ANALYST, '',        ,  true",
            "MINISTRY_ADMIN,     ALL,       APPLICANT,          '',        ,  false",
            // a region office: its own region, its roles, never a national account
            "REGION_OFFICER,     KATO:31,   REGION_OFFICER,     310000000, ,  true",
            "REGION_OFFICER,     KATO:31,   DISTRICT_OFFICER,   311000000, ,  true",
            "REGION_OFFICER,     KATO:31,   ORGANISATION_ADMIN, 311010000, 7, true",
            "REGION_OFFICER,     KATO:31,   DISTRICT_OFFICER,   711000000, ,  false",
            "REGION_OFFICER,     KATO:31,   MINISTRY_ADMIN,     '',        ,  false",
            "REGION_OFFICER,     KATO:31,   STATISTICS_ANALYST, '',        ,  false",
            "REGION_OFFICER,     KATO:31,   CONTACT_CENTRE,     '',        ,  false",
            // a district office: its own district, never above it nor next door
            "DISTRICT_OFFICER,   KATO:3110, DISTRICT_OFFICER,   311000000, ,  true",
            "DISTRICT_OFFICER,   KATO:3110, POLICE_LIAISON,     311000000, ,  true",
            "DISTRICT_OFFICER,   KATO:3110, ORGANISATION_ADMIN, 311010000, 7, true",
            "DISTRICT_OFFICER,   KATO:3110, REGION_OFFICER,     310000000, ,  false",
            "DISTRICT_OFFICER,   KATO:3110, DISTRICT_OFFICER,   312000000, ,  false",
            "DISTRICT_OFFICER,   KATO:3110, DISTRICT_OFFICER,   '',        ,  false",
            // people who only read or run an organisation manage nobody, even inside their scope
            "ORGANISATION_ADMIN, ORG:7,     ORGANISATION_ADMIN, 311010000, 7, false",
            "STATISTICS_ANALYST, ALL-NO-PII, DISTRICT_OFFICER,  311000000, ,  false",
            "CONTACT_CENTRE,     ALL,       DISTRICT_OFFICER,   311000000, ,  false",
            "POLICE_LIAISON,     KATO:3110, POLICE_LIAISON,     311000000, ,  false"})
    @DisplayName("SC-3 (3) a manager touches only accounts of a role they grant, placed inside their own territory")
    void mayManage(String role, String scope, Role account, String kato, Long organisation, boolean allowed) {
        assertThat(ManagingUsersPolicy.mayManage(Manager.of(role, scope), account, kato, organisation)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "SC-3 (3) scope {0} covers ''{1}'' (organisation {2}): {3}")
    @CsvSource({
            "ALL,       '',        ,  true",
            "ALL,       ,          ,  true",
            "KATO:31,   '',        ,  false",
            "KATO:31,   ,          ,  false",
            "KATO:31,   311000000, ,  true",
            "KATO:31,   711000000, ,  false",
            "KATO:3110, 311010000, ,  true",
            "KATO:3110, 312010000, ,  false",
            "ORG:7,     311010000, 7, true",
            "ORG:7,     311010000, 8, false",
            "ORG:7,     '',        7, false",
            "NONE,      311010000, ,  false"})
    @DisplayName("SC-3 (3) a national account (no territory) is covered only by a national scope")
    void covers(String scope, String kato, Long organisation, boolean covered) {
        assertThat(ManagingUsersPolicy.covers(parseScope(scope), kato, organisation)).isEqualTo(covered);
    }

    @ParameterizedTest(name = "SC-3 {0}: refused = {1}")
    @CsvSource({
            "MINISTRY_ADMIN, false", "REGION_OFFICER, false", "DISTRICT_OFFICER, false",
            "ORGANISATION_ADMIN, true", "POLICE_LIAISON, true", "STATISTICS_ANALYST, true", "CONTACT_CENTRE, true",
            "APPLICANT, true"})
    @DisplayName("SC-3 only the ministry and territory offices manage accounts; anyone else is refused as forbidden, citing SC-3")
    void managingIsRefusedToOthers(Role role, boolean refused) {
        var refusal = ManagingUsersPolicy.managing(new Manager(role, Scope.all(true)));
        assertThat(refusal.isPresent()).isEqualTo(refused);
        refusal.ifPresent(r -> assertThat(r).extracting(Refusal::code, Refusal::clause)
                .containsExactly(Refusal.Code.FORBIDDEN, "SC-3"));
        assertThat(ManagingUsersPolicy.notGrantable()).extracting(Refusal::code, Refusal::clause)
                .containsExactly(Refusal.Code.FORBIDDEN, "SC-3");
    }

    @ParameterizedTest(name = "{0} is placed at {1}, KATO levels {2}")
    @CsvSource({
            "MINISTRY_ADMIN,     NONE,         ''",
            "STATISTICS_ANALYST, NONE,         ''",
            "CONTACT_CENTRE,     NONE,         ''",
            "APPLICANT,          NONE,         ''",
            "REGION_OFFICER,     REGION,       1",
            "DISTRICT_OFFICER,   DISTRICT,     2 3",
            "POLICE_LIAISON,     DISTRICT,     2 3",
            "ORGANISATION_ADMIN, ORGANISATION, ''"})
    @DisplayName("a role fixes the level of its territory: a region office a region, a district office or police a district or town, an organisation's head an organisation, national roles none")
    void roleFixesTheLevelOfItsTerritory(Role role, ManagingUsersPolicy.Binding binding, String levels) {
        assertThat(ManagingUsersPolicy.bindingOf(role)).isEqualTo(binding);
        List<Integer> expected = levels.isBlank() ? List.of()
                : Arrays.stream(levels.split(" ")).map(Integer::valueOf).toList();
        assertThat(ManagingUsersPolicy.levelsOf(binding)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "a password of {0} characters is strong enough: {1}")
    @CsvSource({"1, false", "9, false", "10, true", "11, true", "200, true", "201, false", "1000, false"})
    @DisplayName("a password has 10 to 200 characters")
    void passwordLength(int length, boolean strong) {
        assertThat(ManagingUsersPolicy.strongEnough("p".repeat(length))).isEqualTo(strong);
    }

    @ParameterizedTest(name = "password \"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {"          ", "\t\t\t\t\t\t\t\t\t\t\t", "short"})
    @DisplayName("a missing, blank or short password is refused")
    void blankPasswordsRefused(String password) {
        assertThat(ManagingUsersPolicy.strongEnough(password)).isFalse();
    }
}
