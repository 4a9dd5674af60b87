package kz.bilim.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The container's error dispatch ({@code /error}): whatever was refused outside Spring MVC — by the firewall, by the
 * check of percent-encodings, by Tomcat — or escaped it. Under {@code /api} a problem+json of the catalogue, elsewhere
 * the translated error page; never Spring Boot's English JSON or Tomcat's HTML. (Replaces Boot's BasicErrorController.)
 */
@Controller
class ErrorPages implements ErrorController {

    /** Set by whoever sent the error to say what was wrong, beyond the status. */
    static final String ANSWER = ErrorPages.class.getName() + ".answer";

    private final Problems problems;

    ErrorPages(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        var answer = answer(request);
        if (ApiRequests.isApi(request)) return ApiProblemHandler.answer(problems, answer);
        return PageErrorHandler.page(problems, answer);
    }

    private static RequestErrors.Answer answer(HttpServletRequest request) {
        if (request.getAttribute(ANSWER) instanceof RequestErrors.Answer answer) return answer;
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable error) {
            var known = RequestErrors.of(error);
            if (known != null) return known;
        }
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 404;
        ErrorCode code = ErrorCode.of(status);
        return RequestErrors.Answer.of(code, switch (code) {
            case NOT_FOUND -> "error.not-found.address";
            case UNAUTHENTICATED -> "error.unauthenticated.detail";
            case FORBIDDEN -> "error.forbidden.detail";
            case INTERNAL -> "error.internal.detail";
            default -> "error.request.detail";
        }, status);
    }
}
