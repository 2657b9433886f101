package dev.integrations.github.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.integrations.github.sandbox.SandboxApi.assertValid;
import static dev.integrations.github.sandbox.SandboxApi.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GitHub App endpoints (JWT verification, installations, installation tokens) and the
 * permission checks of installation tokens, each answer validated against GitHub's OpenAPI
 * description.
 */
class GithubAppsContractTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static GithubSandbox sandbox;
    private static KeyPair keys;
    private static KeyPair otherKeys;
    private static SandboxGithubApp app;
    private static SandboxInstallation onOctocat;
    private static SandboxInstallation onOrg;
    private static SandboxRepository spoonKnife;

    @BeforeAll
    static void start() throws NoSuchAlgorithmException {
        sandbox = GithubSandbox.start();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        otherKeys = generator.generateKeyPair();
        app = sandbox.registerGithubApp("contract-app", keys.getPublic());
        spoonKnife = sandbox.repositories(sandbox.defaultUser()).stream().filter(r -> r.name().equals("Spoon-Knife"))
                .findFirst().orElseThrow();
        onOctocat = sandbox.installGithubApp(app, sandbox.defaultUser(), Map.of("issues", "write", "contents", "read"),
                spoonKnife);
        onOrg = sandbox.installGithubApp(app, sandbox.account(sandbox.createOrganization("contract-org")),
                Map.of("issues", "read"));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static String jwt(Object iss, long iat, long exp, PrivateKey key) {
        try {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("iat", iat);
            claims.put("exp", exp);
            claims.put("iss", iss);
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String input = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                    + b64.encodeToString(MAPPER.writeValueAsBytes(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64.encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SandboxApi asApp() {
        long now = sandbox.clock().instant().getEpochSecond();
        return new SandboxApi(sandbox, jwt(app.id(), now - 60, now + 540, keys.getPrivate()));
    }

    @Test
    void theAppAndItsInstallationsMatchTheSpecification() {
        JsonNode self = json(assertValid(asApp().get("/app"), 200, "GET", "/app"));
        JsonNode list = assertEachItemIsAnInstallation(asApp().get("/app/installations?per_page=1"));
        JsonNode page2 = assertEachItemIsAnInstallation(asApp().get("/app/installations?per_page=1&page=2"));
        JsonNode one = json(assertValid(asApp().get("/app/installations/" + onOrg.id()), 200, "GET",
                "/app/installations/{installation_id}"));

        assertThat(self.path("id").asLong()).isEqualTo(app.id());
        assertThat(self.path("client_id").asText()).isEqualTo(app.clientId());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("id").asLong()).isEqualTo(onOctocat.id());
        assertThat(list.get(0).path("repository_selection").asText()).isEqualTo("selected");
        assertThat(page2.get(0).path("id").asLong()).isEqualTo(onOrg.id());
        assertThat(one.path("target_type").asText()).isEqualTo("Organization");
    }

    /**
     * GitHub's description inlines an older installation schema for {@code GET /app/installations}
     * whose {@code account} is {@code allOf} simple-user and enterprise, which no account can
     * satisfy (and which lacks {@code client_id}); each item is therefore validated against the
     * {@code installation} schema of {@code GET /app/installations/{installation_id}}.
     */
    private static JsonNode assertEachItemIsAnInstallation(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode list = json(response);
        assertThat(list.isArray()).isTrue();
        for (JsonNode item : list) {
            com.atlassian.oai.validator.report.ValidationReport report = SandboxApi.validator().validateResponse(
                    "/app/installations/{installation_id}", com.atlassian.oai.validator.model.Request.Method.GET,
                    com.atlassian.oai.validator.model.SimpleResponse.Builder.ok().withContentType("application/json")
                            .withBody(item.toString()).build());
            assertThat(report.hasErrors()).as("%s", report.getMessages()).isFalse();
        }
        return list;
    }

    @Test
    void lookupsByRepositoryOrganizationAndUserMatchTheSpecification() {
        JsonNode repo = json(assertValid(asApp().get("/repos/octocat/Spoon-Knife/installation"), 200, "GET",
                "/repos/{owner}/{repo}/installation"));
        JsonNode org = json(assertValid(asApp().get("/orgs/contract-org/installation"), 200, "GET", "/orgs/{org}/installation"));
        JsonNode user = json(assertValid(asApp().get("/users/octocat/installation"), 200, "GET",
                "/users/{username}/installation"));
        // Hello-World is not in the installation's selected repositories.
        assertValid(asApp().get("/repos/octocat/Hello-World/installation"), 404, "GET", "/repos/{owner}/{repo}/installation");

        assertThat(repo.path("id").asLong()).isEqualTo(onOctocat.id());
        assertThat(org.path("id").asLong()).isEqualTo(onOrg.id());
        assertThat(user.path("account").path("login").asText()).isEqualTo("octocat");
        assertThat(asApp().get("/orgs/octocat/installation").statusCode()).isEqualTo(404);
        assertThat(asApp().get("/users/nobody/installation").statusCode()).isEqualTo(404);
    }

    @Test
    void anInstallationTokenMatchesTheSpecificationAndLivesAnHour() {
        int before = sandbox.installationTokensIssued(onOctocat);
        JsonNode token = json(assertValid(asApp().post("/app/installations/" + onOctocat.id() + "/access_tokens",
                "{\"repositories\":[\"Spoon-Knife\"],\"permissions\":{\"issues\":\"read\"}}"), 201, "POST",
                "/app/installations/{installation_id}/access_tokens"));

        assertThat(token.path("token").asText()).startsWith("ghs_");
        assertThat(java.time.Instant.parse(token.path("expires_at").asText()))
                .isBetween(sandbox.clock().instant().plus(Duration.ofMinutes(59)), sandbox.clock().instant().plus(Duration.ofHours(1)));
        assertThat(token.path("permissions")).hasSize(1);
        assertThat(token.path("repositories").get(0).path("full_name").asText()).isEqualTo("octocat/Spoon-Knife");
        assertThat(sandbox.installationTokensIssued(onOctocat)).isEqualTo(before + 1);
    }

    @Test
    void narrowingBeyondTheInstallationIs422() {
        String path = "/app/installations/" + onOctocat.id() + "/access_tokens";
        String template = "/app/installations/{installation_id}/access_tokens";

        HttpResponse<String> permission = assertValid(asApp().post(path, "{\"permissions\":{\"issues\":\"admin\"}}"), 422, "POST", template);
        HttpResponse<String> repository = assertValid(asApp().post(path, "{\"repositories\":[\"Hello-World\"]}"), 422, "POST", template);
        assertValid(asApp().post("/app/installations/1/access_tokens", "{}"), 404, "POST", template);

        assertThat(json(permission).path("message").asText()).isEqualTo(AppsHandler.PERMISSIONS_NOT_GRANTED);
        assertThat(json(repository).path("message").asText()).isEqualTo(AppsHandler.REPOSITORIES_NOT_ACCESSIBLE);
    }

    @Test
    void jwtsAreVerifiedWithGithubsMessages() {
        long now = sandbox.clock().instant().getEpochSecond();
        String template = "/app/installations/{installation_id}/access_tokens";
        String path = "/app/installations/" + onOctocat.id() + "/access_tokens";
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put(jwt(app.id(), now - 60, now + 540, otherKeys.getPrivate()), JwtVerifier.UNDECODABLE);
        cases.put(jwt(424242, now - 60, now + 540, keys.getPrivate()), JwtVerifier.UNDECODABLE);
        cases.put(jwt(app.id(), now - 60, now + 660, keys.getPrivate()), JwtVerifier.EXP_TOO_FAR);
        cases.put(jwt(app.id(), now - 700, now - 10, keys.getPrivate()), JwtVerifier.EXP_INVALID);
        cases.put(jwt(app.id(), now + 300, now + 500, keys.getPrivate()), JwtVerifier.IAT_INVALID);
        cases.put("not.a.jwt", JwtVerifier.UNDECODABLE);
        cases.put(sandbox.issueToken(sandbox.defaultUser(), "repo"), JwtVerifier.UNDECODABLE);
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> response = assertValid(new SandboxApi(sandbox, c.getKey()).post(path, "{}"), 401, "POST", template);
            assertThat(json(response).path("message").asText()).isEqualTo(c.getValue());
        }
        // The Client ID as issuer, and a JWT made 60 s in the past with the full 10 minutes, are accepted.
        assertThat(new SandboxApi(sandbox, jwt(app.clientId(), now - 60, now + 540, keys.getPrivate())).get("/app")
                .statusCode()).isEqualTo(200);
        assertThat(new SandboxApi(sandbox, jwt(String.valueOf(app.id()), now - 60, now + 540, keys.getPrivate())).get("/app")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void installationTokensAreCheckedForRepositoriesAndPermissions() {
        String full = json(asApp().post("/app/installations/" + onOctocat.id() + "/access_tokens", "{}")).path("token").asText();
        String readOnly = json(asApp().post("/app/installations/" + onOctocat.id() + "/access_tokens",
                "{\"permissions\":{\"issues\":\"read\"}}")).path("token").asText();
        SandboxApi installation = new SandboxApi(sandbox, full);

        assertValid(installation.get("/repos/octocat/Spoon-Knife"), 200, "GET", "/repos/{owner}/{repo}");
        assertValid(installation.post("/repos/octocat/Spoon-Knife/issues", "{\"title\":\"by the app\"}"), 201, "POST",
                "/repos/{owner}/{repo}/issues");
        // Hello-World is not selected: hidden, as GitHub does.
        assertValid(installation.get("/repos/octocat/Hello-World"), 404, "GET", "/repos/{owner}/{repo}");
        HttpResponse<String> denied = assertValid(installation.as(readOnly).post("/repos/octocat/Spoon-Knife/issues",
                "{\"title\":\"no\"}"), 403, "POST", "/repos/{owner}/{repo}/issues");
        assertThat(denied.headers().firstValue("X-Accepted-GitHub-Permissions")).hasValue("issues=write");
        assertThat(json(denied).path("message").asText()).isEqualTo("Resource not accessible by integration");
        HttpResponse<String> user = installation.get("/user");
        assertThat(user.statusCode()).isEqualTo(403);
        assertThat(json(user).path("message").asText()).isEqualTo("Resource not accessible by integration");

        sandbox.revokeToken(full);
        assertThat(installation.get("/repos/octocat/Spoon-Knife").statusCode()).as("revoked").isEqualTo(401);
        java.time.Instant now = sandbox.clock().instant();
        sandbox.clock().advance(Duration.ofHours(1));
        try {
            assertThat(installation.as(readOnly).get("/repos/octocat/Spoon-Knife").statusCode()).as("expired after an hour")
                    .isEqualTo(401);
        } finally {
            sandbox.clock().set(now);
        }
    }
}
