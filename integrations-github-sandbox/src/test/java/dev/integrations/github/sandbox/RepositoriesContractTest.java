package dev.integrations.github.sandbox;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's repository responses (status, headers, body) against GitHub's own OpenAPI
 * description: {@code repos/list-for-authenticated-user} and {@code repos/get}. The description
 * does not list {@code GET /repositories/{id}} (the target of GitHub's rename redirects), so its
 * response is checked against {@code repos/get}, which GitHub serves it as.
 */
class RepositoriesContractTest {

    private static OpenApiInteractionValidator validator;
    private static GithubSandbox sandbox;
    private static String token;

    @BeforeAll
    static void start() {
        validator = UserContractTest.GithubSpec.validator();
        sandbox = GithubSandbox.start();
        token = sandbox.issueToken(sandbox.defaultUser(), "repo");
        for (int i = 0; i < 4; i++) {
            sandbox.createRepository(sandbox.defaultUser(), "extra-" + i, "Extra " + i, i % 2 == 0);
        }
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void listPagesMatchTheSpecification() {
        assertValid(validator.validateRequest(SimpleRequest.Builder.get("/user/repos")
                .withQueryParam("per_page", "2").withQueryParam("page", "2")
                .withHeader("Authorization", "Bearer " + token)
                .withHeader("Accept", "application/vnd.github+json")
                .build()));
        HttpResponse<String> response = get("/user/repos?per_page=2&page=2");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Link")).isPresent();
        assertValid(validator.validateResponse("/user/repos", Request.Method.GET, toValidatorResponse(response)));
    }

    @Test
    void notModifiedMatchesTheSpecification() {
        String etag = get("/user/repos").headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> response = get("/user/repos", "If-None-Match", etag);

        assertThat(response.statusCode()).isEqualTo(304);
        assertValid(validator.validateResponse("/user/repos", Request.Method.GET, toValidatorResponse(response)));
    }

    @Test
    void ownAndOthersRepositoriesMatchTheSpecification() {
        SandboxUser other = sandbox.registerUser("contract-other");
        sandbox.createRepository(other, "described", "A description", false);
        for (String path : new String[] {"/repos/octocat/Hello-World", "/repos/octocat/extra-0", "/repos/contract-other/described"}) {
            HttpResponse<String> response = get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertValid(validator.validateResponse("/repos/{owner}/{repo}", Request.Method.GET, toValidatorResponse(response)));
        }
    }

    @Test
    void renameRedirectAndItsTargetMatchTheSpecification() {
        SandboxRepository repository = sandbox.createRepository(sandbox.defaultUser(), "before-rename");
        sandbox.renameRepository(repository, "after-rename");

        HttpResponse<String> moved = get("/repos/octocat/before-rename");
        assertThat(moved.statusCode()).isEqualTo(301);
        assertValid(validator.validateResponse("/repos/{owner}/{repo}", Request.Method.GET, toValidatorResponse(moved)));

        HttpResponse<String> target = TestHttp.get(URI.create(moved.headers().firstValue("Location").orElseThrow()),
                "Authorization", "Bearer " + token);
        assertThat(target.statusCode()).isEqualTo(200);
        assertValid(validator.validateResponse("/repos/{owner}/{repo}", Request.Method.GET, toValidatorResponse(target)));
    }

    @Test
    @org.junit.jupiter.api.DisplayName("defect 17: a PATCH to a renamed repository's old name is a 307 to /repositories/{id}, where the PATCH succeeds")
    void defect17_writeToRenamedRepositoryIs307AndItsTargetServesThePatch() {
        SandboxRepository repository = sandbox.createRepository(sandbox.defaultUser(), "before-move");
        sandbox.renameRepository(repository, "after-move");
        SandboxApi api = new SandboxApi(sandbox, token);

        HttpResponse<String> moved = api.patch("/repos/octocat/before-move", "{\"description\":\"Moved here\"}");
        assertThat(moved.statusCode()).isEqualTo(307);
        String location = sandbox.apiUrl() + "/repositories/" + repository.id();
        assertThat(moved.headers().firstValue("Location")).hasValue(location);
        assertValid(validator.validateResponse("/repos/{owner}/{repo}", Request.Method.PATCH, toValidatorResponse(moved)));

        HttpResponse<String> updated = api.patch("/repositories/" + repository.id(), "{\"description\":\"Moved here\"}");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(SandboxApi.json(updated).path("description").asText()).isEqualTo("Moved here");
        assertThat(SandboxApi.json(updated).path("name").asText()).isEqualTo("after-move");
        assertValid(validator.validateResponse("/repos/{owner}/{repo}", Request.Method.PATCH, toValidatorResponse(updated)));

        HttpResponse<String> renamedAgain = api.patch("/repos/octocat/after-move", "{\"name\":\"moved-twice\"}");
        assertThat(renamedAgain.statusCode()).isEqualTo(200);
        assertThat(get("/repos/octocat/after-move").statusCode()).isEqualTo(301);
        assertThat(SandboxApi.json(get("/repos/octocat/moved-twice")).path("description").asText()).isEqualTo("Moved here");
    }

    @Test
    void notFoundMatchesTheSpecification() {
        HttpResponse<String> response = get("/repos/octocat/does-not-exist");

        assertThat(response.statusCode()).isEqualTo(404);
        assertValid(validator.validateResponse("/repos/{owner}/{repo}", Request.Method.GET, toValidatorResponse(response)));
    }

    @Test
    void validatorCatchesARepositoryThatBreaksTheSchema() throws java.io.IOException {
        var body = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(get("/repos/octocat/Hello-World").body());
        body.remove("full_name");
        body.put("private", "nope");

        ValidationReport report = validator.validateResponse("/repos/{owner}/{repo}", Request.Method.GET,
                SimpleResponse.Builder.status(200).withContentType("application/json").withBody(body.toString()).build());

        assertThat(report.hasErrors()).as("a repository without full_name and with a string 'private' must be rejected")
                .isTrue();
    }

    private static HttpResponse<String> get(String pathAndQuery, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer " + token;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return TestHttp.get(sandbox.apiUrl().resolve(pathAndQuery), all);
    }

    private static SimpleResponse toValidatorResponse(HttpResponse<String> response) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.statusCode());
        if (!response.body().isEmpty()) {
            builder.withBody(response.body());
        }
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
}
