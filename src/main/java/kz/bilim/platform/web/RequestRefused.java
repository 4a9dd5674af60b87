package kz.bilim.platform.web;

/**
 * A request was answered with a refusal of access — 403, 404 (which is also what another territory's record looks
 * like), or 422 on a read of a person's record — published so that the audit trail tells the whole story. The path
 * carries no query string and no twelve-digit run (an IIN in a path is masked).
 */
public record RequestRefused(String method, String path, int status, String code) {

    public static RequestRefused of(jakarta.servlet.http.HttpServletRequest request, ErrorCode code) {
        String path = request.getRequestURI().substring(request.getContextPath().length())
                .replaceAll("[0-9]{12,}", "{number}");
        return new RequestRefused(request.getMethod(), path.length() > 200 ? path.substring(0, 200) : path,
                code.status().value(), code.name());
    }

    /** Whether this refusal is one the trail keeps: access refused or not found, and bad reads of a person. */
    public static boolean audited(jakarta.servlet.http.HttpServletRequest request, ErrorCode code) {
        if (code == ErrorCode.FORBIDDEN || code == ErrorCode.NOT_FOUND) return true;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return code == ErrorCode.INVALID_INPUT && (path.startsWith("/api/v1/persons/") || path.startsWith("/persons/"));
    }
}
