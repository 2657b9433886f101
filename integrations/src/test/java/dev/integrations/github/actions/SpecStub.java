package dev.integrations.github.actions;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.integrations.internal.http.FormEncoding;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for api.github.com driven by GitHub's OpenAPI description alone: for each request it
 * finds the documented operation, validates the request against it (method, path, query, body)
 * and records the report, then answers with that operation's own example response. Nothing here
 * knows about our client, so a request passes only if GitHub's description says it is right.
 *
 * <p>Tests can replace the answer of an operation (a 404 for "find" actions, an empty list, a
 * 302) and of the GraphQL endpoint, which the description does not cover; there the stub checks
 * the shape GitHub documents for GraphQL calls, {@code {"query", "variables"}}.
 *
 * <p>One stub serves every test of a run (it starts in milliseconds, but the description takes
 * seconds to load); {@link #reset()} clears what one test left behind.
 */
public final class SpecStub {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> GRAPHQL_FIELDS = Set.of("query", "variables", "operationName");
    private static volatile SpecStub shared;

    private final GithubOpenApi api;
    private final HttpServer server;
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private volatile Answer graphqlAnswer;

    /** What the stub saw and thought of one request. */
    public record Exchange(String method, String path, Map<String, String> query, Map<String, String> headers, String body,
                    String operationId, List<String> problems, int status) {
        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A replacement answer: a status, an optional JSON body, optional headers. */
    public record Answer(int status, String body, Map<String, String> headers) {
    }

    private SpecStub(GithubOpenApi api) {
        this.api = api;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** The stub every test shares; started on first use, stopped with the JVM. */
    public static SpecStub shared() {
        SpecStub result = shared;
        if (result == null) {
            synchronized (SpecStub.class) {
                result = shared;
                if (result == null) {
                    SpecStub stub = new SpecStub(GithubOpenApi.get());
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> stub.server.stop(0)));
                    shared = result = stub;
                }
            }
        }
        return result;
    }

    public GithubOpenApi api() {
        return api;
    }

    /** {@code http://127.0.0.1:PORT}, the REST base URL. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Forgets recorded exchanges and replaced answers. */
    public void reset() {
        exchanges.clear();
        answers.clear();
        graphqlAnswer = null;
    }

    /** Every request since the last reset, in order. */
    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /** Answers the operation with {@code status} and GitHub's usual error body (for 4xx) or none. */
    public void answer(String operationId, int status) {
        api.operation(operationId);
        String body = status >= 400 ? "{\"message\":\"" + (status == 404 ? "Not Found" : "Error")
                + "\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"" + status + "\"}" : null;
        answers.put(operationId, new Answer(status, body, Map.of()));
    }

    /** Answers the operation with this status, JSON body (or null) and headers. */
    public void answer(String operationId, int status, String body, Map<String, String> headers) {
        api.operation(operationId);
        answers.put(operationId, new Answer(status, body, headers));
    }

    /** Answers the operation with its documented example for {@code status} (e.g. 201 rather than 200). */
    public void answerExample(String operationId, int status, String exampleName) {
        GithubOpenApi.Operation op = api.operation(operationId);
        String body = api.example(op, status, exampleName).map(SpecStub::write).orElse(null);
        answers.put(operationId, new Answer(status, body, Map.of()));
    }

    /** Answers {@code POST /graphql} with this status and body. */
    public void answerGraphql(int status, String body) {
        graphqlAnswer = new Answer(status, body, Map.of());
    }

    private void handle(HttpExchange http) throws IOException {
        try (http) {
            respond(http);
        } catch (RuntimeException | Error e) {
            // HttpServer would swallow it and drop the connection; make the cause visible instead.
            e.printStackTrace();
            throw e;
        }
    }

    private void respond(HttpExchange http) throws IOException {
        String method = http.getRequestMethod();
        String rawPath = http.getRequestURI().getRawPath();
        String rawQuery = http.getRequestURI().getRawQuery();
        Map<String, String> query = FormEncoding.decode(rawQuery);
        String body = new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        http.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
        // GitHub Enterprise Server serves REST below /api/v3 and GraphQL at /api/graphql.
        String path = rawPath.startsWith("/api/v3/") ? rawPath.substring("/api/v3".length()) : rawPath;
        Answer answer;
        String operationId;
        List<String> problems = new ArrayList<>();
        if (path.equals("/graphql") || path.equals("/api/graphql")) {
            operationId = "graphql";
            problems.addAll(checkGraphql(method, headers, body));
            answer = graphqlAnswer != null ? graphqlAnswer
                    : new Answer(200, "{\"errors\":[{\"message\":\"the test set no GraphQL answer\"}]}", Map.of());
        } else {
            Optional<GithubOpenApi.Match> match = api.match(method, path);
            if (match.isEmpty()) {
                operationId = null;
                problems.add("no operation in GitHub's OpenAPI description matches " + method + " " + path);
                answer = new Answer(404, "{\"message\":\"Not Found\"}", Map.of());
            } else {
                GithubOpenApi.Operation op = match.get().operation();
                operationId = op.operationId();
                problems.addAll(validate(method, match.get().validationPath(), query, headers, body));
                answer = answers.get(operationId);
                if (answer == null) {
                    int status = api.successStatus(op);
                    answer = new Answer(status, api.example(op, status, null).map(SpecStub::write).orElse(null), Map.of());
                }
            }
        }
        exchanges.add(new Exchange(method, rawPath, query, headers, body, operationId, List.copyOf(problems), answer.status()));
        send(http, answer);
    }

    private List<String> validate(String method, String path, Map<String, String> query, Map<String, String> headers,
                                  String body) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(method), path);
        headers.forEach(request::withHeader);
        query.forEach((name, value) -> request.withQueryParam(name, value));
        if (!body.isEmpty()) {
            request.withBody(body);
        }
        ValidationReport report = api.validator().validateRequest(request.build());
        List<String> problems = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                problems.add(message.toString());
            }
        }
        return problems;
    }

    /** GitHub's GraphQL endpoint takes a POST of a JSON object with a non-blank query and optional variables. */
    private static List<String> checkGraphql(String method, Map<String, String> headers, String body) {
        List<String> problems = new ArrayList<>();
        if (!method.equals("POST")) {
            problems.add("GraphQL must be POSTed, got " + method);
        }
        if (!headers.getOrDefault("content-type", "").startsWith("application/json")) {
            problems.add("GraphQL body must be sent as application/json");
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(body);
        } catch (IOException e) {
            problems.add("GraphQL body is not JSON");
            return problems;
        }
        if (json == null || !json.isObject()) {
            problems.add("GraphQL body must be a JSON object");
            return problems;
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!GRAPHQL_FIELDS.contains(name)) {
                problems.add("unexpected GraphQL body field '" + name + "'");
            }
        }
        if (!json.path("query").isTextual() || json.path("query").asText().isBlank()) {
            problems.add("GraphQL body needs a non-blank string 'query'");
        }
        if (json.has("variables") && !json.get("variables").isObject() && !json.get("variables").isNull()) {
            problems.add("GraphQL 'variables' must be an object");
        }
        return problems;
    }

    private static void send(HttpExchange http, Answer answer) throws IOException {
        answer.headers().forEach((name, value) -> http.getResponseHeaders().add(name, value));
        if (answer.body() == null || answer.status() == 204) {
            http.sendResponseHeaders(answer.status(), -1);
            return;
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        http.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        http.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String write(JsonNode json) {
        try {
            return MAPPER.writeValueAsString(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Only the exchanges for one operation. */
    public List<Exchange> exchanges(String operationId) {
        List<Exchange> out = new ArrayList<>();
        for (Exchange exchange : exchanges) {
            if (operationId.equals(exchange.operationId())) {
                out.add(exchange);
            }
        }
        return Collections.unmodifiableList(out);
    }
}
