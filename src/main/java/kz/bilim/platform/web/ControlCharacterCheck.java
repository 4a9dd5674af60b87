package kz.bilim.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Refusal;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.ArrayList;
import java.util.Map;

/**
 * Parameters with control characters (a NUL byte above all, which PostgreSQL cannot store in text) are refused
 * before a handler sees them: 422 naming each parameter — on a page, its translated error page — instead of a
 * database error answered as a 500 or a "conflict". Tab and line breaks stay allowed (text areas send them).
 */
class ControlCharacterCheck implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        var errors = new ArrayList<FieldError>();
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            boolean bad = StrictJson.hasControlCharacters(parameter.getKey());
            for (String value : parameter.getValue()) bad |= StrictJson.hasControlCharacters(value);
            if (bad) errors.add(new FieldError(StrictJson.printable(parameter.getKey()), "error.field.control-characters"));
        }
        if (!errors.isEmpty()) throw Refusal.invalid(errors).exception();
        return true;
    }
}
