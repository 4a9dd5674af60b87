package kz.bilim.access;

import kz.bilim.kernel.Caller;
import kz.bilim.kernel.Role;
import kz.bilim.kernel.Scope;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;

/** The signed-in user as every module sees it: who, in which role, over which scope. */
public final class BilimUser implements UserDetails, CredentialsContainer, Caller {

    private final long id;
    private final String username;
    private String passwordHash;
    private final String fullName;
    private final Role role;
    private final Scope scope;
    private final String kato;
    private final Long organisationId;
    private final String locale;
    private final boolean enabled;
    private final int sessionVersion;
    private final String iin;

    public BilimUser(long id, String username, String passwordHash, String fullName, Role role, Scope scope,
                     String kato, Long organisationId, String locale, boolean enabled, int sessionVersion) {
        this(id, username, passwordHash, fullName, role, scope, kato, organisationId, locale, enabled, sessionVersion,
                null);
    }

    /** {@code iin}: the person's own IIN (an applicant's, TR-17), or null when the account has none. */
    public BilimUser(long id, String username, String passwordHash, String fullName, Role role, Scope scope,
                     String kato, Long organisationId, String locale, boolean enabled, int sessionVersion,
                     String iin) {
        this.iin = iin;
        this.sessionVersion = sessionVersion;
        this.id = id;
        this.username = username;
        this.passwordHash = passwordHash;
        this.fullName = fullName;
        this.role = role;
        this.scope = scope;
        this.kato = kato;
        this.organisationId = organisationId;
        this.locale = locale;
        this.enabled = enabled;
    }

    @Override public long id() { return id; }
    @Override public String username() { return username; }
    @Override public String fullName() { return fullName; }
    @Override public Role role() { return role; }
    @Override public Scope scope() { return scope; }
    @Override public String kato() { return kato; }
    @Override public Long organisationId() { return organisationId; }
    @Override public String locale() { return locale; }
    @Override public String iin() { return iin; }

    /** The account's session version when this was read: a session signed in with an older one has ended. */
    public int sessionVersion() { return sessionVersion; }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() { return passwordHash; }

    @Override
    public String getUsername() { return username; }

    @Override
    public boolean isEnabled() { return enabled; }

    @Override
    public void eraseCredentials() { passwordHash = null; }

    @Override
    public String toString() {
        return "BilimUser[" + username + ", " + role + ", " + scope.setting() + "]";
    }
}
