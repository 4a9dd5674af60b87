package kz.bilim.access;

import kz.bilim.kernel.Role;

import java.util.List;
import java.util.Optional;

/**
 * Staff accounts: search, create, change, reset a password — each within the caller's territory and only for the
 * roles the caller may grant (SC-3: access only for the responsible persons). The ministry manages everyone; a
 * region or district office manages the accounts of its own KATO subtree, in roles at or below its own. Every
 * change is audited, never with the password.
 */
public interface UserAccounts {

    /** The user, if it exists within the caller's territory. */
    Optional<UserAccount> find(long id);

    UserPage search(UserQuery query);

    /** The roles the signed-in user may grant; empty for those who manage nobody. */
    List<Role> assignableRoles();

    UserChange create(UserDraft draft);

    UserChange update(long id, UserDraft draft);

    UserChange resetPassword(long id, String newPassword);

    /** The signed-in user's own name and language. */
    UserChange updateOwnProfile(String fullName, String locale);

    /** The signed-in user's own password, proven by the current one. */
    UserChange changeOwnPassword(String currentPassword, String newPassword);
}
