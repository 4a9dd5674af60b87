package kz.bilim.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.ServletException;
import kz.bilim.access.BilimUser;
import kz.bilim.platform.web.ErrorCode;
import kz.bilim.platform.web.Problems;
import kz.bilim.audit.AuditTrail;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import kz.bilim.platform.web.LanguageCookie;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Locale;

/**
 * Two doors. {@code /api/**}: machine clients with a bearer token (or HTTP Basic), stateless, errors as problem+json.
 * Everything else: staff pages behind a login form with a session and CSRF protection. Some facts are public:
 * identity checks, the calendar, health and the API documentation.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * Pages load scripts and styles from the application only (htmx, the chart library and our own files); inline
     * styles stay allowed for htmx's indicator style and a few attributes. No frames, no plugins, forms post home.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    private static final String[] PUBLIC_API = {"/api/v1/identity/**", "/api/v1/calendar/**", "/api/v1/open-data/**"};

    /**
     * No Micrometer observations of Spring Security: they wrapped each filter of the chain and every
     * {@code @PreAuthorize} in an observation feeding timers that no endpoint exposes — ≈ 10 % of the server's CPU
     * per API request in the JFR profile of issue 11's load benchmark. {@code http.server.requests} stays.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, Problems problems, JsonMapper json,
                            LoginThrottle throttle, AuditTrail audit, Clock clock, MachineSignIns machines) throws Exception {
        http.securityMatcher("/api/**")
                .addFilterBefore(new LoginThrottleFilter(throttle, audit, clock, (request, response, retryAfter) -> {
                    response.setHeader("Retry-After", String.valueOf(retryAfter));
                    problem(request, response, ErrorCode.TOO_MANY_REQUESTS, "error.too-many-requests.detail", problems, json);
                }), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(org.springframework.http.HttpMethod.GET, PUBLIC_API).permitAll()
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(tokens, machines, audit), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        problem(request, response, ErrorCode.UNAUTHENTICATED, "error.unauthenticated.detail", problems, json)))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) ->
                                problem(request, response, ErrorCode.UNAUTHENTICATED, "error.unauthenticated.detail", problems, json))
                        .accessDeniedHandler((request, response, e) ->
                                problem(request, response, ErrorCode.FORBIDDEN, "error.forbidden.detail", problems, json)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, LocaleResolver locales, Users users, LoginThrottle throttle,
                              AuditTrail audit, Clock clock, UserAdministration accounts) throws Exception {
        http.addFilterBefore(new LoginThrottleFilter(throttle, audit, clock,
                                (request, response, retryAfter) -> response.sendRedirect(request.getContextPath() + "/login?locked")),
                        org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new SessionFollowsAccount(users),
                        org.springframework.security.web.context.SecurityContextHolderFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**",
                                "/favicon.ico", "/actuator/health/**", "/swagger-ui.html", "/swagger-ui/**",
                                "/v3/api-docs/**", "/calendar", "/calendar/**", "/open-data", "/open-data/**").permitAll()
                        .anyRequest().authenticated())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .formLogin(form -> form.loginPage("/login").successHandler(inUsersLanguage(locales, accounts)).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll());
        return http.build();
    }

    /**
     * After sign-in the pages speak the user's language: the one just chosen with the language switch (the login
     * page's, kept in the language cookie), which then becomes the profile's language too; without such a choice,
     * the profile's.
     */
    private static AuthenticationSuccessHandler inUsersLanguage(LocaleResolver locales, UserAdministration accounts) {
        var handler = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                                Authentication authentication) throws ServletException, IOException {
                request.getSession().setAttribute(SessionFollowsAccount.SIGNED_IN, Boolean.TRUE);
                if (authentication.getPrincipal() instanceof BilimUser user) {
                    if (LanguageCookie.chosen(request)) {
                        String chosen = locales.resolveLocale(request).getLanguage();
                        if (!chosen.equals(user.locale())) accounts.rememberLanguage(user, chosen);
                    } else if (user.locale() != null) {
                        locales.setLocale(request, response, Locale.forLanguageTag(user.locale()));
                    }
                }
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        handler.setDefaultTargetUrl("/");
        return handler;
    }

    private static void problem(HttpServletRequest request, HttpServletResponse response, ErrorCode code,
                                String detailKey, Problems problems, JsonMapper json) throws IOException {
        var problem = problems.of(request, code, detailKey);
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        response.setStatus(code.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
