package kz.bilim;

import kz.bilim.access.BilimUser;
import kz.bilim.kernel.Role;
import kz.bilim.kernel.Scope;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Signed-in users for MockMvc tests, with real roles and scopes (no database row needed):
 * {@code mvc.perform(get(...).with(TestUsers.district("191000000", "191400000")))}.
 */
public final class TestUsers {

    private TestUsers() {
    }

    public static RequestPostProcessor as(BilimUser user) {
        return user(user);
    }

    public static BilimUser ministryUser() {
        return new BilimUser(900001, "test.ministry", "", "Test Ministry", Role.MINISTRY_ADMIN, Scope.all(true), "",
                null, "en", true, 0);
    }

    /** The ministry's officer whose account records their IIN (a consolidation signed with their own key, EIS-6); the
     * user name is the audit trail's actor, so it carries only the IIN's last digits, never the IIN (AuditPrivacyTest). */
    public static BilimUser ministryUser(String iin) {
        return new BilimUser(900011, "test.ministry.signer-" + iin.substring(8), "", "Test Ministry", Role.MINISTRY_ADMIN, Scope.all(true), "",
                null, "en", true, 0, iin);
    }

    public static RequestPostProcessor ministry() {
        return as(ministryUser());
    }

    /** An officer of the region whose KATO code is given (e.g. 190000000 → scope prefix 19). */
    public static BilimUser regionUser(String regionKato) {
        return new BilimUser(900002, "test.region." + regionKato, "", "Test Region", Role.REGION_OFFICER,
                Scope.territory(regionKato.substring(0, 2)), regionKato, null, "en", true, 0);
    }

    /** A region's officer whose account records their IIN. */
    public static BilimUser regionUser(String regionKato, String iin) {
        return new BilimUser(900012, "test.region." + regionKato + ".signer-" + iin.substring(8), "", "Test Region", Role.REGION_OFFICER,
                Scope.territory(regionKato.substring(0, 2)), regionKato, null, "en", true, 0, iin);
    }

    public static RequestPostProcessor region(String regionKato) {
        return as(regionUser(regionKato));
    }

    /** An officer of the district whose KATO code is given (e.g. 191400000 → scope prefix 1914). */
    public static BilimUser districtUser(String districtKato) {
        return new BilimUser(900003, "test.district." + districtKato, "", "Test District", Role.DISTRICT_OFFICER,
                Scope.territory(districtKato.substring(0, 4)), districtKato, null, "en", true, 0);
    }

    /** A district's officer whose account records their IIN. */
    public static BilimUser districtUser(String districtKato, String iin) {
        return new BilimUser(900013, "test.district." + districtKato + ".signer-" + iin.substring(8), "", "Test District",
                Role.DISTRICT_OFFICER, Scope.territory(districtKato.substring(0, 4)), districtKato, null, "en", true, 0,
                iin);
    }

    public static RequestPostProcessor district(String districtKato) {
        return as(districtUser(districtKato));
    }

    public static BilimUser organisationAdminUser(long organisationId, String kato) {
        return new BilimUser(900004, "test.school." + organisationId, "", "Test School Head", Role.ORGANISATION_ADMIN,
                Scope.organisation(organisationId), kato, organisationId, "en", true, 0);
    }

    public static RequestPostProcessor organisationAdmin(long organisationId, String kato) {
        return as(organisationAdminUser(organisationId, kato));
    }

    public static RequestPostProcessor statistics() {
        return as(new BilimUser(900005, "test.statistics", "", "Test Statistics", Role.STATISTICS_ANALYST,
                Scope.all(false), "", null, "en", true, 0));
    }

    /** The contact centre as the security model gives it: the whole country, no personal data (TR-17). */
    public static RequestPostProcessor contactCentre() {
        return as(new BilimUser(900006, "test.contact", "", "Test Contact Centre", Role.CONTACT_CENTRE,
                Scope.all(false), "", null, "en", true, 0));
    }
}
