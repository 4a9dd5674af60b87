package kz.bilim.platform.web;

import kz.bilim.kernel.RefusedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Pages answer "not found" with the 404 page, not a 500. (The JSON API has its own handler, which runs first for
 * REST controllers.) Out-of-scope records look exactly like missing ones, on purpose.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
@ControllerAdvice(annotations = Controller.class)
class PageErrorHandler {

    private final org.springframework.context.ApplicationEventPublisher events;

    PageErrorHandler(org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
    }

    /**
     * A refusal that reached a page without a form to show it in (a missing or out-of-scope record, a forbidden
     * action): the error page of its status, in the reader's language.
     */
    @ExceptionHandler(RefusedException.class)
    ModelAndView refused(RefusedException e, jakarta.servlet.http.HttpServletRequest request) {
        ErrorCode code = ErrorCode.of(e.refusal().code());
        if (RequestRefused.audited(request, code)) events.publishEvent(RequestRefused.of(request, code));
        HttpStatus status = code.status();
        var page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("error", status.getReasonPhrase());
        return page;
    }
}
