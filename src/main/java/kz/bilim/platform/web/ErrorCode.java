package kz.bilim.platform.web;

import kz.bilim.kernel.Refusal;
import org.springframework.http.HttpStatus;

/**
 * The catalogue of error codes an API client can rely on. Each has an HTTP status and a message key whose text,
 * in kk, ru or en, becomes the problem's title. The codes of {@link Refusal.Code} are among them by name; the rest
 * answer what HTTP itself refuses (method, media type, size, encoding).
 */
public enum ErrorCode {
    INVALID_INPUT(HttpStatus.UNPROCESSABLE_CONTENT),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED),
    FORBIDDEN(HttpStatus.FORBIDDEN),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),
    CONFLICT(HttpStatus.CONFLICT),
    /** The edit was made to a version of the record that is no longer current (If-Match, a form's version). */
    PRECONDITION_FAILED(HttpStatus.PRECONDITION_FAILED),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS),
    RULE_REFUSED(HttpStatus.UNPROCESSABLE_CONTENT),
    /** HB-1: a court verdict in force bans this person from this position; the problem names the verdict. */
    HIRING_BANNED(HttpStatus.UNPROCESSABLE_CONTENT),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR);

    private final HttpStatus status;

    ErrorCode(HttpStatus status) {
        this.status = status;
    }

    /** The answer to a domain refusal of this code (the names are the same on purpose: one catalogue). */
    public static ErrorCode of(Refusal.Code code) {
        return valueOf(code.name());
    }

    /** The code an HTTP status of the framework or the container is answered with. */
    public static ErrorCode of(int status) {
        return switch (status) {
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 412 -> PRECONDITION_FAILED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> TOO_MANY_REQUESTS;
            case 422 -> INVALID_INPUT;
            default -> status >= 500 ? INTERNAL : MALFORMED_REQUEST;
        };
    }

    public HttpStatus status() {
        return status;
    }

    public String titleKey() {
        return "error." + name().toLowerCase().replace('_', '-') + ".title";
    }

    public String type() {
        return "https://bilim.edu.kz/problems/" + name().toLowerCase().replace('_', '-');
    }
}
