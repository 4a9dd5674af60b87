package kz.bilim.platform.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;

/**
 * What the framework refuses before or around a handler that is not a REST controller — no handler at all (405, 415,
 * an unknown address, a multipart body without its boundary), a page's parameter of the wrong type: problem+json
 * under {@code /api}, the translated error page elsewhere. Spring's own answers would be English, without the
 * catalogue's code, or a 500.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@ControllerAdvice
class FrameworkErrors {

    private final Problems problems;

    FrameworkErrors(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler({ServletException.class, ErrorResponseException.class, TypeMismatchException.class,
            BindException.class, HttpMessageNotReadableException.class, MultipartException.class,
            DataIntegrityViolationException.class})
    Object refused(Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
        var answer = RequestErrors.of(e);
        if (answer == null) throw e;
        if (ApiRequests.isApi(request)) return ApiProblemHandler.answer(problems, answer);
        answer.headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        return PageErrorHandler.page(problems, answer);
    }
}
