package dev.integrations.github.sandbox;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's {@code GET /user} responses (status, headers, body) against GitHub's own OpenAPI
 * description: the pinned, compressed copy in the repository's {@code openapi/github/} (source,
 * version and checksum in {@code SOURCE.properties} there; {@code scripts/update-openapi.sh}
 * regenerates it).
 */
class UserContractTest {

    private static OpenApiInteractionValidator validator;
    private static GithubSandbox sandbox;

    @BeforeAll
    static void loadSpecificationOnce() {
        validator = GithubSpec.validator();
        sandbox = GithubSandbox.builder().rateLimit(2).build();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void authenticatedUserMatchesTheSpecification() {
        String token = sandbox.issueToken(sandbox.defaultUser(), "read:user");
        HttpResponse<String> response = TestHttp.getUser(sandbox, token, "Accept", "application/vnd.github+json",
                "X-GitHub-Api-Version", "2022-11-28");

        assertThat(response.statusCode()).isEqualTo(200);
        assertValid(validator.validateRequest(SimpleRequest.Builder.get("/user")
                .withHeader("Authorization", "Bearer " + token)
                .withHeader("Accept", "application/vnd.github+json")
                .withHeader("X-GitHub-Api-Version", "2022-11-28")
                .build()));
        assertValid(validator.validateResponse("/user", Request.Method.GET, toValidatorResponse(response)));
    }

    @Test
    void registeredUserWithoutEmailMatchesTheSpecification() {
        SandboxUser user = sandbox.registerUser("no-email", null, null);
        HttpResponse<String> response = TestHttp.getUser(sandbox, sandbox.issueToken(user));

        assertThat(response.statusCode()).isEqualTo(200);
        assertValid(validator.validateResponse("/user", Request.Method.GET, toValidatorResponse(response)));
    }

    @Test
    void badCredentialsMatchesTheSpecification() {
        HttpResponse<String> response = TestHttp.getUser(sandbox, "gho_unknown");

        assertThat(response.statusCode()).isEqualTo(401);
        assertValid(validator.validateResponse("/user", Request.Method.GET, toValidatorResponse(response)));
    }

    @Test
    void missingAuthenticationMatchesTheSpecification() {
        HttpResponse<String> response = TestHttp.get(sandbox.apiUrl().resolve("/user"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertValid(validator.validateResponse("/user", Request.Method.GET, toValidatorResponse(response)));
    }

    @Test
    void rateLimitedMatchesTheSpecification() {
        SandboxUser user = sandbox.registerUser("busy");
        String token = sandbox.issueToken(user);
        TestHttp.getUser(sandbox, token);
        TestHttp.getUser(sandbox, token);
        HttpResponse<String> response = TestHttp.getUser(sandbox, token);

        assertThat(response.statusCode()).isEqualTo(403);
        assertValid(validator.validateResponse("/user", Request.Method.GET, toValidatorResponse(response)));
    }

    @Test
    void validatorCatchesABodyThatBreaksTheSchema() throws IOException {
        HttpResponse<String> response = TestHttp.getUser(sandbox, sandbox.issueToken(sandbox.registerUser("broken")));
        ObjectNode body = (ObjectNode) new ObjectMapper().readTree(response.body());
        body.remove("login");
        body.put("id", "not-a-number");

        ValidationReport report = validator.validateResponse("/user", Request.Method.GET,
                SimpleResponse.Builder.status(200).withContentType("application/json").withBody(body.toString()).build());

        assertThat(report.hasErrors()).as("a body without login and with a string id must be rejected").isTrue();
    }

    private static SimpleResponse toValidatorResponse(HttpResponse<String> response) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.statusCode()).withBody(response.body());
        response.headers().map().forEach(builder::withHeader);
        response.headers().firstValue("Content-Type").ifPresent(builder::withContentType);
        return builder.build();
    }

    private static void assertValid(ValidationReport report) {
        assertThat(report.hasErrors())
                .as("OpenAPI validation errors:%n%s", String.join(System.lineSeparator(),
                        report.getMessages().stream().map(ValidationReport.Message::toString).toList()))
                .isFalse();
    }

    /** Finds and loads GitHub's OpenAPI description once per test run. */
    static final class GithubSpec {

        static final String RELATIVE = "openapi/github/api.github.com.json.gz";
        static final String SOURCE = "openapi/github/SOURCE.properties";
        private static OpenApiInteractionValidator loaded;

        private GithubSpec() {
        }

        static synchronized OpenApiInteractionValidator validator() {
            if (loaded == null) {
                loaded = OpenApiInteractionValidator.createForInlineApiSpecification(patchedSpecification(locate()))
                        // GitHub recommends Accept: application/vnd.github+json
                        // (https://docs.github.com/en/rest/using-the-rest-api/getting-started-with-the-rest-api#accept),
                        // but its OpenAPI description only lists application/json responses.
                        .withLevelResolver(LevelResolver.create()
                                .withLevel("validation.request.accept.notAllowed", ValidationReport.Level.IGNORE)
                                .build())
                        .build();
            }
            return loaded;
        }

        /**
         * The description with every discriminator property added to the {@code required} list of
         * the schemas it maps to. GitHub's description leaves {@code user_view_type} optional while
         * using it as the discriminator of {@code GET /user}, which the validator's schema checker
         * refuses as invalid; requiring it is stricter, never looser.
         */
        static String patchedSpecification(Path file) {
            try {
                ObjectMapper mapper = new ObjectMapper();
                JsonNode spec = mapper.readTree(read(file));
                JsonNode schemas = spec.path("components").path("schemas");
                dropUnusableDiscriminators(spec, spec.path("components").path("schemas"));
                openInlineAllOfMembers(spec);
                List<JsonNode> discriminators = spec.findValues("discriminator");
                for (JsonNode discriminator : discriminators) {
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
                return mapper.writeValueAsString(spec);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + file, e);
            }
        }

        /**
         * Removes a discriminator that maps to a schema without that property, such as the one of
         * {@code repos/get-content}, which maps {@code "array"} to the array schema
         * {@code content-directory}: the validator refuses the whole description as invalid. The
         * {@code oneOf} stays, so a body must still match exactly one alternative.
         */
        private static void dropUnusableDiscriminators(JsonNode node, JsonNode schemas) {
            if (node.isObject()) {
                JsonNode discriminator = node.get("discriminator");
                if (discriminator != null && discriminator.has("mapping")) {
                    String property = discriminator.path("propertyName").asText();
                    boolean usable = true;
                    for (JsonNode ref : discriminator.get("mapping")) {
                        JsonNode target = schemas.path(ref.asText().replace("#/components/schemas/", ""));
                        usable &= target.path("properties").has(property);
                    }
                    if (!usable) {
                        ((ObjectNode) node).remove("discriminator");
                    }
                }
            }
            if (node.isContainerNode()) {
                node.forEach(child -> dropUnusableDiscriminators(child, schemas));
            }
        }

        /**
         * Marks the inline members of an {@code allOf} as open ({@code additionalProperties: true}).
         * The validator otherwise closes every object schema, so a member that adds one property
         * (the {@code suggestions} of {@code issues/update}) would refuse every property of its
         * sibling. The {@code $ref} members stay closed, so unknown properties are still refused.
         */
        private static void openInlineAllOfMembers(JsonNode node) {
            if (node.isObject() && node.path("allOf").isArray()) {
                boolean hasRef = false;
                for (JsonNode member : node.get("allOf")) {
                    hasRef |= member.has("$ref");
                }
                for (JsonNode member : node.get("allOf")) {
                    if (hasRef && member.isObject() && !member.has("$ref") && member.has("properties")
                            && !member.has("additionalProperties")) {
                        ((ObjectNode) member).put("additionalProperties", true);
                    }
                }
            }
            if (node.isContainerNode()) {
                node.forEach(UserContractTest.GithubSpec::openInlineAllOfMembers);
            }
        }

        /**
         * The decompressed description, checked against the SHA-256 recorded beside it, so a test
         * never runs against a truncated or hand-edited copy.
         */
        static byte[] read(Path file) throws IOException {
            byte[] json;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                json = in.readAllBytes();
            }
            String expected = source(file).getProperty("file.sha256");
            String actual = sha256(json);
            if (!actual.equals(expected)) {
                throw new IllegalStateException(file + " has SHA-256 " + actual + " but " + SOURCE + " records "
                        + expected + ". Run scripts/update-openapi.sh to restore the pinned copy.");
            }
            return json;
        }

        /** {@code SOURCE.properties} beside the copy: package, version, checksums, licence. */
        static Properties source(Path file) throws IOException {
            Properties source = new Properties();
            try (InputStream in = Files.newInputStream(file.resolveSibling("SOURCE.properties"))) {
                source.load(in);
            }
            return source;
        }

        static String sha256(byte[] bytes) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * The repository's copy: {@code integrations.projectRoot} (set by the build) when given,
         * else the nearest directory upwards from the working directory that holds it (an IDE run).
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
}
