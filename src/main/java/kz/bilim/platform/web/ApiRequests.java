package kz.bilim.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/** Whether a request is the JSON API's (answered with problem+json) or a page's (answered with the error page). */
final class ApiRequests {

    private ApiRequests() {
    }

    static boolean isApi(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original instanceof String s ? s : request.getRequestURI();
        return uri != null && uri.startsWith(request.getContextPath() + "/api/");
    }
}
