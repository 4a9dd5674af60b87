package kz.bilim.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.bilim.kernel.FieldError;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Parameters whose percent-encoding is not UTF-8 ({@code ?x=%FF}, {@code %G1}) are refused here, before anything
 * reads them: Tomcat throws on the first {@code getParameter}, which Spring Security's filters make before any login,
 * so such a request was a 500 with a stack trace in the log — for anyone, signed in or not. Now: 400 naming the
 * parameter (problem+json under {@code /api}, the translated error page elsewhere). A form body that does not decode
 * is refused the same way. Multipart bodies are left to the multipart resolver.
 */
class EncodingCheck extends OncePerRequestFilter {

    private final EarlyRefusals refusals;

    EncodingCheck(EarlyRefusals refusals) {
        this.refusals = refusals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String undecodable = undecodable(request.getQueryString());
        if (undecodable == null && !multipart(request)) {
            try {
                request.getParameterMap();
            } catch (IllegalStateException | IllegalArgumentException e) { // Tomcat's InvalidParameterException
                undecodable = "body";
            }
        }
        if (undecodable != null) {
            refusals.answer(request, response, RequestErrors.Answer.of(ErrorCode.MALFORMED_REQUEST,
                    List.of(new FieldError(undecodable, "error.field.undecodable")), "error.malformed-request.encoding"));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean multipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, "multipart/", 0, 10);
    }

    /** The name of the first parameter of the query whose name or value does not decode, or null when all do. */
    static String undecodable(String query) {
        if (query == null || query.isEmpty()) return null;
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            if (decode(name) == null || decode(value) == null) return shown(name);
        }
        return null;
    }

    /** Strictly decoded text: null when a % is not followed by two hex digits or the bytes are not UTF-8. */
    static String decode(String text) {
        if (text.indexOf('%') < 0) return text;
        var bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) return null;
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) return null;
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c < 0x80) bytes.write(c);
            else bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** A parameter's name as the answer names it: what decodes of it, printable, at most 64 characters. */
    private static String shown(String name) {
        var printable = new StringBuilder();
        for (int i = 0; i < name.length() && printable.length() < 64; i++) {
            char c = name.charAt(i);
            if (c == '%' && i + 2 < name.length()) {
                String piece = decode(name.substring(i, i + 3));
                printable.append(piece != null && piece.codePointAt(0) >= 0x20 ? piece : "?");
                i += 2;
            } else printable.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return printable.isEmpty() ? "?" : printable.toString();
    }
}
