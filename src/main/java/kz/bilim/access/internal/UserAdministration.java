package kz.bilim.access.internal;

import kz.bilim.access.UserId;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.Caller;
import kz.bilim.kernel.SignedIn;

import kz.bilim.kernel.Text;
import kz.bilim.access.BilimUser;
import kz.bilim.kernel.CurrentScope;
import kz.bilim.kernel.Role;
import kz.bilim.kernel.Scope;
import kz.bilim.access.UserAccount;
import kz.bilim.access.UserAccounts;
import kz.bilim.access.UserDraft;
import kz.bilim.access.UserPage;
import kz.bilim.access.UserQuery;
import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
import kz.bilim.kernel.FieldError;
import kz.bilim.territory.KatoCode;
import kz.bilim.territory.Territories;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.Organisations;
import kz.bilim.territory.Territory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Managing staff accounts under {@link ManagingUsersPolicy}. Checks run first, outside any transaction (the
 * username check looks at the whole country); the write and its audit record then commit or roll back together.
 */
@Service
class UserAdministration implements UserAccounts {

    static final Set<String> LOCALES = Set.of("kk", "ru", "en");
    private static final String PURPOSE_ADMIN = "user administration";
    private static final String PURPOSE_SELF = "own account";

    private final Users users;
    private final Territories territories;
    private final Organisations organisations;
    private final AuditTrail audit;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transaction;

    UserAdministration(Users users, Territories territories, Organisations organisations, AuditTrail audit,
                       PasswordEncoder passwords, TransactionTemplate transaction,
                       org.springframework.beans.factory.ObjectProvider<kz.bilim.access.AnalystRegister> analysts) {
        this.analysts = analysts;
        this.users = users;
        this.territories = territories;
        this.organisations = organisations;
        this.audit = audit;
        this.passwords = passwords;
        this.transaction = transaction;
    }

    private final org.springframework.beans.factory.ObjectProvider<kz.bilim.access.AnalystRegister> analysts;

    /** SC-1, SC-3: the analyst role only for a person of the Statistics Committee's register. */
    private void analystRegistered(Users.NewAccount placed, String username, List<FieldError> errors) {
        if (placed == null || placed.role() != kz.bilim.kernel.Role.STATISTICS_ANALYST) return;
        var register = analysts.getIfAvailable();
        if (register == null || !register.registered(username))
            errors.add(new FieldError("role", "access.user.analyst.unregistered", username));
    }

    @Override
    public Optional<UserAccount> find(UserId id) {
        return users.account(id.value(), CurrentScope.get());
    }

    @Override
    public UserPage search(UserQuery query) {
        String prefix = query.territory() == null ? null : KatoCode.parse(query.territory()).scopePrefix();
        var scope = CurrentScope.get();
        return new UserPage(users.search(query, prefix, scope), query.page(), query.size(),
                users.count(query, prefix, scope));
    }

    @Override
    public List<Role> assignableRoles() {
        return List.copyOf(ManagingUsersPolicy.assignableBy(SignedIn.required().role()));
    }

    @Override
    public Outcome<UserAccount> create(UserDraft draft) {
        Caller manager = SignedIn.required();
        var manages = ManagingUsersPolicy.managing(manager);
        if (manages.isPresent()) return manages.get().outcome();
        List<FieldError> errors = new ArrayList<>();
        String username = draft.username() == null ? "" : draft.username().trim().toLowerCase();
        checkUsername(username, errors);
        if (!ManagingUsersPolicy.strongEnough(draft.password()))
            errors.add(new FieldError("password", "access.user.password.weak", ManagingUsersPolicy.MIN_PASSWORD_LENGTH));
        var placed = check(draft, manager, null, errors);
        analystRegistered(placed, username, errors);
        if (!errors.isEmpty()) return Refusal.invalid(errors).outcome();
        var account = placed.withUsername(username).withHash(passwords.encode(draft.password()));
        try {
            long id = transaction.execute(status -> {
                long created = users.insert(account);
                audit.record(AuditEntry.of(AuditAction.CREATE, "user", created, account.kato(), account.organisationId())
                        .because(PURPOSE_ADMIN)
                        .with(Map.of("role", account.role().name(), "enabled", account.enabled())));
                return created;
            });
            return Outcome.done(find(new UserId(id)).orElseThrow());
        } catch (DuplicateKeyException e) {
            return Refusal.invalid("username", "access.user.username.taken").outcome();
        }
    }

