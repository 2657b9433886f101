package dev.integrations.github.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Pieces every api.github.com response shares: the common headers and the basic-error body. */
final class ApiResponses {

    static final String DEFAULT_VERSION = "2022-11-28";
    static final String REST_DOCS = "https://docs.github.com/rest";

    private ApiResponses() {
    }

    /** {@code X-GitHub-Request-Id} and {@code X-GitHub-Media-Type}, plus the selected API version if known. */
    static Map<String, String> headers(String requestId, @Nullable String selectedVersion) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-GitHub-Request-Id", requestId);
        headers.put("X-GitHub-Media-Type", "github.v3; format=json");
        if (selectedVersion != null) {
            headers.put("X-GitHub-Api-Version-Selected", selectedVersion);
        }
        return headers;
    }

    /** GitHub's {@code basic-error} body: {@code message}, {@code documentation_url}, {@code status} (a string). */
    static Map<String, String> error(String message, String documentationUrl, int status) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("documentation_url", documentationUrl);
        body.put("status", Integer.toString(status));
        return body;
    }

    static void notFound(SandboxExchange exchange) {
        exchange.sendJson(404, error("Not Found", REST_DOCS, 404), headers(Secrets.requestId(), null));
    }
}
