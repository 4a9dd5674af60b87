package kz.bilim.platform.web;

import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.RefusedException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.List;

/**
 * Every error of the JSON API as RFC 9457 problem+json: a stable {@code code}, a title and detail in the caller's
 * language, and for bad input the list of fields with their reasons. Never a stack trace, never personal data.
 */
// Before Spring Boot's own ProblemDetailsExceptionHandler, which would answer 400 without naming the field.
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    private final Problems problems;

    private final org.springframework.context.ApplicationEventPublisher events;

    ApiProblemHandler(Problems problems, org.springframework.context.ApplicationEventPublisher events) {
        this.problems = problems;
        this.events = events;
    }

    private void refusedAccess(jakarta.servlet.http.HttpServletRequest request, ErrorCode code) {
        if (RequestRefused.audited(request, code)) events.publishEvent(RequestRefused.of(request, code));
    }

    /** The one mapping of a domain refusal to problem+json. */
    @ExceptionHandler(RefusedException.class)
    ResponseEntity<ProblemDetail> refused(RefusedException e, jakarta.servlet.http.HttpServletRequest request) {
        refusedAccess(request, ErrorCode.of(e.refusal().code()));
        return answer(problems.of(e.refusal()));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage() == null ? "error.field.invalid"
                        : f.getDefaultMessage().replaceAll("[{}]", "")))
                .toList();
        return answer(problems.of(ErrorCode.INVALID_INPUT, errors, "error.invalid-input.detail"));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameter(HandlerMethodValidationException e) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldError(
                        r.getMethodParameter().getParameterName(),
                        err.getDefaultMessage() == null ? "error.field.invalid" : err.getDefaultMessage().replaceAll("[{}]", ""))))
                .toList();
        return answer(problems.of(ErrorCode.INVALID_INPUT, errors, "error.invalid-input.detail"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        return answer(problems.of(ErrorCode.INVALID_INPUT,
                List.of(new FieldError(e.getName(), "error.field.type-mismatch", String.valueOf(e.getValue()))),
                "error.invalid-input.detail"));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
        return answer(problems.of(ErrorCode.INVALID_INPUT,
                List.of(new FieldError(e.getParameterName(), "error.field.required")), "error.invalid-input.detail"));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return answer(problems.of(ErrorCode.MALFORMED_REQUEST, "error.malformed-request.detail"));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> denied(RuntimeException e, jakarta.servlet.http.HttpServletRequest request) {
        refusedAccess(request, ErrorCode.FORBIDDEN);
        return answer(problems.of(ErrorCode.FORBIDDEN, "error.forbidden.detail"));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> conflict(DataIntegrityViolationException e) {
        log.info("Refused by a database constraint: {}", e.getMostSpecificCause().getClass().getSimpleName());
        return answer(problems.of(ErrorCode.CONFLICT, "error.conflict.detail"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.web.ErrorResponse) throw e; // Spring's own 404/405/415 answers
        log.error("Unexpected error in the API", e);
        return answer(problems.of(ErrorCode.INTERNAL, "error.internal.detail"));
    }

    static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