    @Override
    public Outcome<UserAccount> update(UserId userId, UserDraft draft) {
        long id = userId.value();
        Caller manager = SignedIn.required();
        var managed = managed(manager, id);
        if (managed instanceof Outcome.Refused<UserAccount> refused) return refused;
        UserAccount before = managed.orElseThrow();
        List<FieldError> errors = new ArrayList<>();
        if (draft.username() != null && !draft.username().isBlank()
                && !draft.username().trim().equalsIgnoreCase(before.username()))
            errors.add(new FieldError("username", "access.user.username.immutable"));
        var placed = check(draft, manager, before, errors);
        analystRegistered(placed, before.username(), errors);
        if (!errors.isEmpty()) return Refusal.invalid(errors).outcome();
        List<String> changed = changes(before, placed);
        transaction.executeWithoutResult(status -> {
            users.update(id, placed);
            var details = new LinkedHashMap<String, Object>();
            details.put("changed", changed);
            details.put("role", placed.role().name());
            if (!before.kato().equals(placed.kato())) details.put("previousKato", before.kato());
            audit.record(AuditEntry.of(AuditAction.UPDATE, "user", id, placed.kato(), placed.organisationId())
                    .because(PURPOSE_ADMIN).with(details));
        });
        return Outcome.done(find(new UserId(id)).orElseThrow());
    }

    /** The account of that id if the manager may manage it: the manager's own right, the account found, its place. */
    private Outcome<UserAccount> managed(Caller manager, long id) {
        var manages = ManagingUsersPolicy.managing(manager);
        if (manages.isPresent()) return manages.get().outcome();
        var existing = find(new UserId(id));
        if (existing.isEmpty()) return Refusal.notFound("user", id).outcome();
        UserAccount user = existing.get();
        if (!ManagingUsersPolicy.mayManage(manager, user.role(), user.kato(), user.organisationId()))
            return ManagingUsersPolicy.notGrantable().outcome();
        return Outcome.done(user);
    }

    @Override
    public Outcome<UserAccount> resetPassword(UserId userId, String newPassword) {
        long id = userId.value();
        Caller manager = SignedIn.required();
        var managed = managed(manager, id);
        if (managed instanceof Outcome.Refused<UserAccount> refused) return refused;
        UserAccount user = managed.orElseThrow();
        if (!ManagingUsersPolicy.strongEnough(newPassword))
            return Refusal.invalid("password", "access.user.password.weak", ManagingUsersPolicy.MIN_PASSWORD_LENGTH).outcome();
        String hash = passwords.encode(newPassword);
        transaction.executeWithoutResult(status -> {
            users.updatePassword(id, hash);
            audit.record(AuditEntry.of(AuditAction.UPDATE, "user", id, user.kato(), user.organisationId())
                    .because(PURPOSE_ADMIN).with(Map.of("passwordReset", true)));
        });
        return Outcome.done(user);
    }

    @Override
    public Outcome<UserAccount> setPosition(UserId userId, String position) {
        long id = userId.value();
        var managed = managed(SignedIn.required(), id);
        if (managed instanceof Outcome.Refused<UserAccount> refused) return refused;
        UserAccount user = managed.orElseThrow();
        var bad = ManagingUsersPolicy.badPosition(position);
        if (bad.isPresent()) return bad.get().outcome();
        String value = ManagingUsersPolicy.position(position);
        transaction.executeWithoutResult(status -> {
            users.updatePosition(id, value);
            audit.record(AuditEntry.of(AuditAction.UPDATE, "user", id, user.kato(), user.organisationId())
                    .because(PURPOSE_ADMIN).with(Map.of("changed", List.of("position"))));
        });
        return Outcome.done(user);
    }

