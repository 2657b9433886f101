package dev.integrations.github.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /user/repos}, {@code GET /repos/{owner}/{repo}} and {@code GET /repositories/{id}}
 * over HTTP: pagination with {@code Link} headers (https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api), ETags and 304s that do not
 * count against the rate limit, and 301s for renamed repositories (https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api).
 */
class RepositoriesEndpointTest {

    private GithubSandbox sandbox;
    private String token;

    @BeforeEach
    void start() {
        sandbox = GithubSandbox.builder().clock(SandboxClock.frozenAt(Instant.parse("2026-01-01T00:00:00Z"))).build();
        token = sandbox.issueToken(sandbox.defaultUser(), "repo");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void everyUserStartsWithTheSeededRepositoriesSortedByFullName() {
        HttpResponse<String> response = get("/user/repos", token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(names(TestHttp.json(response))).containsExactly("Hello-World", "notes", "Spoon-Knife");
        assertThat(sandbox.repositories(sandbox.defaultUser())).extracting(SandboxRepository::name)
                .containsExactlyElementsOf(GithubSandbox.SEEDED_REPOSITORIES);
        assertThat(response.headers().firstValue("Link")).as("one page needs no links").isEmpty();
    }

    @Test
    void privateRepositoriesNeedTheRepoScope() {
        String withoutRepo = sandbox.issueToken(sandbox.defaultUser(), "read:user");

        assertThat(names(TestHttp.json(get("/user/repos", withoutRepo)))).containsExactly("Hello-World", "Spoon-Knife");
        assertThat(get("/repos/octocat/notes", withoutRepo).statusCode()).isEqualTo(404);
        assertThat(get("/repos/octocat/notes", token).statusCode()).isEqualTo(200);
    }

    @Test
    void pagesCarryGithubStyleLinkHeadersThatPreserveTheQuery() {
        SandboxUser user = sandbox.registerUser("pager");
        for (int i = 1; i <= 9; i++) {
            sandbox.createRepository(user, String.format("repo-%02d", i));
        }
        String userToken = sandbox.issueToken(user, "repo");

        HttpResponse<String> first = get("/user/repos?per_page=2", userToken);
        assertThat(first.headers().firstValue("Link")).hasValue(
                "<" + sandbox.apiUrl() + "/user/repos?per_page=2&page=2>; rel=\"next\", "
                        + "<" + sandbox.apiUrl() + "/user/repos?per_page=2&page=6>; rel=\"last\"");

        HttpResponse<String> middle = get("/user/repos?per_page=2&page=3", userToken);
        assertThat(middle.headers().firstValue("Link")).hasValue(
                "<" + sandbox.apiUrl() + "/user/repos?per_page=2&page=2>; rel=\"prev\", "
                        + "<" + sandbox.apiUrl() + "/user/repos?per_page=2&page=4>; rel=\"next\", "
                        + "<" + sandbox.apiUrl() + "/user/repos?per_page=2&page=6>; rel=\"last\", "
                        + "<" + sandbox.apiUrl() + "/user/repos?per_page=2&page=1>; rel=\"first\"");

        List<String> all = new ArrayList<>();
        URI next = sandbox.apiUrl().resolve("/user/repos?per_page=2");
        int pages = 0;
        while (next != null) {
            HttpResponse<String> page = TestHttp.get(next, "Authorization", "Bearer " + userToken);
            assertThat(page.statusCode()).isEqualTo(200);
            all.addAll(names(TestHttp.json(page)));
            pages++;
            next = nextLink(page).orElse(null);
        }
        assertThat(pages).isEqualTo(6);
        assertThat(all).hasSize(12).doesNotHaveDuplicates();
        assertThat(get("/user/repos?per_page=2&page=6", userToken).headers().firstValue("Link").orElseThrow())
                .contains("rel=\"prev\"", "rel=\"first\"").doesNotContain("rel=\"next\"", "rel=\"last\"");
    }

    @Test
    void perPageIsClampedToOneHundred() {
        SandboxUser user = sandbox.registerUser("hoarder");
        for (int i = 0; i < 100; i++) {
            sandbox.createRepository(user, "r" + i);
        }

        HttpResponse<String> response = get("/user/repos?per_page=500", sandbox.issueToken(user, "repo"));

        assertThat(TestHttp.json(response).size()).isEqualTo(100);
        assertThat(response.headers().firstValue("Link").orElseThrow()).contains("page=2>; rel=\"next\"");
    }

    @Test
    void sortAndDirectionFollowTheDocumentedDefaults() {
        SandboxUser user = sandbox.registerUser("sorter");
        sandbox.createRepository(user, "aaa");
        String userToken = sandbox.issueToken(user, "repo");

        assertThat(names(TestHttp.json(get("/user/repos?direction=desc", userToken))))
                .containsExactly("Spoon-Knife", "notes", "Hello-World", "aaa");
        assertThat(names(TestHttp.json(get("/user/repos?sort=created", userToken))).get(0)).isEqualTo("aaa");
        assertThat(names(TestHttp.json(get("/user/repos?visibility=private", userToken)))).containsExactly("notes");
    }

    @Test
    void aMatchingIfNoneMatchGetsA304ThatDoesNotCountAgainstTheRateLimit() {
        for (String path : List.of("/user", "/user/repos", "/repos/octocat/Hello-World")) {
            HttpResponse<String> first = get(path, token);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            int remaining = remaining(first);

            HttpResponse<String> revalidated = get(path, token, "If-None-Match", etag);

            assertThat(revalidated.statusCode()).as(path).isEqualTo(304);
            assertThat(revalidated.body()).isEmpty();
            assertThat(revalidated.headers().firstValue("ETag")).hasValue(etag);
            assertThat(remaining(revalidated)).as("a 304 is free").isEqualTo(remaining);
            assertThat(remaining(get(path, token))).as("a 200 is not").isEqualTo(remaining - 1);
        }
    }

    @Test
    void aChangedListGetsANewEtagAndAFullResponse() {
        HttpResponse<String> first = get("/user/repos", token);
        sandbox.createRepository(sandbox.defaultUser(), "brand-new");

        HttpResponse<String> again = get("/user/repos", token, "If-None-Match", first.headers().firstValue("ETag").orElseThrow());

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("ETag")).isNotEqualTo(first.headers().firstValue("ETag"));
        assertThat(names(TestHttp.json(again))).contains("brand-new");
    }

    @Test
    void anotherUsersPublicRepositoryIsReadableButNotWritable() {
        SandboxUser other = sandbox.registerUser("hubot");
        sandbox.createRepository(other, "secret", null, true);

        HttpResponse<String> shared = get("/repos/hubot/Hello-World", token);
        assertThat(shared.statusCode()).isEqualTo(200);
        JsonNode body = TestHttp.json(shared);
        assertThat(body.path("full_name").asText()).isEqualTo("hubot/Hello-World");
        assertThat(body.path("permissions").path("pull").asBoolean()).isTrue();
        assertThat(body.path("permissions").path("admin").asBoolean()).isFalse();

        HttpResponse<String> hidden = get("/repos/hubot/secret", token);
        assertThat(hidden.statusCode()).as("private and not ours: 404, not 403").isEqualTo(404);
        assertThat(TestHttp.json(hidden).path("message").asText()).isEqualTo("Not Found");
    }

    @Test
    void aRenamedRepositoryAnswers301ToItsIdAndTheIdServesIt() {
        SandboxRepository original = sandbox.repositories(sandbox.defaultUser()).get(0);
        SandboxRepository renamed = sandbox.renameRepository(original, "Hello-Universe");

        HttpResponse<String> moved = get("/repos/octocat/Hello-World", token);

        assertThat(moved.statusCode()).isEqualTo(301);
        String location = sandbox.apiUrl() + "/repositories/" + original.id();
        assertThat(moved.headers().firstValue("Location")).hasValue(location);
        assertThat(TestHttp.json(moved).path("message").asText()).isEqualTo("Moved Permanently");
        assertThat(TestHttp.json(moved).path("url").asText()).isEqualTo(location);

        HttpResponse<String> target = TestHttp.get(URI.create(location), "Authorization", "Bearer " + token);
        assertThat(target.statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(target).path("name").asText()).isEqualTo("Hello-Universe");
        assertThat(TestHttp.json(target).path("id").asLong()).isEqualTo(renamed.id());
        assertThat(get("/repos/octocat/Hello-Universe", token).statusCode()).isEqualTo(200);
    }

    @Test
    void otherRepositoryPathsAndMethodsAreNotFound() {
        assertThat(get("/repos/octocat/Hello-World/releases", token).statusCode()).isEqualTo(404);
        assertThat(get("/repos/nobody/Hello-World", token).statusCode()).isEqualTo(404);
        assertThat(get("/repositories/999", token).statusCode()).isEqualTo(404);
        assertThat(TestHttp.postJson(sandbox.apiUrl().resolve("/repos/octocat/Hello-World"), "{\"name\":\"x\"}",
                "Authorization", "Bearer " + token).statusCode()).isEqualTo(404);
        assertThat(get("/user/repos", null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String pathAndQuery, String bearer, String... headers) {
        List<String> all = new ArrayList<>(List.of(headers));
        if (bearer != null) {
            all.add("Authorization");
            all.add("Bearer " + bearer);
        }
        return TestHttp.get(sandbox.apiUrl().resolve(pathAndQuery), all.toArray(String[]::new));
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(repo -> names.add(repo.path("name").asText()));
        return names;
    }

    private static int remaining(HttpResponse<String> response) {
        return Integer.parseInt(response.headers().firstValue("x-ratelimit-remaining").orElseThrow());
    }

    private static Optional<URI> nextLink(HttpResponse<String> response) {
        String link = response.headers().firstValue("Link").orElse("");
        for (String part : link.split(",")) {
            if (part.contains("rel=\"next\"")) {
                return Optional.of(URI.create(part.substring(part.indexOf('<') + 1, part.indexOf('>'))));
            }
        }
        return Optional.empty();
    }
}
