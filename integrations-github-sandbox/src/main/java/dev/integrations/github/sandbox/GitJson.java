package dev.integrations.github.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Git data in the shapes of GitHub's OpenAPI description: {@code git-ref}, {@code commit},
 * {@code short-branch}, {@code branch-with-protection}, {@code content-file}, the items of
 * {@code content-directory}, and {@code file-commit}.
 */
final class GitJson {

    private GitJson() {
    }

    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String api(String baseUrl, SandboxRepository repository) {
        return baseUrl + "/repos/" + ResourceRouter.encode(repository.owner().login()) + "/" + ResourceRouter.encode(repository.name());
    }

    static String html(String baseUrl, SandboxRepository repository) {
        return baseUrl + "/" + ResourceRouter.encode(repository.owner().login()) + "/" + ResourceRouter.encode(repository.name());
    }

    /** {@code git-ref} for a branch. */
    static Map<String, Object> branchRef(String baseUrl, SandboxRepository repository, String branch, String sha) {
        String ref = "refs/heads/" + branch;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ref", ref);
        json.put("node_id", Base64.getEncoder().encodeToString(("03:Ref" + repository.id() + ":" + ref).getBytes(StandardCharsets.UTF_8)));
        json.put("url", api(baseUrl, repository) + "/git/refs/heads/" + ResourceRouter.encodePath(branch));
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("sha", sha);
        object.put("type", "commit");
        object.put("url", api(baseUrl, repository) + "/git/commits/" + sha);
        json.put("object", object);
        return json;
    }

    /** The {@code commit} shape (as in a branch). */
    static Map<String, Object> commit(String baseUrl, SandboxRepository repository, GitStore.Commit commit, RepositoryAccess access) {
        String api = api(baseUrl, repository);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sha", commit.sha());
        json.put("node_id", nodeId(repository, commit));
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("author", person(commit.author()));
        inner.put("committer", person(commit.committer()));
        inner.put("message", commit.message());
        inner.put("tree", Map.of("sha", commit.treeSha(), "url", api + "/git/trees/" + commit.treeSha()));
        inner.put("url", api + "/git/commits/" + commit.sha());
        inner.put("comment_count", 0);
        inner.put("verification", unsigned());
        json.put("commit", inner);
        json.put("url", api + "/commits/" + commit.sha());
        json.put("html_url", html(baseUrl, repository) + "/commit/" + commit.sha());
        json.put("comments_url", api + "/commits/" + commit.sha() + "/comments");
        Object account = commit.account() == null ? Map.of() : access.account(commit.account());
        json.put("author", account);
        json.put("committer", account);
        json.put("parents", parents(baseUrl, repository, commit));
        return json;
    }

