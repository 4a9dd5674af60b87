package kz.bilim.access.internal;

import kz.bilim.kernel.CurrentScope;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Looks a user up for login. Before login nobody has a scope, so the lookup itself runs with the system's. */
@Service
class StaffUserDetailsService implements UserDetailsService {

    private final Users users;

    StaffUserDetailsService(Users users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return CurrentScope.asSystem(() -> users.byUsername(username.trim().toLowerCase()))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
