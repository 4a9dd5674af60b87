package kz.bilim.platform;

import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What only a real Tomcat does with a malformed request: percent-encodings that are not UTF-8, a multipart content
 * type without its boundary, addresses the firewall refuses. Sent as raw bytes, so nothing on the way repairs them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class RawRequestTest {

    static final String TOKEN = "blm_raw-request-test-token-0000000000000000";

    @LocalServerPort
    int port;

    @Autowired
    OwnerDataSource owner;

    /** A ministry account with an API token, written as the schema owner. */
    @BeforeAll
    void token() throws Exception {
        var jdbc = JdbcClient.create(owner);
        long user = jdbc.sql("""
                insert into app_user (username, password_hash, full_name, role, kato, locale)
                values ('raw.ministry', '{noop}unused-password', 'Raw Ministry', 'MINISTRY_ADMIN', '', 'en')
                on conflict (username) do update set enabled = true returning id
                """).query(Long.class).single();
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(TOKEN.getBytes(StandardCharsets.UTF_8)));
        jdbc.sql("""
                insert into api_token (user_id, name, token_hash, expires_at)
                values (:user, 'raw', :hash, now() + interval '30 days') on conflict (token_hash) do nothing
                """).param("user", user).param("hash", hash).update();
    }

    record Answer(int status, Map<String, String> headers, String body) {
        String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    /** One request as raw bytes; the answer's status, headers (lower-case names) and body. */
    Answer send(String method, String target, String body, String... headers) throws IOException {
        var request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        for (String h : headers) request.append(h).append("\r\n");
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) request.append("Content-Length: ").append(content.length).append("\r\n");
        request.append("\r\n");
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            byte[] raw = socket.getInputStream().readAllBytes();
            int split = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
            String[] head = new String(raw, 0, split, StandardCharsets.ISO_8859_1).split("\r\n");
            Map<String, String> parsed = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                parsed.put(head[i].substring(0, colon).trim().toLowerCase(), head[i].substring(colon + 1).trim());
            }
            byte[] rest = java.util.Arrays.copyOfRange(raw, split + 4, raw.length);
            if ("chunked".equalsIgnoreCase(parsed.get("transfer-encoding"))) rest = unchunk(rest);
            return new Answer(Integer.parseInt(head[0].split(" ")[1]), parsed, new String(rest, StandardCharsets.UTF_8));
        }
    }

    private static byte[] unchunk(byte[] chunked) {
        var body = new java.io.ByteArrayOutputStream();
        byte[] eolBytes = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
        int at = 0;
        while (true) {
            int eol = indexOf(chunked, eolBytes, at);
            int size = Integer.parseInt(new String(chunked, at, eol - at, StandardCharsets.ISO_8859_1).trim(), 16);
            if (size == 0) return body.toByteArray();
            body.write(chunked, eol + 2, size);
            at = eol + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) if (data[i + j] != pattern[j]) continue outer;
            return i;
        }
        throw new IllegalStateException("not found");
    }

    static final String BEARER = "Authorization: Bearer " + TOKEN;

    static void isProblem(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"code\":\"" + code + "\"");
    }

    static void isErrorPage(Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(answer.body()).contains("id=\"error-page\"").contains("lang=\"ru\"");
    }

    @Test
    @DisplayName("a percent-encoding that is not UTF-8 (%FF, %G1) is 400 naming the parameter, even signed out, with no stack trace in the log")
    void undecodable(CapturedOutput output) throws Exception {
        int before = output.length();
        var anonymous = send("GET", "/api/v1/identity/iin/900101300017?x=%FF", null);
        isProblem(anonymous, 400, "MALFORMED_REQUEST");
        assertThat(anonymous.body()).contains("\"field\":\"x\"");
        isProblem(send("GET", "/api/v1/organisations?q=%G1", null, BEARER), 400, "MALFORMED_REQUEST");
        isProblem(send("GET", "/api/v1/organisations?%FF=1", null, BEARER), 400, "MALFORMED_REQUEST");
        isErrorPage(send("GET", "/login?lang=ru&x=%FF", null, "Accept: text/html", "Accept-Language: ru"), 400);
        for (int i = 0; i < 5; i++) send("GET", "/api/v1/calendar/deadline?due=%FF", null);
        String logged = output.toString().substring(before);
        assertThat(logged).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    @DisplayName("multipart/form-data without a boundary on a JSON POST or PUT is a 4xx problem, not a 500")
    void multipartWithoutBoundary(CapturedOutput output) throws Exception {
        int before = output.length();
        var post = send("POST", "/api/v1/organisations", "{}", BEARER, "Content-Type: multipart/form-data");
        assertThat(post.status()).as(post.body()).isBetween(400, 499);
        assertThat(post.contentType()).startsWith("application/problem+json");
        var put = send("PUT", "/api/v1/organisations/1", "{}", BEARER, "Content-Type: multipart/form-data");
        assertThat(put.status()).as(put.body()).isBetween(400, 499);
        assertThat(put.contentType()).startsWith("application/problem+json");
        var upload = send("POST", "/api/v1/territories/import", "x", BEARER, "Content-Type: multipart/form-data");
        isProblem(upload, 400, "MALFORMED_REQUEST");
        assertThat(output.toString().substring(before)).doesNotContain("\tat ");
    }

    @Test
    @DisplayName("the firewall's 400 is problem+json under /api and the translated error page elsewhere")
    void firewall() throws Exception {
        isProblem(send("GET", "/api/v1/calendar/working-days;x=1?from=2026-01-05&add=1", null), 400, "MALFORMED_REQUEST");
        isProblem(send("GET", "/api/v1/calendar/%2e%2e/working-days", null), 400, "MALFORMED_REQUEST");
        isErrorPage(send("GET", "/login;x=1", null, "Accept: text/html", "Accept-Language: ru"), 400);
    }

    @Test
    @DisplayName("405 and 415 from a real server are problem+json of the catalogue")
    void methodAndMediaType() throws Exception {
        isProblem(send("DELETE", "/api/v1/organisations", null, BEARER), 405, "METHOD_NOT_ALLOWED");
        isProblem(send("POST", "/api/v1/organisations", "x", BEARER, "Content-Type: text/plain"), 415,
                "UNSUPPORTED_MEDIA_TYPE");
    }
}
