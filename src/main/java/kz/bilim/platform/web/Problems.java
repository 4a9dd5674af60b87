package kz.bilim.platform.web;

import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Refusal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds RFC 9457 problems in the caller's language. */
@Component
public class Problems {

    private final MessageSource messages;
    private final ObjectProvider<LocaleResolver> locales;

    Problems(MessageSource messages, ObjectProvider<LocaleResolver> locales) {
        this.messages = messages;
        this.locales = locales;
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
        return of(RequestErrors.Answer.of(refusal));
    }

    /** A request refused: its code, the clause it enforces (if a rule did), the detail, the fields at fault. */
    ProblemDetail of(RequestErrors.Answer answer) {
        var problem = of(answer.code(), answer.errors(), answer.detailKey(), answer.args());
        if (answer.clause() != null) problem.setProperty("clause", answer.clause());
        if (answer.current() != null) problem.setProperty("current", answer.current());
        return problem;
    }

    /** The reasons of the fields at fault in the reader's language, field by field (for the error page). */
    java.util.List<Map<String, String>> reasons(java.util.List<FieldError> errors) {
        Locale locale = LocaleContextHolder.getLocale();
        return errors.stream()
                .map(e -> Map.of("field", e.field(),
                        "reason", messages.getMessage(e.reasonKey(), e.args(), e.reasonKey(), locale)))
                .toList();
    }

    /** For filters that run before Spring MVC has resolved the locale. */
    public ProblemDetail of(HttpServletRequest request, ErrorCode code, String detailKey) {
        return inLocaleOf(request, () -> of(code, detailKey));
    }

    ProblemDetail of(HttpServletRequest request, RequestErrors.Answer answer) {
        return inLocaleOf(request, () -> of(answer));
    }

    private ProblemDetail inLocaleOf(HttpServletRequest request, java.util.function.Supplier<ProblemDetail> problem) {
        Locale previous = LocaleContextHolder.getLocale();
        try {
            var resolver = RequestContextUtils.getLocaleResolver(request);
            if (resolver == null) resolver = locales.getIfAvailable();
            if (resolver != null) LocaleContextHolder.setLocale(resolver.resolveLocale(request));
            return problem.get();
        } finally {
            LocaleContextHolder.setLocale(previous);
        }
    }
}