    /** An item of {@code GET /repos/{owner}/{repo}/branches} ({@code short-branch}). */
    static Map<String, Object> shortBranch(String baseUrl, SandboxRepository repository, String branch, String sha) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", branch);
        json.put("commit", Map.of("sha", sha, "url", api(baseUrl, repository) + "/commits/" + sha));
        json.put("protected", false);
        return json;
    }

    /** {@code GET /repos/{owner}/{repo}/branches/{branch}} ({@code branch-with-protection}); branches are never protected. */
    static Map<String, Object> branch(String baseUrl, SandboxRepository repository, String branch, GitStore.Commit commit,
                                      RepositoryAccess access) {
        String self = api(baseUrl, repository) + "/branches/" + ResourceRouter.encodePath(branch);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", branch);
        json.put("commit", commit(baseUrl, repository, commit, access));
        json.put("_links", Map.of("self", self, "html", html(baseUrl, repository) + "/tree/" + ResourceRouter.encodePath(branch)));
        json.put("protected", false);
        Map<String, Object> checks = new LinkedHashMap<>();
        checks.put("enforcement_level", "off");
        checks.put("contexts", List.of());
        checks.put("checks", List.of());
        Map<String, Object> protection = new LinkedHashMap<>();
        protection.put("enabled", false);
        protection.put("required_status_checks", checks);
        json.put("protection", protection);
        json.put("protection_url", self + "/protection");
        return json;
    }

    /** {@code content-file}, with the content base64-encoded in lines of 60 characters as GitHub sends it. */
    static Map<String, Object> contentFile(String baseUrl, SandboxRepository repository, String ref, String path, GitStore.Blob blob) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name(path));
        json.put("path", path);
        json.put("sha", blob.sha());
        json.put("size", blob.size());
        links(json, baseUrl, repository, ref, path, blob.sha(), "file");
        json.put("type", "file");
        json.put("content", wrap(Base64.getEncoder().encodeToString(blob.content())));
        json.put("encoding", "base64");
        return json;
    }

    /** One item of {@code content-directory}: a file or a directory. */
    static Map<String, Object> directoryEntry(String baseUrl, SandboxRepository repository, String ref, String path,
                                              GitStore.@Nullable Blob blob) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name(path));
        json.put("path", path);
        json.put("sha", blob == null ? treeSha(path) : blob.sha());
        json.put("size", blob == null ? 0 : blob.size());
        links(json, baseUrl, repository, ref, path, blob == null ? treeSha(path) : blob.sha(), blob == null ? "dir" : "file");
        json.put("type", blob == null ? "dir" : "file");
        return json;
    }

    /** {@code file-commit}: the written file and the commit. */
    static Map<String, Object> fileCommit(String baseUrl, SandboxRepository repository, String branch, String path,
                                          GitStore.FileWrite write) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("name", name(path));
        content.put("path", path);
        content.put("sha", write.blob().sha());
        content.put("size", write.blob().size());
        links(content, baseUrl, repository, branch, path, write.blob().sha(), "file");
        content.put("type", "file");
        GitStore.Commit commit = write.commit();
        String api = api(baseUrl, repository);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("sha", commit.sha());
        c.put("node_id", nodeId(repository, commit));
        c.put("url", api + "/git/commits/" + commit.sha());
        c.put("html_url", html(baseUrl, repository) + "/commit/" + commit.sha());
        c.put("author", person(commit.author()));
        c.put("committer", person(commit.committer()));
        c.put("message", commit.message());
        c.put("tree", Map.of("url", api + "/git/trees/" + commit.treeSha(), "sha", commit.treeSha()));
        c.put("parents", parents(baseUrl, repository, commit));
        c.put("verification", unsigned());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("content", content);
        json.put("commit", c);
        return json;
    }

    static Map<String, Object> person(GitStore.Person person) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", person.name());
        json.put("email", person.email());
        json.put("date", time(person.date()));
        return json;
    }

    private static List<Map<String, Object>> parents(String baseUrl, SandboxRepository repository, GitStore.Commit commit) {
        List<Map<String, Object>> parents = new ArrayList<>();
        for (String parent : commit.parents()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("sha", parent);
            p.put("url", api(baseUrl, repository) + "/commits/" + parent);
            p.put("html_url", html(baseUrl, repository) + "/commit/" + parent);
            parents.add(p);
        }
        return parents;
    }

    private static void links(Map<String, Object> json, String baseUrl, SandboxRepository repository, String ref, String path,
                              String sha, String type) {
        String api = api(baseUrl, repository);
        String encoded = ResourceRouter.encodePath(path);
        String self = api + "/contents/" + encoded + "?ref=" + FormCodec.encodeComponent(ref);
        String git = api + (type.equals("dir") ? "/git/trees/" : "/git/blobs/") + sha;
        String html = html(baseUrl, repository) + (type.equals("dir") ? "/tree/" : "/blob/") + ResourceRouter.encodePath(ref)
                + "/" + encoded;
        json.put("url", self);
        json.put("html_url", html);
        json.put("git_url", git);
        json.put("download_url", type.equals("dir") ? null
                : html(baseUrl, repository) + "/raw/" + ResourceRouter.encodePath(ref) + "/" + encoded);
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", self);
        links.put("git", git);
        links.put("html", html);
        json.put("_links", links);
    }

    private static Map<String, Object> unsigned() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("verified", false);
        json.put("reason", "unsigned");
        json.put("signature", null);
        json.put("payload", null);
        json.put("verified_at", null);
        return json;
    }

    private static String nodeId(SandboxRepository repository, GitStore.Commit commit) {
        return Base64.getEncoder().encodeToString(("06:Commit" + repository.id() + ":" + commit.sha()).getBytes(StandardCharsets.UTF_8));
    }

    private static String name(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    private static String treeSha(String path) {
        return GitStore.blob(("tree:" + path).getBytes(StandardCharsets.UTF_8)).sha();
    }

    private static String wrap(String base64) {
        StringBuilder out = new StringBuilder(base64.length() + base64.length() / 60 + 1);
        for (int i = 0; i < base64.length(); i += 60) {
            out.append(base64, i, Math.min(base64.length(), i + 60)).append('\n');
        }
        return out.toString();
    }
}
