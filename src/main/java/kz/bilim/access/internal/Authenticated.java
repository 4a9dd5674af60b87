package kz.bilim.access.internal;

import kz.bilim.access.BilimUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** An account read from the database as the authentication of a request: without its password hash. */
final class Authenticated {

    private Authenticated() {
    }

    static Authentication as(BilimUser user) {
        user.eraseCredentials();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }
}
