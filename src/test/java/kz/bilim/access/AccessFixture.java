package kz.bilim.access;

import kz.bilim.kernel.Role;

import kz.bilim.identity.Bin;
import kz.bilim.platform.database.OwnerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import java.time.YearMonth;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;

/**
 * Real territories, organisations and users for access tests, written with the owner's connection (no scope), and
 * real sign-ins: through the login form with CSRF, or with an API token issued through the tokens page.
 * Each test class passes its own region and district codes and a username prefix so that classes do not collide.
 * {@link kz.bilim.BilimTest} makes it a bean of the shared test context: a test class autowires it.
 */
public final class AccessFixture {

    public static final String PASSWORD = "correct-horse-battery";
    private static final Pattern SECRET = Pattern.compile("id=\"token-secret\"[^>]*value=\"(blm_[A-Za-z0-9_-]+)\"");

    private final JdbcClient owner;
    private final PasswordEncoder passwords;
    private final MockMvc mvc;
    private String passwordHash;

    public AccessFixture(OwnerDataSource ownerDataSource, PasswordEncoder passwords, MockMvc mvc) {
        this.owner = JdbcClient.create(ownerDataSource);
        this.passwords = passwords;
        this.mvc = mvc;
    }

    /** A district (level 2) or rural district (level 3) under an existing parent; no-op if it exists. */
    public void territory(String kato, String parent, int level, String name) {
        owner.sql("""
                        insert into territory (kato, parent_kato, level, name_kk, name_ru, urban)
                        values (:kato, :parent, :level, :name, :name, false) on conflict (kato) do nothing
                        """)
                .param("kato", kato).param("parent", parent).param("level", level).param("name", name).update();
    }

    public long organisation(int serial, String kato) {
        Bin bin = null;
        for (int s = serial; bin == null; s++)
            bin = Bin.compose(YearMonth.of(2004, 3), Bin.EntityType.RESIDENT, Bin.Attribute.HEAD_OFFICE, s);
        return owner.sql("""
                        insert into organisation (bin, name_kk, name_ru, kind, ownership, kato, urban, languages)
                        values (:bin, 'Мектеп', 'Школа', 'GENERAL_SECONDARY_SCHOOL', 'STATE', :kato, false, '{kk}')
                        on conflict (bin) do update set kato = excluded.kato returning id
                        """)
                .param("bin", bin.value()).param("kato", kato).query(Long.class).single();
    }

    /** A user row; {@code scopeKato} for territorial roles, {@code organisationId} for organisation administrators. */
    public long user(String username, Role role, String scopeKato, Long organisationId, String kato) {
        if (passwordHash == null) passwordHash = passwords.encode(PASSWORD);
        return owner.sql("""
                        insert into app_user (username, password_hash, full_name, role, scope_kato, organisation_id, kato, locale)
                        values (:username, :hash, :fullName, :role, :scopeKato, :organisationId, :kato, 'en')
                        on conflict (username) do update set password_hash = excluded.password_hash, enabled = true
                        returning id
                        """)
                .param("username", username).param("hash", passwordHash)
                .param("fullName", "Тестов " + username.replace('.', ' '))
                .param("role", role.name()).param("scopeKato", scopeKato).param("organisationId", organisationId)
                .param("kato", kato).query(Long.class).single();
    }

    public long ministry(String username) {
        return user(username, Role.MINISTRY_ADMIN, null, null, "");
    }

    public long region(String username, String regionKato) {
        return user(username, Role.REGION_OFFICER, regionKato, null, regionKato);
    }

    public long district(String username, String districtKato) {
        return user(username, Role.DISTRICT_OFFICER, districtKato, null, districtKato);
    }

    public long organisationAdmin(String username, long organisationId, String organisationKato) {
        return user(username, Role.ORGANISATION_ADMIN, null, organisationId, organisationKato);
    }

    public long statistics(String username) {
        return user(username, Role.STATISTICS_ANALYST, null, null, "");
    }

    /** Signs in through the login form (with its CSRF token) and returns the session. */
    public MockHttpSession login(String username) throws Exception {
        var result = mvc.perform(formLogin("/login").user(username).password(PASSWORD))
                .andExpect(authenticated()).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    /** Issues an API token through the tokens page of a signed-in session and reads the secret shown once. */
    public String token(MockHttpSession session, String name) throws Exception {
        String html = mvc.perform(post("/account/tokens").session(session).with(csrf())
                        .param("name", name).param("expiresOn", java.time.LocalDate.now(
                                java.time.ZoneId.of("Asia/Almaty")).plusDays(30).toString()))
                .andReturn().getResponse().getContentAsString();
        var matcher = SECRET.matcher(html);
        assertThat(matcher.find()).as("the secret is shown once on the page").isTrue();
        return matcher.group(1);
    }

    public JdbcClient owner() {
        return owner;
    }

    /** An audit event placed in a territory, written as the system would (for read tests). */
    public long auditEvent(String actor, String subjectType, String subjectId, String kato, Long organisationId) {
        return owner.sql("""
                        insert into audit_event (actor, actor_role, action, subject_type, subject_id, kato, organisation_id, purpose, details)
                        values (:actor, 'DISTRICT_OFFICER', 'READ', :type, :id, :kato, :org, 'test', '{}'::jsonb) returning id
                        """)
                .param("actor", actor).param("type", subjectType).param("id", subjectId).param("kato", kato)
                .param("org", organisationId).query(Long.class).single();
    }
}