    @Override
    public Outcome<UserAccount> updateOwnProfile(String fullName, String locale) {
        Caller self = SignedIn.required();
        List<FieldError> errors = new ArrayList<>();
        String name = checkFullName(fullName, errors);
        if (locale == null || !LOCALES.contains(locale)) errors.add(new FieldError("locale", "access.user.locale.unknown"));
        if (!errors.isEmpty()) return Refusal.invalid(errors).outcome();
        // one's own row, by one's own id: the explicit scope of this change, whatever the role's territory
        CurrentScope.asSystem(() -> transaction.executeWithoutResult(status -> {
            users.updateProfile(self.id(), name, locale);
            audit.record(AuditEntry.of(AuditAction.UPDATE, "user", self.id(), self.kato(), self.organisationId())
                    .because(PURPOSE_SELF).with(Map.of("changed", List.of("fullName", "locale"))));
        }));
        return Outcome.done(ownAccount(self.id()));
    }

    /**
     * Keeps the language a user chose on the login page as their profile's language, so that the choice is
     * remembered (a language the application does not offer is ignored). Runs at sign-in, on one's own row.
     */
    void rememberLanguage(BilimUser user, String locale) {
        if (!LOCALES.contains(locale)) return;
        CurrentScope.asSystem(() -> transaction.executeWithoutResult(status -> {
            users.updateLocale(user.id(), locale);
            audit.record(AuditEntry.of(AuditAction.UPDATE, "user", user.id(), user.kato(), user.organisationId())
                    .because(PURPOSE_SELF).with(Map.of("changed", List.of("locale"))));
        }));
    }

    @Override
    public Outcome<UserAccount> changeOwnPassword(String currentPassword, String newPassword) {
        Caller self = SignedIn.required();
        BilimUser stored = CurrentScope.asSystem(() -> users.byId(self.id())).orElseThrow();
        if (currentPassword == null || !passwords.matches(currentPassword, stored.getPassword()))
            return Refusal.invalid("currentPassword", "access.account.password.current-wrong").outcome();
        if (!ManagingUsersPolicy.strongEnough(newPassword))
            return Refusal.invalid("newPassword", "access.user.password.weak", ManagingUsersPolicy.MIN_PASSWORD_LENGTH).outcome();
        String hash = passwords.encode(newPassword);
        CurrentScope.asSystem(() -> transaction.executeWithoutResult(status -> {
            users.updatePassword(self.id(), hash);
            audit.record(AuditEntry.of(AuditAction.UPDATE, "user", self.id(), self.kato(), self.organisationId())
                    .because(PURPOSE_SELF).with(Map.of("passwordChanged", true)));
        }));
        return Outcome.done(ownAccount(self.id()));
    }

    private UserAccount ownAccount(long id) {
        return CurrentScope.asSystem(() -> users.account(id, Scope.all(true))).orElseThrow();
    }


    private void checkUsername(String username, List<FieldError> errors) {
        if (username.isEmpty()) errors.add(new FieldError("username", "error.field.required"));
        else if (!username.matches("[a-z0-9._-]{3,64}")) errors.add(new FieldError("username", "access.user.username.format"));
        else if (username.matches("[0-9]{12}")) errors.add(new FieldError("username", "access.user.username.iin"));
        // unique across the whole country, though the caller sees only a territory: only yes or no leaves the query
        else if (CurrentScope.asSystem(() -> users.usernameTaken(username)))
            errors.add(new FieldError("username", "access.user.username.taken"));
    }

    private static String checkFullName(String fullName, List<FieldError> errors) {
        String name = fullName == null ? "" : fullName.trim().replaceAll("\\s+", " ");
        if (name.isEmpty()) errors.add(new FieldError("fullName", "error.field.required"));
        else if (name.length() > 200) errors.add(new FieldError("fullName", "access.user.full-name.too-long", 200));
        return name;
    }

