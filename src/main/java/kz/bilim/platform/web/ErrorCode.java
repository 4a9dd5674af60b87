package kz.bilim.platform.web;

import kz.bilim.kernel.Refusal;
import org.springframework.http.HttpStatus;

/**
 * The catalogue of error codes an API client can rely on. Each has an HTTP status and a message key whose text,
 * in kk, ru or en, becomes the problem's title.
 */
public enum ErrorCode {
    INVALID_INPUT(HttpStatus.UNPROCESSABLE_CONTENT),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED),
    FORBIDDEN(HttpStatus.FORBIDDEN),
    CONFLICT(HttpStatus.CONFLICT),
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
