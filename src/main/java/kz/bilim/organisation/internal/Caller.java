package kz.bilim.organisation.internal;

import kz.bilim.access.BilimUser;
import kz.bilim.access.Role;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** The signed-in user on this thread, if any. */
final class Caller {

    private Caller() {
    }

    static Optional<BilimUser> user() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof BilimUser user
                ? Optional.of(user) : Optional.empty();
    }

    static Optional<Role> role() {
        return user().map(BilimUser::role);
    }

    /** Territory officers and the ministry: may register organisations and edit everything within their scope. */
    static boolean isRegistrar() {
        return role().map(r -> r == Role.MINISTRY_ADMIN || r == Role.REGION_OFFICER || r == Role.DISTRICT_OFFICER)
                .orElse(false);
    }

    static boolean isOrganisationAdmin() {
        return role().map(r -> r == Role.ORGANISATION_ADMIN).orElse(false);
    }
}
