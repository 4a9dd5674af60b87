package kz.bilim.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import kz.bilim.kernel.RefusedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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

    private final Problems problems;
    private final ApplicationEventPublisher events;

    PageErrorHandler(Problems problems, ApplicationEventPublisher events) {
        this.problems = problems;
        this.events = events;
    }

    /**
     * A refusal that reached a page without a form to show it in (a missing or out-of-scope record, a forbidden
     * action, a malformed parameter): the error page of its status, in the reader's language, naming the parameters
     * at fault.
     */
    @ExceptionHandler(RefusedException.class)
    ModelAndView refused(RefusedException e, HttpServletRequest request) {
        ErrorCode code = ErrorCode.of(e.refusal().code());
        if (RequestRefused.audited(request, code)) events.publishEvent(RequestRefused.of(request, code));
        return page(problems, RequestErrors.Answer.of(e.refusal()));
    }

    /** The translated error page of an answer: its status, and each field at fault with its reason. */
    static ModelAndView page(Problems problems, RequestErrors.Answer answer) {
        var status = answer.code().status();
        var page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("error", status.getReasonPhrase());
        page.addObject("fieldErrors", problems.reasons(answer.errors()));
        return page;
    }
}
