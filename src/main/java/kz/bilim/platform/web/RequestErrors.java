package kz.bilim.platform.web;

import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.RefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What went wrong with a request, in the terms of the error catalogue: the code, the fields at fault with their
 * reasons, the detail and the headers HTTP asks for (Allow, Accept). One translation of every framework exception,
 * used by the API's problem+json, by the error pages and by the container's /error dispatch alike.
 */
final class RequestErrors {

    private static final Logger log = LoggerFactory.getLogger(RequestErrors.class);

    private RequestErrors() {
    }

    /** A request refused, as the catalogue names it. */
    record Answer(ErrorCode code, String clause, List<FieldError> errors, String detailKey, Object[] args,
                  HttpHeaders headers, Object current) {

        static Answer of(ErrorCode code, String detailKey, Object... args) {
            return new Answer(code, null, List.of(), detailKey, args, HttpHeaders.EMPTY, null);
        }

        static Answer of(ErrorCode code, List<FieldError> errors, String detailKey) {
            return new Answer(code, null, errors, detailKey, new Object[0], HttpHeaders.EMPTY, null);
        }

        static Answer of(Refusal refusal) {
            return new Answer(ErrorCode.of(refusal.code()), refusal.clause(), refusal.errors(), refusal.reasonKey(),
                    refusal.args().toArray(), HttpHeaders.EMPTY, refusal.current());
        }

        Answer with(HttpHeaders headers) {
            return new Answer(code, clause, errors, detailKey, args, headers, current);
        }

        static Answer invalid(String field, String reasonKey, Object... args) {
            return of(ErrorCode.INVALID_INPUT, List.of(new FieldError(field, reasonKey, args)), "error.invalid-input.detail");
        }
    }

