package dev.integrations.internal.github.actions;

import dev.integrations.internal.github.GithubCore;
import dev.integrations.github.actions.CreateGistRequest;
import dev.integrations.github.model.Gist;

import java.util.LinkedHashMap;
import java.util.Map;

/** The gist action behind {@link GithubClient#createGist}. Call it through the provider. Needs the {@code gist} scope. */
public final class GistActions {
    private GistActions() {
    }

    /** {@code POST /gists}, each file as {@code {"NAME": {"content": "..."}}}. */
    public static Gist createGist(GithubCore github, CreateGistRequest request) {
        Map<String, Object> files = new LinkedHashMap<>();
        request.files().forEach((name, content) -> files.put(name, Map.of("content", content)));
        Calls.Fields body = Calls.fields()
                .put("description", request.description())
                .put("public", request.isPublic())
                .put("files", files);
        return Calls.call(github, "createGist", Calls.withBody("POST", "/gists", body.body()), Gist::fromJson);
    }
}
