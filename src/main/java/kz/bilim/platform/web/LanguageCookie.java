package kz.bilim.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * The cookie that keeps the language a person chose with the language switch ({@code ?lang=}). Its presence is the
 * sign of an explicit choice, which wins over the language stored in a user's profile when they sign in.
 */
public final class LanguageCookie {

    public static final String NAME = "bilim-lang";

    private LanguageCookie() {
    }

    /** Whether this browser carries a language chosen with the switch. */
    public static boolean chosen(HttpServletRequest request) {
        var cookie = WebUtils.getCookie(request, NAME);
        return cookie != null && cookie.getValue() != null && !cookie.getValue().isBlank();
    }
}
