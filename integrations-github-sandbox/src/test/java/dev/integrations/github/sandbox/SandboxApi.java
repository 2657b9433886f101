package dev.integrations.github.sandbox;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * REST calls to a sandbox as one token, and checks of the answers against GitHub's OpenAPI
 * description (loaded once per run by {@link UserContractTest.GithubSpec}).
 */
final class SandboxApi {

    private final GithubSandbox sandbox;
    private final String token;

    SandboxApi(GithubSandbox sandbox, String token) {
        this.sandbox = sandbox;
        this.token = token;
    }

    static OpenApiInteractionValidator validator() {
        return UserContractTest.GithubSpec.validator();
    }

    SandboxApi as(String otherToken) {
        return new SandboxApi(sandbox, otherToken);
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) {
        return send("GET", pathAndQuery, null, headers);
    }

    HttpResponse<String> post(String path, String json) {
        return send("POST", path, json);
    }

    HttpResponse<String> put(String path, String json) {
        return send("PUT", path, json);
    }

    HttpResponse<String> patch(String path, String json) {
        return send("PATCH", path, json);
    }

    HttpResponse<String> delete(String path) {
        return send("DELETE", path, null);
    }

    HttpResponse<String> send(String method, String pathAndQuery, String json, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(sandbox.apiUrl().resolve(pathAndQuery))
                .timeout(java.time.Duration.ofSeconds(20))
                .header("User-Agent", TestHttp.USER_AGENT)
                .header("Accept", "application/vnd.github+json")
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return TestHttp.send(builder.build());
    }

    static JsonNode json(HttpResponse<String> response) {
        return TestHttp.json(response);
    }

    /** Asserts the status, then that the answer is valid for the operation at {@code pathTemplate}. */
    static HttpResponse<String> assertValid(HttpResponse<String> response, int status, String method, String pathTemplate) {
        assertThat(response.statusCode()).as("%s %s: %s", method, pathTemplate, response.body()).isEqualTo(status);
        ValidationReport report = validator().validateResponse(pathTemplate, Request.Method.valueOf(method), toValidatorResponse(response));
        assertThat(report.hasErrors())
                .as("%s %s (%d) is not valid against GitHub's OpenAPI description:%n%s%n%s", method, pathTemplate,
                        response.statusCode(), String.join(System.lineSeparator(),
                                report.getMessages().stream().map(ValidationReport.Message::toString).toList()),
                        abbreviate(response.body()))
                .isFalse();
        return response;
    }

    static SimpleResponse toValidatorResponse(HttpResponse<String> response) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.statusCode());
        if (!response.body().isEmpty()) {
            builder.withBody(response.body());
        }
        response.headers().map().forEach(builder::withHeader);
        response.headers().firstValue("Content-Type").ifPresent(builder::withContentType);
        return builder.build();
    }

    private static String abbreviate(String body) {
        return body.length() > 3000 ? body.substring(0, 3000) + "..." : body;
    }
}
