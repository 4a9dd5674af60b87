package kz.bilim.access;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** What a browser is told about the pages: a real server, since cookies and forwarded headers are Tomcat's. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HeadersTest {

    @LocalServerPort
    int port;

    HttpResponse<String> login(String forwardedProto) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"));
        if (forwardedProto != null) request.header("X-Forwarded-Proto", forwardedProto);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("the session cookie is HttpOnly and SameSite=Lax, and Secure behind an HTTPS proxy")
    void sessionCookie() throws Exception {
        String plain = login(null).headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(plain).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
        String behindTls = login("https").headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(behindTls).contains("Secure").contains("SameSite=Lax");
    }

    @Test
    @DisplayName("pages carry a Content-Security-Policy (own scripts only, no frames) and a Referrer-Policy")
    void securityHeaders() throws Exception {
        var headers = login(null).headers();
        assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-eval"));
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
    }
}
