package kz.bilim.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Languages: Kazakh (the state language, default), Russian and English. A page switches with {@code ?lang=ru};
 * the choice is kept in a cookie; API clients choose with Accept-Language.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("kk"), Locale.forLanguageTag("ru"), Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver(LanguageCookie.NAME);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(WebConfiguration::fromHeader);
        return resolver;
    }

    private static Locale fromHeader(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(header), LANGUAGES);
                if (best != null) return best;
            } catch (IllegalArgumentException ignored) {
                // a malformed header is not worth an error: fall back to the state language
            }
        }
        return LANGUAGES.get(0);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ControlCharacterCheck()).excludePathPatterns("/error");
        var change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }

    /**
     * Spring Boot registers the filter that rewrites every link of a page to a versioned resource URL whenever the
     * resource chain is on (it is, for the version-less /webjars/ paths). No version strategy is configured, so it
     * rewrites nothing — but it looks each link up on the class path (every jar) first: a fifth of the home page's
     * rendering at national scale. Off; the /webjars/ handler still resolves the version-less paths on request.
     */
    @Bean
    FilterRegistrationBean<org.springframework.web.servlet.resource.ResourceUrlEncodingFilter> noResourceUrlEncoding() {
        // Boot's own registration backs off when one for this filter exists (@ConditionalOnMissingFilterBean)
        var registration = new FilterRegistrationBean<>(new org.springframework.web.servlet.resource.ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    /**
     * The check of percent-encodings runs before Spring Security (whose filters read parameters before any login),
     * after the character encoding is set.
     */
    @Bean
    FilterRegistrationBean<EncodingCheck> encodingCheck(EarlyRefusals refusals) {
        var registration = new FilterRegistrationBean<>(new EncodingCheck(refusals));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }
}
