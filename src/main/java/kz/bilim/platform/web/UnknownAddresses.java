package kz.bilim.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address nothing answers (a mistyped page URL): a person gets the translated 404 page, an API client the
 * problem+json of the API in its language — never Spring's English "No static resource …".
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice
class UnknownAddresses {

    private final Problems problems;

    UnknownAddresses(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    Object unknown(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = problems.of(ErrorCode.NOT_FOUND, "error.not-found.page");
            problem.setInstance(java.net.URI.create(request.getRequestURI()));
            return ApiProblemHandler.answer(problem);
        }
        var page = new ModelAndView("error", HttpStatus.NOT_FOUND);
        page.addObject("status", HttpStatus.NOT_FOUND.value());
        return page;
    }
}