    /** The answer to the exception, or null when it is not a refusal of the request but a failure of ours. */
    static Answer of(Throwable e) {
        if (e instanceof RefusedException refused) return Answer.of(refused.refusal());
        if (e instanceof BindException bind) return Answer.of(ErrorCode.INVALID_INPUT, bind.getFieldErrors().stream()
                .map(f -> f.isBindingFailure()
                        ? new FieldError(f.getField(), "error.field.type-mismatch", String.valueOf(f.getRejectedValue()))
                        : new FieldError(f.getField(), f.getDefaultMessage() == null ? "error.field.invalid"
                        : f.getDefaultMessage().replaceAll("[{}]", "")))
                .toList(), "error.invalid-input.detail");
        if (e instanceof HandlerMethodValidationException validation)
            return Answer.of(ErrorCode.INVALID_INPUT, validation.getParameterValidationResults().stream()
                    .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldError(
                            r.getMethodParameter().getParameterName(), err.getDefaultMessage() == null
                            ? "error.field.invalid" : err.getDefaultMessage().replaceAll("[{}]", ""))))
                    .toList(), "error.invalid-input.detail");
        if (e instanceof MethodArgumentTypeMismatchException mismatch)
            return Answer.invalid(mismatch.getName(), "error.field.type-mismatch", String.valueOf(mismatch.getValue()));
        if (e instanceof TypeMismatchException mismatch)
            return Answer.invalid(mismatch.getPropertyName() == null ? "value" : mismatch.getPropertyName(),
                    "error.field.type-mismatch", String.valueOf(mismatch.getValue()));
        if (e instanceof MissingServletRequestParameterException missing)
            return Answer.invalid(missing.getParameterName(), "error.field.required");
        if (e instanceof MissingServletRequestPartException missing)
            return Answer.invalid(missing.getRequestPartName(), "error.field.required");
        if (e instanceof HttpMessageNotReadableException unreadable) return unreadable(unreadable);
        if (e instanceof MaxUploadSizeExceededException)
            return Answer.of(ErrorCode.PAYLOAD_TOO_LARGE, "error.payload-too-large.detail");
        if (e instanceof MultipartException)
            return Answer.of(ErrorCode.MALFORMED_REQUEST, "error.malformed-request.multipart");
        if (e instanceof HttpRequestMethodNotSupportedException method)
            return Answer.of(ErrorCode.METHOD_NOT_ALLOWED, "error.method-not-allowed.detail", method.getMethod(),
                    String.join(", ", method.getSupportedMethods() == null ? new String[0] : method.getSupportedMethods()))
                    .with(method.getHeaders());
        if (e instanceof HttpMediaTypeNotSupportedException media)
            return Answer.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "error.unsupported-media-type.detail",
                    String.valueOf(media.getContentType()), types(media.getSupportedMediaTypes()))
                    .with(media.getHeaders());
        if (e instanceof HttpMediaTypeNotAcceptableException media)
            return Answer.of(ErrorCode.NOT_ACCEPTABLE, "error.not-acceptable.detail",
                    types(media.getSupportedMediaTypes())).with(media.getHeaders());
        if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException)
            return Answer.of(ErrorCode.NOT_FOUND, "error.not-found.address");
        if (e instanceof AccessDeniedException || e instanceof AuthorizationDeniedException)
            return Answer.of(ErrorCode.FORBIDDEN, "error.forbidden.detail");
        if (e instanceof DataIntegrityViolationException integrity) return integrity(integrity);
        if (e instanceof ErrorResponse response && response.getStatusCode().is4xxClientError())
            return Answer.of(ErrorCode.of(response.getStatusCode().value()), "error.request.detail",
                    response.getStatusCode().value()).with(response.getHeaders());
        return null;
    }

    private static String types(Collection<?> types) {
        return types == null || types.isEmpty() ? "—" : String.join(", ", types.stream().map(String::valueOf).toList());
    }

    /**
     * JSON that parses but does not fit the request (a number where text belongs, 5.5 for a grade, a NUL in a name):
     * 422 naming the field by its path ({@code person.birthDate}, {@code languages[0]}). JSON that does not parse: 400.
     */
    private static Answer unreadable(HttpMessageNotReadableException e) {
        JacksonException json = null;
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause())
            if (t instanceof JacksonException j) {
                json = j;
                break;
            }
        if (json == null || json.getPath().isEmpty())
            return Answer.of(ErrorCode.MALFORMED_REQUEST, "error.malformed-request.detail");
        var field = new StringBuilder();
        for (JacksonException.Reference step : json.getPath()) {
            if (step.getPropertyName() != null) {
                if (!field.isEmpty()) field.append('.');
                field.append(step.getPropertyName());
            } else if (step.getIndex() >= 0) field.append('[').append(step.getIndex()).append(']');
        }
        return Answer.invalid(field.toString(), reason(json));
    }

    private static String reason(JacksonException e) {
        if (e instanceof StrictJson.ControlCharacters) return "error.field.control-characters";
        if (e instanceof InputCoercionException) return "error.field.number-range";
        Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
        if (target == null) return "error.field.invalid";
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class
                || target == Short.class || target == short.class) return "error.field.expected-integer";
        if (Number.class.isAssignableFrom(target) || target == double.class || target == float.class)
            return "error.field.expected-number";
        if (target == String.class || target.isEnum()) return "error.field.expected-text";
        if (target == Boolean.class || target == boolean.class) return "error.field.expected-boolean";
        if (Collection.class.isAssignableFrom(target) || target.isArray()) return "error.field.expected-list";
        if (Map.class.isAssignableFrom(target) || target.isRecord()) return "error.field.expected-object";
        return "error.field.invalid";
    }

    /**
     * A database constraint: a unique key or a reference is a conflict (409); a value the database cannot hold at all
     * (SQLSTATE class 22: a NUL byte, a date out of range, a number too large) is input no check stopped — 422, and
     * logged, since a check of form should have caught it.
     */
    private static Answer integrity(DataIntegrityViolationException e) {
        String state = e.getMostSpecificCause() instanceof SQLException sql ? sql.getSQLState() : null;
        if (state != null && state.startsWith("22")) {
            log.warn("A value reached the database that no check of form refused (SQLSTATE {})", state);
            return Answer.of(ErrorCode.INVALID_INPUT, "error.invalid-input.value");
        }
        log.info("Refused by a database constraint: {}", e.getMostSpecificCause().getClass().getSimpleName());
        return Answer.of(ErrorCode.CONFLICT, "error.conflict.detail");
    }
}
