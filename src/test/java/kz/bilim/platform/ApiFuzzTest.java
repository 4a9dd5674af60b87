package kz.bilim.platform;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.platform.web.ErrorCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Malformed requests to every operation of the OpenAPI document, signed in as the ministry (who may call them all):
 * path variables, query parameters and JSON properties of the wrong form, bodies that do not parse, the wrong media
 * type, the wrong method. None may be answered with a 5xx; every refusal is problem+json of the catalogue, and bad
 * input names its fields with a translated reason. Ids are never those of a real record, so nothing is written.
 */
@BilimTest
class ApiFuzzTest {

    /** An id no record has: a well-formed request with it is answered 404, so the fuzz never changes data. */
    static final String ABSENT = "999999999";

    static final List<String> PATH_VALUES = List.of("x", "-1", "0", "99999999999999999999", "1.5", "%00", "%20",
            "a%2Fb", "%D0%90", "'%20or%201=1--");

    static final List<String> QUERY_VALUES = List.of("x", "-5", "0", "1.5", "99999999999999999999",
            "+999999999-12-31", "", "a\u0000b", "\u0007", "'; drop table person; --", "<script>alert(1)</script>",
            "a".repeat(5000), "1e400", "2026-02-30T25:61");

    static final List<String> JSON_VALUES = List.of("5.5", "\"7\"", "true", "[]", "{}", "\"a\\u0000b\"",
            "99999999999999999999", "-1", "\"\"", "\"" + "я".repeat(3000) + "\"");

    static final List<String> BODIES = List.of("", "{", "[]", "null", "\"x\"", "{\"a\":", "{} {}", "[{}]", "1");

