package dev.integrations.github.actions;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.GZIPInputStream;

/**
 * GitHub's OpenAPI description, loaded once per test run: a request validator, the operations (to
 * find which one a request is for) and their example responses. The description is the pinned,
 * compressed copy in the repository's {@code openapi/github/} (its source, version and checksum
 * are in {@code SOURCE.properties} there; {@code scripts/update-openapi.sh} regenerates it).
 */
final class GithubOpenApi {
    private static final String RELATIVE = "openapi/github/api.github.com.json.gz";
    private static final String SOURCE = "openapi/github/SOURCE.properties";
    private static volatile GithubOpenApi loaded;

    private final JsonNode spec;
    private final OpenApiInteractionValidator validator;
    private final List<Operation> operations = new ArrayList<>();

    /** One documented operation. */
    record Operation(String method, String template, String[] segments, String operationId, JsonNode node) {
        int literals() {
            int n = 0;
            for (String s : segments) {
                n += s.startsWith("{") ? 0 : 1;
            }
            return n;
        }
    }

    private GithubOpenApi(JsonNode spec) {
        this.spec = spec;
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(write(spec))
                // GitHub recommends Accept: application/vnd.github+json
                // (https://docs.github.com/en/rest/using-the-rest-api/getting-started-with-the-rest-api#accept),
                // but its OpenAPI description only lists application/json responses.
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.accept.notAllowed", ValidationReport.Level.IGNORE)
                        .build())
                .build();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (op.getValue().has("operationId")) {
                    operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                            path.getKey().substring(1).split("/", -1), op.getValue().get("operationId").asText(), op.getValue()));
                }
            }
        }
    }

    /** The description, loaded and patched on first use. */
    static GithubOpenApi get() {
        GithubOpenApi result = loaded;
        if (result == null) {
            synchronized (GithubOpenApi.class) {
                result = loaded;
                if (result == null) {
                    loaded = result = new GithubOpenApi(patched(read(locate())));
                }
            }
        }
        return result;
    }

    OpenApiInteractionValidator validator() {
        return validator;
    }

    /**
     * The operation a request is for. Each parameter matches one segment, as GitHub's routes do;
     * only when nothing matches so may the last parameter span several ({@code {path}} of the
     * contents API). The most specific route wins ({@code /user/codespaces/secrets} over
     * {@code /user/codespaces/{codespace_name}}).
     */
    Optional<Match> match(String method, String rawPath) {
        String[] segments = rawPath.substring(1).split("/", -1);
        Operation best = null;
        for (Operation op : operations) {
            if (op.method().equals(method) && op.segments().length == segments.length && literalsMatch(op, segments, segments.length)
                    && (best == null || op.literals() > best.literals())) {
                best = op;
            }
        }
        if (best != null) {
            return Optional.of(new Match(best, rawPath));
        }
        for (Operation op : operations) {
            int n = op.segments().length;
            if (op.method().equals(method) && n < segments.length && op.segments()[n - 1].startsWith("{")
                    && literalsMatch(op, segments, n - 1) && (best == null || op.literals() > best.literals())) {
                best = op;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        // The validator matches one segment per parameter, so the spanning parameter is handed to it
        // with its slashes encoded: the same value, written as one segment.
        int n = best.segments().length;
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < n - 1; i++) {
            path.append('/').append(segments[i]);
        }
        path.append('/').append(String.join("%2F", java.util.Arrays.copyOfRange(segments, n - 1, segments.length)));
        return Optional.of(new Match(best, path.toString()));
    }

    /** A request matched to its operation; {@code validationPath} is the path to hand the validator. */
    record Match(Operation operation, String validationPath) {
    }

    private static boolean literalsMatch(Operation op, String[] segments, int count) {
        for (int i = 0; i < count; i++) {
            String template = op.segments()[i];
            if (template.startsWith("{") ? segments[i].isEmpty() : !template.equals(segments[i])) {
                return false;
            }
        }
        return true;
    }

    /** The operation with this id. */
    Operation operation(String operationId) {
        return operations.stream().filter(o -> o.operationId().equals(operationId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no operation " + operationId));
    }

    /** The lowest 2xx status the operation documents. */
    int successStatus(Operation op) {
        int best = Integer.MAX_VALUE;
        for (Iterator<String> it = op.node().path("responses").fieldNames(); it.hasNext(); ) {
            String code = it.next();
            if (code.matches("2\\d\\d")) {
                best = Math.min(best, Integer.parseInt(code));
            }
        }
        if (best == Integer.MAX_VALUE) {
            throw new IllegalStateException(op.operationId() + " documents no success response");
        }
        return best;
    }

    /**
     * The JSON example of a response ({@code application/json}), by example name or the first
     * one; empty when the response has no body (204).
     */
    Optional<JsonNode> example(Operation op, int status, String exampleName) {
        JsonNode response = resolve(op.node().path("responses").path(Integer.toString(status)));
        JsonNode content = response.path("content").path("application/json");
        if (content.isMissingNode()) {
            return Optional.empty();
        }
        if (content.has("example")) {
            return Optional.of(content.get("example"));
        }
        JsonNode examples = content.path("examples");
        JsonNode chosen = exampleName == null ? (examples.elements().hasNext() ? examples.elements().next() : null)
                : examples.get(exampleName);
        if (chosen == null) {
            throw new IllegalStateException(op.operationId() + " " + status + " has no example"
                    + (exampleName == null ? "" : " named " + exampleName));
        }
        // Some of GitHub's inline examples hold a $ref inside "value" (not valid OpenAPI, but meant as one).
        return Optional.of(chosen.has("$ref") ? resolve(chosen) : resolve(chosen.path("value")));
    }

    /** A named component example's value, e.g. {@code issue}. */
    JsonNode componentExample(String name) {
        JsonNode value = spec.path("components").path("examples").path(name).path("value");
        if (value.isMissingNode()) {
            throw new IllegalArgumentException("no example " + name);
        }
        return resolve(value);
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.isObject() && current.has("$ref") && hops < 5; hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("external $ref " + ref);
            }
            current = spec.at(ref.substring(1));
            if (current.isObject() && current.has("value") && ref.startsWith("#/components/examples/")) {
                current = current.get("value");
            }
        }
        return current;
    }

    /**
     * The decompressed description, checked against the SHA-256 recorded beside it, so a test never
     * runs against a truncated or hand-edited copy.
     */
    static JsonNode read(Path file) {
        try {
            byte[] json;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                json = in.readAllBytes();
            }
            Properties source = new Properties();
            try (InputStream in = Files.newInputStream(file.resolveSibling("SOURCE.properties"))) {
                source.load(in);
            }
            String expected = source.getProperty("file.sha256");
            String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
            if (!actual.equals(expected)) {
                throw new IllegalStateException(file + " has SHA-256 " + actual + " but " + SOURCE + " records "
                        + expected + ". Run scripts/update-openapi.sh to restore the pinned copy.");
            }
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(JsonNode spec) {
        try {
            return new ObjectMapper().writeValueAsString(spec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The description with every discriminator property added to the {@code required} list of
     * the schemas it maps to. GitHub's description leaves {@code user_view_type} optional while
     * using it as a discriminator, which the validator's schema checker refuses as invalid;
     * requiring it is stricter, never looser. (The same patch as the sandbox's contract tests.)
     */
    private static JsonNode patched(JsonNode spec) {
        JsonNode schemas = spec.path("components").path("schemas");
        for (JsonNode discriminator : spec.findValues("discriminator")) {
            String property = discriminator.path("propertyName").asText(null);
            if (property == null) {
                continue;
            }
            discriminator.path("mapping").forEach(ref -> {
                JsonNode target = schemas.path(ref.asText().replace("#/components/schemas/", ""));
                if (target.isObject() && target.path("properties").has(property)) {
                    ArrayNode required = target.has("required")
                            ? (ArrayNode) target.get("required") : ((ObjectNode) target).putArray("required");
                    boolean present = false;
                    for (JsonNode name : required) {
                        present |= name.asText().equals(property);
                    }
                    if (!present) {
                        required.add(property);
                    }
                }
            });
        }
        return spec;
    }

    /**
     * The repository's copy: {@code integrations.projectRoot} (set by the build) when given, else
     * the nearest directory upwards from the working directory that holds it (an IDE run).
     */
    static Path locate() {
        String projectRoot = System.getProperty("integrations.projectRoot");
        if (projectRoot != null && !projectRoot.isBlank()) {
            Path inRoot = Paths.get(projectRoot).resolve(RELATIVE).normalize();
            if (Files.isRegularFile(inRoot)) {
                return inRoot;
            }
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("GitHub's OpenAPI description was not found: expected '" + RELATIVE
                + "' in the project root (" + (projectRoot == null ? "integrations.projectRoot unset" : projectRoot)
                + ") or above " + Paths.get("").toAbsolutePath()
                + ". It is part of the repository; run scripts/update-openapi.sh to regenerate it.");
    }
}
