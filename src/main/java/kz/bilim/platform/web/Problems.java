package kz.bilim.platform.web;

import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Refusal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds RFC 9457 problems in the caller's language. */
@Component
public class Problems {

    private final MessageSource messages;

    Problems(MessageSource messages) {
        this.messages = messages;
    }

    public ProblemDetail of(ErrorCode code, String detailKey, Object... args) {
        return of(code, List.of(), detailKey, args);
    }

    public ProblemDetail of(ErrorCode code, List<FieldError> errors, String detailKey, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        var problem = ProblemDetail.forStatus(code.status());
        problem.setType(URI.create(code.type()));
        problem.setTitle(messages.getMessage(code.titleKey(), null, code.name(), locale));
        if (detailKey != null) problem.setDetail(messages.getMessage(detailKey, args, detailKey, locale));
        problem.setProperty("code", code.name());
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors.stream()
                    .map(e -> Map.of("field", e.field(),
                            "reason", messages.getMessage(e.reasonKey(), e.args(), e.reasonKey(), locale)))
                    .toList());
        }
        return problem;
    }

    /** A domain refusal: its code, the clause it enforces, its reason and the fields at fault. */
    public ProblemDetail of(Refusal refusal) {
        var problem = of(ErrorCode.of(refusal.code()), refusal.errors(), refusal.reasonKey(), refusal.args().toArray());
        if (refusal.clause() != null) problem.setProperty("clause", refusal.clause());
        return problem;
    }

    /** For filters that run before Spring MVC has resolved the locale. */
    public ProblemDetail of(HttpServletRequest request, ErrorCode code, String detailKey) {
        Locale previous = LocaleContextHolder.getLocale();
        try {
            var resolver = RequestContextUtils.getLocaleResolver(request);
            if (resolver != null) LocaleContextHolder.setLocale(resolver.resolveLocale(request));
            return of(code, detailKey);
        } finally {
            LocaleContextHolder.setLocale(previous);
        }
    }
}
