package dev.integrations.internal.github.actions;

import dev.integrations.internal.github.GithubCore;
import dev.integrations.github.actions.ContentEncoding;
import dev.integrations.github.actions.CreateOrUpdateFileRequest;
import dev.integrations.github.actions.GitIdentity;
import dev.integrations.github.actions.InvalidActionArgumentsException;
import dev.integrations.github.actions.UnexpectedResponseException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.github.GithubRequest;
import dev.integrations.github.model.FileCommit;
import dev.integrations.http.NotFoundException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static dev.integrations.internal.github.actions.UrlPath.filePath;
import static dev.integrations.internal.github.actions.UrlPath.repository;
import org.jspecify.annotations.Nullable;

/**
 * The file action behind {@link GithubClient#createOrUpdateFile}. Call it through the provider.
 */
public final class FileActions {
    private static final String ACTION = "createOrUpdateFile";

    private FileActions() {
    }

    /**
     * {@code PUT /repos/{owner}/{repo}/contents/{path}} with the content base64-encoded. GitHub
     * refuses to replace a file without the current blob SHA, so when the request carries none
     * the SHA is read first with {@code GET /repos/{owner}/{repo}/contents/{path}} (404: the file
     * is new).
     */
    public static FileCommit createOrUpdateFile(GithubCore github, CreateOrUpdateFileRequest request) {
        String path = repository(request.owner(), request.repo()) + "/contents/" + filePath(request.path());
        String sha = request.sha() != null ? request.sha() : currentSha(github, request, path);
        String content = request.encoding() == ContentEncoding.BASE64 ? request.content()
                : Base64.getEncoder().encodeToString(request.content().getBytes(StandardCharsets.UTF_8));
        Calls.Fields body = Calls.fields()
                .put("message", request.message())
                .put("content", content)
                .put("sha", sha)
                .put("branch", request.branch())
                .put("committer", identity(request.committer()))
                .put("author", identity(request.author()));
        return Calls.call(github, ACTION, Calls.withBody("PUT", path, body.body()), FileCommit::fromJson);
    }

    private static @Nullable String currentSha(GithubCore github, CreateOrUpdateFileRequest request, String path) {
        GithubRequest lookup = request.branch() == null ? Calls.get(path) : Calls.get(path, Map.of("ref", request.branch()));
        JsonNode existing;
        try {
            existing = Calls.send(github, ACTION, lookup).body();
        } catch (NotFoundException e) {
            return null;
        }
        if (existing.isArray() || !"file".equals(existing.path("type").asText("file"))) {
            throw new InvalidActionArgumentsException(ACTION, "path", "'" + request.path() + "' is a "
                    + (existing.isArray() ? "directory" : existing.path("type").asText()) + " in " + request.owner() + "/"
                    + request.repo() + ", not a file");
        }
        if (!existing.hasNonNull("sha")) {
            throw new UnexpectedResponseException(ACTION + ": GitHub GET " + lookup.path() + " returned no 'sha' for the existing file");
        }
        return existing.get("sha").asText();
    }

    private static @Nullable Map<String, String> identity(@Nullable GitIdentity identity) {
        return identity == null ? null : Map.of("name", identity.name(), "email", identity.email());
    }
}