    /**
     * The checks shared by create and update: name, language, role (SC-3) and where the account lies. Returns the
     * account as it would be written (username and hash filled in by the caller), or null parts when refused.
     */
    private Users.NewAccount check(UserDraft draft, Caller manager, UserAccount before, List<FieldError> errors) {
        String fullName = checkFullName(draft.fullName(), errors);
        // left out: a new account speaks Kazakh and is enabled; a changed one keeps what it had
        String locale = draft.locale() == null || draft.locale().isBlank()
                ? (before == null ? "kk" : before.locale()) : draft.locale().trim();
        if (!LOCALES.contains(locale)) errors.add(new FieldError("locale", "access.user.locale.unknown"));
        boolean enabled = draft.enabled() == null ? before == null || before.enabled() : draft.enabled();

        Role role = null;
        if (draft.role() == null || draft.role().isBlank()) errors.add(new FieldError("role", "error.field.required"));
        else {
            try {
                role = Role.valueOf(draft.role().trim());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("role", "access.user.role.unknown"));
            }
        }
        if (role != null && !ManagingUsersPolicy.assignableBy(manager.role()).contains(role)) {
            errors.add(new FieldError("role", role == Role.APPLICANT ? "access.user.role.not-staff"
                    : "access.user.role.not-allowed"));
            role = null;
        }
        String scopeKato = Text.blankToNull(draft.scopeKato());
        Long organisationId = draft.organisationId();
        String kato = null;
        if (role != null) {
            switch (ManagingUsersPolicy.bindingOf(role)) {
                case NONE -> {
                    if (scopeKato != null) errors.add(new FieldError("scopeKato", "access.user.territory.not-for-role"));
                    if (organisationId != null)
                        errors.add(new FieldError("organisationId", "access.user.organisation.not-for-role"));
                    kato = "";
                }
                case REGION, DISTRICT -> {
                    if (organisationId != null)
                        errors.add(new FieldError("organisationId", "access.user.organisation.not-for-role"));
                    kato = checkTerritory(role, scopeKato, manager, errors);
                    scopeKato = kato;
                }
                case ORGANISATION -> {
                    scopeKato = null;
                    if (organisationId == null)
                        errors.add(new FieldError("organisationId", "access.user.organisation.required"));
                    else {
                        long org = organisationId;
                        // in the caller's scope: an organisation outside it is simply not found
                        kato = organisations.find(OrganisationId.of(org)).map(o -> o.kato().value()).orElse(null);
                        if (kato == null)
                            errors.add(new FieldError("organisationId", "access.user.organisation.unknown"));
                        else if (!ManagingUsersPolicy.covers(manager.scope(), kato, org))
                            errors.add(new FieldError("organisationId", "access.user.territory.outside-scope"));
                    }
                }
            }
        }
        if (before != null && before.id().value() == manager.id()) {
            if (role != null && (role != before.role() || !Objects.equals(kato, before.kato())))
                errors.add(new FieldError("role", "access.user.self.role"));
            if (!enabled) errors.add(new FieldError("enabled", "access.user.self.disable"));
        }
        if (!errors.isEmpty()) return null;
        return new Users.NewAccount(null, null, fullName, role, scopeKato, organisationId, kato, locale, enabled);
    }

    /** A territory of the level the role binds to, inside the manager's subtree (SC-3). Returns its code. */
    private String checkTerritory(Role role, String scopeKato, Caller manager, List<FieldError> errors) {
        if (scopeKato == null) {
            errors.add(new FieldError("scopeKato", "access.user.territory.required"));
            return null;
        }
        KatoCode code;
        try {
            code = KatoCode.parse(scopeKato);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("scopeKato", "access.user.territory.format"));
            return null;
        }
        Optional<Territory> territory = territories.find(code.value());
        if (territory.isEmpty()) {
            errors.add(new FieldError("scopeKato", "access.user.territory.unknown", code.value()));
            return null;
        }
        var binding = ManagingUsersPolicy.bindingOf(role);
        if (!ManagingUsersPolicy.levelsOf(binding).contains(territory.get().level())) {
            errors.add(new FieldError("scopeKato", binding == ManagingUsersPolicy.Binding.REGION
                    ? "access.user.territory.level.region" : "access.user.territory.level.district"));
            return null;
        }
        if (!ManagingUsersPolicy.covers(manager.scope(), code.value(), null)) {
            errors.add(new FieldError("scopeKato", "access.user.territory.outside-scope"));
            return null;
        }
        return code.value();
    }

    private static List<String> changes(UserAccount before, Users.NewAccount after) {
        List<String> changed = new ArrayList<>();
        if (!before.fullName().equals(after.fullName())) changed.add("fullName");
        if (before.role() != after.role()) changed.add("role");
        if (!Objects.equals(before.scopeKato(), after.scopeKato())) changed.add("scopeKato");
        if (!Objects.equals(before.organisationId(), after.organisationId())) changed.add("organisationId");
        if (!before.locale().equals(after.locale())) changed.add("locale");
        if (before.enabled() != after.enabled()) changed.add("enabled");
        return changed;
    }

}
