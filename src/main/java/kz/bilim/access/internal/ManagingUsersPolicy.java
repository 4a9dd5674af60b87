package kz.bilim.access.internal;

import kz.bilim.kernel.Caller;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.Role;
import kz.bilim.kernel.Scope;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of who may give whom access to the database, in one place.
 * <ul>
 *   <li><b>SC-3 (3)</b> — access only for the responsible persons: accounts are granted by the education authority
 *   of the territory, never by the people who only read statistics, and nobody can grant more than they hold.
 *   The ministry grants every staff role; a region office grants region, district, police and organisation roles
 *   inside its region; a district office grants district, police and organisation roles inside its district.</li>
 *   <li><b>SC-2 (1)</b> — the ministry alone grants the Statistics Committee's responsible persons their access.</li>
 *   <li>A role fixes the level of its territory: a region office a region (KATO level 1), a district office or
 *   police liaison a district or town (level 2 or 3), an organisation administrator one organisation, national
 *   roles none.</li>
 * </ul>
 */
final class ManagingUsersPolicy {

    static final String SC_3 = "SC-3";

    static final int MIN_PASSWORD_LENGTH = 10;
    static final int MAX_PASSWORD_LENGTH = 200;

    private ManagingUsersPolicy() {
    }

    /** SC-3 (3), SC-2 (1): the roles a manager may grant. Applicants sign in through e-government, not here. */
    static Set<Role> assignableBy(Role manager) {
        return switch (manager) {
            case MINISTRY_ADMIN -> EnumSet.complementOf(EnumSet.of(Role.APPLICANT));
            case REGION_OFFICER -> EnumSet.of(Role.REGION_OFFICER, Role.DISTRICT_OFFICER, Role.POLICE_LIAISON,
                    Role.ORGANISATION_ADMIN);
            case DISTRICT_OFFICER -> EnumSet.of(Role.DISTRICT_OFFICER, Role.POLICE_LIAISON, Role.ORGANISATION_ADMIN);
            default -> EnumSet.noneOf(Role.class);
        };
    }

    static boolean managesUsers(Role role) {
        return !assignableBy(role).isEmpty();
    }

    /** SC-3 (3): whether the manager may touch an account of this role placed at this territory. */
    static boolean mayManage(Caller manager, Role role, String kato, Long organisationId) {
        return assignableBy(manager.role()).contains(role) && covers(manager.scope(), kato, organisationId);
    }

    /** A national account ('' territory) is covered only by a national scope. */
    static boolean covers(Scope scope, String kato, Long organisationId) {
        if (scope.kind() == Scope.Kind.ALL) return true;
        if (kato == null || kato.isEmpty()) return false;
        return scope.covers(kato, organisationId);
    }

    enum Binding {NONE, REGION, DISTRICT, ORGANISATION}

    static Binding bindingOf(Role role) {
        return switch (role) {
            case REGION_OFFICER -> Binding.REGION;
            case DISTRICT_OFFICER, POLICE_LIAISON -> Binding.DISTRICT;
            case ORGANISATION_ADMIN -> Binding.ORGANISATION;
            default -> Binding.NONE;
        };
    }

    /** The KATO levels a territory-bound role may be placed at. */
    static List<Integer> levelsOf(Binding binding) {
        return switch (binding) {
            case REGION -> List.of(1);
            case DISTRICT -> List.of(2, 3);
            default -> List.of();
        };
    }

    /** The column's limit (V104); the receipt prints the position on one line. */
    static final int MAX_POSITION_LENGTH = 200;

    /** What is wrong with a typed position (TR-18), if anything: too long, or a line break or other control character. */
    static java.util.Optional<Refusal> badPosition(String typed) {
        String value = position(typed);
        if (value == null) return java.util.Optional.empty();
        if (value.length() > MAX_POSITION_LENGTH)
            return java.util.Optional.of(Refusal.invalid("position", "access.user.position.too-long", MAX_POSITION_LENGTH));
        if (value.chars().anyMatch(Character::isISOControl))
            return java.util.Optional.of(Refusal.invalid("position", "access.user.position.format"));
        return java.util.Optional.empty();
    }

    /** The position as stored: stripped, or null (none) when blank. */
    static String position(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }

    static boolean strongEnough(String password) {
        return password != null && password.length() >= MIN_PASSWORD_LENGTH && password.length() <= MAX_PASSWORD_LENGTH
                && !password.isBlank();
    }

    /** SC-3: a refusal when this user manages nobody (only the ministry and territory offices manage accounts). */
    static java.util.Optional<Refusal> managing(Caller manager) {
        return managesUsers(manager.role()) ? java.util.Optional.empty()
                : java.util.Optional.of(Refusal.forbidden(SC_3, "access.user.manages-nobody"));
    }

    /** SC-3: the account is in a role or territory this manager may not grant. */
    static Refusal notGrantable() {
        return Refusal.forbidden(SC_3, "access.user.not-grantable");
    }
}
