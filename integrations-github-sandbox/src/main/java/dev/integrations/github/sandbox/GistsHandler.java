package dev.integrations.github.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Gists:
 * <ul>
 *   <li>{@code POST /gists} {@code {"description","public","files":{"NAME":{"content":"..."}}}}:
 *       201 {@code gist-simple}; needs the {@code gist} scope (404 without, as GitHub answers
 *       classic tokens); 422 for no files, empty content or a name with a slash;</li>
 *   <li>{@code GET /gists/{gist_id}}: any gist by id, secret ones included (their id is the secret);</li>
 *   <li>{@code GET /gists}: the caller's gists, newest first, paginated.</li>
 * </ul>
 */
final class GistsHandler {

    static final String CREATE_DOCS = "https://docs.github.com/rest/gists/gists#create-a-gist";
    static final String GET_DOCS = "https://docs.github.com/rest/gists/gists#get-a-gist";
    static final String LIST_DOCS = "https://docs.github.com/rest/gists/gists#list-gists-for-the-authenticated-user";

    private final GistStore gists;
    private final RepositoryAccess access;

    GistsHandler(GistStore gists, RepositoryAccess access) {
        this.gists = gists;
        this.access = access;
    }

    void register(ResourceRouter router) {
        router.add("POST", "/gists", CREATE_DOCS, "gist", this::create)
                .add("GET", "/gists", LIST_DOCS, "", this::list)
                .add("GET", "/gists/{id}", GET_DOCS, "", this::get);
    }

    private void create(ApiCall call) {
        if (!call.hasScope("gist")) {
            throw ApiError.notFound(call.docs());
        }
        JsonNode files = call.bodyObject().get("files");
        if (files == null || !files.isObject() || files.isEmpty()) {
            throw ApiError.validation(call.docs(), ApiError.field("Gist", "files", "missing_field"));
        }
        Map<String, String> contents = new LinkedHashMap<>();
        var names = files.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            JsonNode content = files.get(name).path("content");
            if (name.isBlank() || name.contains("/")) {
                throw ApiError.validation(call.docs(), ApiError.invalidValue("Gist", "files", name));
            }
            if (!content.isTextual() || content.asText().isEmpty()) {
                throw ApiError.validation(call.docs(), ApiError.field("Gist", "files", "missing_field"));
            }
            contents.put(name, content.asText());
        }
        JsonNode isPublic = call.bodyObject().get("public");
        boolean publicGist = isPublic != null && (isPublic.asBoolean(false) || "true".equals(isPublic.asText()));
        GistStore.Gist gist = gists.create(call.user(), call.text("description", "Gist"), publicGist, contents, call.now());
        call.respond(201, json(call.baseUrl(), gist));
    }

    private void get(ApiCall call) {
        GistStore.Gist gist = gists.get(call.param("id")).orElseThrow(() -> ApiError.notFound(call.docs()));
        call.respondGet(json(call.baseUrl(), gist));
    }

    private void list(ApiCall call) {
        call.respondPage(gists.ownedBy(call.user()), gist -> json(call.baseUrl(), gist));
    }

    /** {@code gist-simple}. */
    private Map<String, Object> json(String baseUrl, GistStore.Gist gist) {
        String api = baseUrl + "/gists/" + gist.id();
        String time = GitJson.time(gist.createdAt());
        Map<String, Object> files = new LinkedHashMap<>();
        gist.files().forEach((name, content) -> {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("filename", name);
            file.put("type", type(name));
            String language = language(name);
            if (language != null) {
                file.put("language", language);
            }
            file.put("raw_url", baseUrl + "/gist/" + gist.owner().login() + "/" + gist.id() + "/raw/" + gist.version() + "/"
                    + ResourceRouter.encode(name));
            file.put("size", content.getBytes(StandardCharsets.UTF_8).length);
            file.put("truncated", false);
            file.put("content", content);
            file.put("encoding", "utf-8");
            files.put(name, file);
        });
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("url", api);
        json.put("forks_url", api + "/forks");
        json.put("commits_url", api + "/commits");
        json.put("id", gist.id());
        json.put("node_id", Base64.getEncoder().encodeToString(("04:Gist" + gist.id()).getBytes(StandardCharsets.UTF_8)));
        json.put("git_pull_url", baseUrl + "/gist/" + gist.id() + ".git");
        json.put("git_push_url", baseUrl + "/gist/" + gist.id() + ".git");
        json.put("html_url", baseUrl + "/gist/" + gist.id());
        json.put("files", files);
        json.put("public", gist.isPublic());
        json.put("created_at", time);
        json.put("updated_at", time);
        json.put("description", gist.description());
        json.put("comments", 0);
        json.put("comments_enabled", true);
        json.put("user", null);
        json.put("comments_url", api + "/comments");
        json.put("owner", access.account(gist.owner()));
        json.put("forks", List.of());
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("user", access.account(gist.owner()));
        history.put("version", gist.version());
        history.put("committed_at", time);
        int lines = gist.files().values().stream().mapToInt(c -> c.split("\n", -1).length).sum();
        history.put("change_status", Map.of("total", lines, "additions", lines, "deletions", 0));
        history.put("url", api + "/" + gist.version());
        json.put("history", List.of(history));
        json.put("truncated", false);
        return json;
    }

    private static String type(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".md")) {
            return "text/markdown";
        }
        if (lower.endsWith(".json")) {
            return "application/json";
        }
        return "text/plain";
    }

    private static @Nullable String language(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        Map<String, String> byExtension = Map.of(".md", "Markdown", ".java", "Java", ".rb", "Ruby", ".py", "Python",
                ".js", "JavaScript", ".json", "JSON", ".txt", "Text", ".sh", "Shell", ".go", "Go", ".ts", "TypeScript");
        for (Map.Entry<String, String> entry : byExtension.entrySet()) {
            if (lower.endsWith(entry.getKey())) {
                return entry.getValue();
            }
        }
        return null;
    }
}
