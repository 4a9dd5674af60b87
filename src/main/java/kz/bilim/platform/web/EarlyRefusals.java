package kz.bilim.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

/**
 * Answers a request refused before Spring MVC sees it (by the firewall, by the check of percent-encodings): under
 * {@code /api} problem+json written at once, elsewhere through the container's error dispatch to the translated
 * error page ({@link ErrorPages}).
 */
@Component
class EarlyRefusals {

    private final Problems problems;
    private final JsonMapper json;

    EarlyRefusals(Problems problems, JsonMapper json) {
        this.problems = problems;
        this.json = json;
    }

    void answer(HttpServletRequest request, HttpServletResponse response, RequestErrors.Answer answer) throws IOException {
        if (response.isCommitted()) return;
        if (ApiRequests.isApi(request)) {
            var problem = problems.of(request, answer);
            try {
                problem.setInstance(new URI(request.getRequestURI()));
            } catch (URISyntaxException | RuntimeException malformed) {
                // the address itself is what was refused: say nothing of it
            }
            response.resetBuffer();
            response.setStatus(answer.code().status().value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), problem);
        } else {
            // Not sendError: the container's error dispatch would read the parameters again, and Tomcat throws again
            // on those that do not decode. The error page is shown for the address without its parameters.
            int status = answer.code().status().value();
            request.setAttribute(ErrorPages.ANSWER, answer);
            request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
            request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
            response.setStatus(status);
            try {
                request.getRequestDispatcher("/error").forward(new WithoutParameters(request), response);
            } catch (ServletException e) {
                throw new IOException(e);
            }
        }
    }

    /** The request as the error page sees it: no parameters, no query. */
    private static final class WithoutParameters extends HttpServletRequestWrapper {

        WithoutParameters(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getQueryString() {
            return null;
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }
}
