package kz.bilim.organisation.internal;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Links for pagers: the list being shown, with only {@code page} changed (filters kept). Used as {@code @registryPageLinks}. */
@Component("registryPageLinks")
class PageLinks {

    public String to(int page) {
        return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build().toUriString();
    }
}