    static final Set<String> CODES = Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toSet());
    static final Pattern MESSAGE_KEY = Pattern.compile("[a-z]+(\\.[a-z0-9-]+)+");

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    JsonNode document;
    final List<String> failures = new ArrayList<>();
    int sent;

    @Test
    @DisplayName("hundreds of malformed requests across every endpoint of the OpenAPI document: no 5xx, every refusal problem+json naming its fields")
    void fuzz() throws Exception {
        document = json.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
        long started = System.nanoTime();
        var paths = document.get("paths");
        for (String path : paths.propertyNames()) {
            var operations = paths.get(path);
            for (String method : operations.propertyNames()) fuzz(path, HttpMethod.valueOf(method.toUpperCase()),
                    operations.get(method));
            send("wrong method", request(HttpMethod.PATCH, uri(path, Map.of())).contentType(MediaType.APPLICATION_JSON)
                    .content("{}"));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("API fuzz: %d requests to %d paths in %d ms%n", sent, paths.size(), millis);
        assertThat(sent).isGreaterThan(300);
        assertThat(failures).isEmpty();
    }

    private void fuzz(String path, HttpMethod method, JsonNode operation) throws Exception {
        List<JsonNode> parameters = new ArrayList<>();
        if (operation.has("parameters")) operation.get("parameters").forEach(parameters::add);
        var pathNames = parameters.stream().filter(p -> "path".equals(p.get("in").asString()))
                .map(p -> p.get("name").asString()).toList();
        var absent = new LinkedHashMap<String, String>();
        pathNames.forEach(name -> absent.put(name, ABSENT));
        JsonNode body = jsonBody(operation);
        String validishBody = body == null ? null : "{}";

        for (String name : pathNames)
            for (String value : PATH_VALUES) {
                var values = new LinkedHashMap<>(absent);
                values.put(name, value);
                send(method + " " + path + " " + name + "=" + value, withBody(request(method, uri(path, values)), validishBody));
            }
        for (JsonNode parameter : parameters) {
            if (!"query".equals(parameter.get("in").asString())) continue;
            String name = parameter.get("name").asString();
            for (String value : QUERY_VALUES)
                send(method + " " + path + " ?" + name + "=" + shown(value),
                        withBody(request(method, uri(path, absent)), validishBody).param(name, value));
        }
        if (body != null) {
            for (String malformed : BODIES)
                send(method + " " + path + " body " + malformed, request(method, uri(path, absent))
                        .contentType(MediaType.APPLICATION_JSON).content(malformed));
            properties(body, "", (field, value) -> send(method + " " + path + " " + field + "=" + shown(value),
                    request(method, uri(path, absent)).contentType(MediaType.APPLICATION_JSON).content(value)));
            for (var type : List.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_XML, MediaType.MULTIPART_FORM_DATA,
                    MediaType.APPLICATION_FORM_URLENCODED))
                send(method + " " + path + " as " + type, request(method, uri(path, absent)).contentType(type)
                        .content("a=1"));
        }
        if (method == HttpMethod.PUT)
            for (String tag : List.of("garbage", "\"99999999999999999999\"", "*", "W/\"1\"", "\"-1\"", "\"1\", \"2\""))
                send("PUT " + path + " If-Match " + tag, request(method, uri(path, absent))
                        .contentType(MediaType.APPLICATION_JSON).content("{}").header("If-Match", tag));
        if (method == HttpMethod.GET)
            send("GET " + path + " accepting only PNG", request(method, uri(path, absent)).accept(MediaType.IMAGE_PNG));
    }

    interface BodySender {
        void send(String field, String body) throws Exception;
    }

    /** One body per property and bad value, the other properties left out; nested objects one level deep. */
    private void properties(JsonNode schema, String prefix, BodySender sender) throws Exception {
        var properties = resolve(schema).get("properties");
        if (properties == null) return;
        for (String name : properties.propertyNames()) {
            for (String value : JSON_VALUES) sender.send(prefix + name, "{\"" + name + "\": " + value + "}");
            var nested = resolve(properties.get(name));
            if (prefix.isEmpty() && nested.has("properties"))
                properties(nested, name + ".", (field, inner) -> sender.send(field, "{\"" + name + "\": " + inner + "}"));
        }
    }

    private JsonNode jsonBody(JsonNode operation) {
        var content = operation.path("requestBody").path("content");
        return content.has("application/json") ? content.get("application/json").get("schema") : null;
    }

    private JsonNode resolve(JsonNode schema) {
        if (schema != null && schema.has("$ref")) {
            String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
            return document.get("components").get("schemas").get(name);
        }
        return schema;
    }

    private static URI uri(String template, Map<String, String> values) {
        String path = template;
        for (var value : values.entrySet()) path = path.replace("{" + value.getKey() + "}", value.getValue());
        return URI.create(path.replaceAll("\\{[^}]+}", ABSENT));
    }

    private static MockHttpServletRequestBuilder withBody(MockHttpServletRequestBuilder request, String body) {
        return body == null ? request : request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static String shown(String value) {
        String printable = value.replace("\u0000", "\\0").replace("\u0007", "\\a");
        return printable.length() > 40 ? printable.substring(0, 40) + "…(" + value.length() + ")" : printable;
    }

    private void send(String what, MockHttpServletRequestBuilder request) throws Exception {
        sent++;
        var response = mvc.perform(request.with(TestUsers.ministry()).header("Accept-Language", "ru"))
                .andReturn().getResponse();
        int status = response.getStatus();
        String body = response.getContentAsString();
        if (status >= 500) {
            failures.add(what + " → " + status + " " + body);
            return;
        }
        if (status < 400) return;
        String type = response.getContentType();
        if (type == null || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(type))) {
            failures.add(what + " → " + status + " as " + type + ": " + body);
            return;
        }
        JsonNode problem = json.readTree(body);
        String code = problem.path("code").asString("");
        if (!CODES.contains(code) || problem.path("status").asInt() != status)
            failures.add(what + " → " + status + " with code '" + code + "': " + body);
        if ("CONFLICT".equals(code) || "INTERNAL".equals(code))
            failures.add(what + " → malformed input answered as " + code + ": " + body);
        if (body.contains("Exception") || body.contains("\tat "))
            failures.add(what + " → " + status + " tells of an exception: " + body);
        if ("INVALID_INPUT".equals(code)) {
            if (!problem.has("errors") || problem.get("errors").isEmpty())
                failures.add(what + " → INVALID_INPUT without the fields at fault: " + body);
            else problem.get("errors").forEach(error -> {
                String reason = error.path("reason").asString("");
                if (error.path("field").asString("").isBlank() || reason.isBlank() || MESSAGE_KEY.matcher(reason).matches())
                    failures.add(what + " → a field error without a field or a translated reason: " + error);
            });
        }
    }
}
