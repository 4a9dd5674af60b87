package kz.bilim.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import kz.bilim.kernel.RefusedException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error of the JSON API as RFC 9457 problem+json: a stable {@code code}, a title and detail in the caller's
 * language, and for bad input the list of fields with their reasons. Never a stack trace, never personal data.
 * The translation of each exception is {@link RequestErrors}'s, shared with the error pages.
 */
// Before Spring Boot's own ProblemDetailsExceptionHandler, which would answer 400 without naming the field.
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    private final Problems problems;
    private final ApplicationEventPublisher events;

    ApiProblemHandler(Problems problems, ApplicationEventPublisher events) {
        this.problems = problems;
        this.events = events;
    }

    /** Access refused, or a record not found, leaves a trace in the trail ({@link RequestRefused}). */
    private void refusedAccess(HttpServletRequest request, ErrorCode code) {
        if (RequestRefused.audited(request, code)) events.publishEvent(RequestRefused.of(request, code));
    }

    /** The one mapping of a domain refusal to problem+json. */
    @ExceptionHandler(RefusedException.class)
    ResponseEntity<ProblemDetail> refused(RefusedException e, HttpServletRequest request) {
        refusedAccess(request, ErrorCode.of(e.refusal().code()));
        return answer(problems, RequestErrors.Answer.of(e.refusal()));
    }

    /** Everything else: a refusal of the request by HTTP or the framework, or (logged) a failure of ours. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> other(Exception e, HttpServletRequest request) {
        var answer = RequestErrors.of(e);
        if (answer != null && answer.code() == ErrorCode.FORBIDDEN) refusedAccess(request, ErrorCode.FORBIDDEN);
        if (answer == null) {
            log.error("Unexpected error in the API", e);
            answer = RequestErrors.Answer.of(ErrorCode.INTERNAL, "error.internal.detail");
        }
        return answer(problems, answer);
    }

    static ResponseEntity<ProblemDetail> answer(Problems problems, RequestErrors.Answer answer) {
        var headers = new HttpHeaders();
        headers.addAll(answer.headers());
        if (answer.current() instanceof Versioned versioned) headers.setETag(EntityTags.of(versioned.version()));
        return ResponseEntity.status(answer.code().status()).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problems.of(answer));
    }

    static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
