package kz.bilim.access;

import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Role;

import java.util.List;
import java.util.Optional;

/**
 * Staff accounts: search, create, change, reset a password — each within the caller's territory and only for the
 * roles the caller may grant (SC-3: access only for the responsible persons). The ministry manages everyone; a
 * region or district office manages the accounts of its own KATO subtree, in roles at or below its own. Every
 * change is audited, never with the password; a change answers the account or the refusal (bad fields, SC-3
 * forbidden, or not found within the caller's territory).
 */
public interface UserAccounts {

    /** The user, if it exists within the caller's territory. */
    Optional<UserAccount> find(UserId id);

    UserPage search(UserQuery query);

    /** The roles the signed-in user may grant; empty for those who manage nobody. */
    List<Role> assignableRoles();

    Outcome<UserAccount> create(UserDraft draft);

    Outcome<UserAccount> update(UserId id, UserDraft draft);

    Outcome<UserAccount> resetPassword(UserId id, String newPassword);

    /**
     * The position the account's holder occupies (TR-18: the refusal receipt names the provider's representative by
     * it, {@link AccountPositions}); blank clears it.
     */
    Outcome<UserAccount> setPosition(UserId id, String position);

    /** The signed-in user's own name and language. */
    Outcome<UserAccount> updateOwnProfile(String fullName, String locale);

    /** The signed-in user's own password, proven by the current one. */
    Outcome<UserAccount> changeOwnPassword(String currentPassword, String newPassword);
}
