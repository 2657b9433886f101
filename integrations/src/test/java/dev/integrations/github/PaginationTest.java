package dev.integrations.github;

import dev.integrations.github.client.GithubClients;
import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.RecordedRequest;
import dev.integrations.github.sandbox.SandboxResponse;
import dev.integrations.github.sandbox.SandboxUser;
import dev.integrations.http.HttpTransport;
import dev.integrations.http.TransportException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Pagination follows Link headers lazily, with per_page and a cap")
class PaginationTest {
    @RegisterExtension
    final GithubSandboxExtension github = new GithubSandboxExtension();

    private static final HttpTransport TRANSPORT = HttpTransport.create();

    private GithubSandbox sandbox;
    private GithubClient client;
    private List<String> expectedNames;

    @BeforeEach
    void twelveRepositories() {
        sandbox = github.sandbox();
        SandboxUser user = sandbox.registerUser("pager");
        for (int i = 1; i <= 9; i++) {
            sandbox.createRepository(user, String.format("repo-%02d", i));
        }
        client = GithubClients.create(GithubSettings.builder().baseUrl(sandbox.apiUrl())
                .token(sandbox.issueToken(user, "repo")).build(), TRANSPORT);
        expectedNames = sandbox.repositories(user).stream().map(r -> r.name())
                .sorted(String.CASE_INSENSITIVE_ORDER).toList();
        assertThat(expectedNames).hasSize(12);
    }

    private List<RecordedRequest> listRequests() {
        return sandbox.requests("/user/repos");
    }

    @Test
    @DisplayName("12 repositories at per_page=2 are 6 pages, each fetched only when iteration reaches it")
    void walksSixPagesOnDemand() {
        Pages<JsonNode> pages = client.rawPages("/user/repos").perPage(2);
        Iterator<JsonNode> items = pages.iterator();
        assertThat(listRequests()).as("creating pages and an iterator sends nothing").isEmpty();

        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            assertThat(items.hasNext()).isTrue();
            names.add(items.next().get("name").asText());
            assertThat(listRequests()).as("after item %d", i + 1).hasSize(i / 2 + 1);
        }
        assertThat(items.hasNext()).isFalse();

        assertThat(names).containsExactlyElementsOf(expectedNames);
        assertThat(listRequests()).hasSize(6);
        assertThat(listRequests()).extracting(RecordedRequest::query).containsExactly("per_page=2",
                "per_page=2&page=2", "per_page=2&page=3", "per_page=2&page=4", "per_page=2&page=5", "per_page=2&page=6");
    }

    @Test
    @DisplayName("a stream is lazy too: limit(3) at per_page=2 reads two pages")
    void streamIsLazy() {
        List<String> first = client.rawPages("/user/repos").perPage(2).stream().limit(3)
                .map(r -> r.get("name").asText()).toList();

        assertThat(first).containsExactlyElementsOf(expectedNames.subList(0, 3));
        assertThat(listRequests()).hasSize(2);
    }

    @Test
    @DisplayName("the cap stops fetching at the page that holds the last wanted item")
    void capStopsFetching() {
        List<JsonNode> five = client.rawPages("/user/repos").perPage(2).maxItems(5).toList();

        assertThat(five).hasSize(5);
        assertThat(listRequests()).hasSize(3);
    }

    @Test
    @DisplayName("per_page defaults to 100, and shrinks to a smaller cap")
    void perPageDefaultsToTheMaximum() {
        assertThat(client.rawPages("/user/repos").toList()).hasSize(12);
        assertThat(client.rawPages("/user/repos").maxItems(3).toList()).hasSize(3);

        assertThat(listRequests()).extracting(RecordedRequest::query).containsExactly("per_page=100", "per_page=3");
        assertThatThrownBy(() -> client.rawPages("/user/repos").perPage(101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.rawPages(r -> r.method("POST").path("/user/repos")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("pages expose their items, number and links; the page stream ends at the last page")
    void pagesExposeTheirLinks() {
        Pages<String> names = client.paginate(GithubRequest.builder().path("/user/repos").build(),
                r -> r.get("full_name").asText()).perPage(5);

        Page<String> first = names.firstPage();
        assertThat(listRequests()).hasSize(1);
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.items()).hasSize(5).allMatch(n -> n.startsWith("pager/"));
        assertThat(first.hasNext()).isTrue();
        assertThat(first.lastUrl()).hasValueSatisfying(u -> assertThat(u.getQuery()).isEqualTo("per_page=5&page=3"));
        assertThat(first.prevUrl()).isEmpty();

        List<Page<String>> all = names.pages().toList();
        assertThat(all).extracting(p -> p.items().size()).containsExactly(5, 5, 2);
        Page<String> last = all.get(2);
        assertThat(last.hasNext()).isFalse();
        assertThat(last.prevUrl()).isPresent();
        assertThat(last.response().status()).isEqualTo(200);
    }

    @Test
    @DisplayName("a next link to another host is refused, and that host is never contacted")
    void linkToAnotherHostIsRefused() {
        try (GithubSandbox elsewhere = GithubSandbox.start()) {
            sandbox.enqueueResponse("/user/repos", SandboxResponse.json(200, "[{\"id\":1}]")
                    .withHeader("Link", "<" + elsewhere.apiUrl() + "/user/repos?page=2>; rel=\"next\""));

            Iterator<JsonNode> items = client.rawPages("/user/repos").iterator();
            assertThat(items.next().get("id").asInt()).isEqualTo(1);
            assertThatThrownBy(items::hasNext).isInstanceOf(TransportException.class)
                    .hasMessageContaining("refusing to follow").hasMessageContaining(elsewhere.apiUrl().getAuthority());

            assertThat(elsewhere.requests()).isEmpty();
        }
    }

    @Test
    @DisplayName("wrapped lists are unwrapped, and a 204 is an empty list")
    void wrappedListsAndEmptyResponses() {
        sandbox.enqueueResponse("/installation/repositories", SandboxResponse.json(200,
                "{\"total_count\":2,\"repository_selection\":\"all\",\"repositories\":[{\"id\":1},{\"id\":2}]}"));
        sandbox.enqueueResponse("/user/blocks", SandboxResponse.of(204, null, ""));

        assertThat(client.rawPages("/installation/repositories").toList()).extracting(n -> n.get("id").asInt())
                .containsExactly(1, 2);
        assertThat(client.rawPages("/user/blocks").toList()).isEmpty();
    }

    @Test
    @DisplayName("other query parameters go with the first request and carry over through the links")
    void queryCarriesOver() {
        Map<String, String> fullNames = client.rawPages(r -> r.path("/user/repos").query("sort", "full_name")
                        .query("direction", "desc")).perPage(4).stream()
                .collect(Collectors.toMap(r -> r.get("name").asText(), r -> r.get("full_name").asText()));

        assertThat(fullNames).hasSize(12);
        assertThat(listRequests()).extracting(RecordedRequest::query).allMatch(q -> q.contains("direction=desc"));
    }

    @Test
    @DisplayName("defect 8: a Link cycle (A -> B -> A) stops paging after each page was read once")
    void defect8_linkHeaderCycleStopsPaging() {
        String a = sandbox.apiUrl() + "/cycle/a?per_page=100";
        String b = sandbox.apiUrl() + "/cycle/b?page=2";
        for (int i = 0; i < 3; i++) {
            sandbox.enqueueResponse("/cycle/a", SandboxResponse.json(200, "[{\"id\":1}]")
                    .withHeader("Link", "<" + b + ">; rel=\"next\""));
            sandbox.enqueueResponse("/cycle/b", SandboxResponse.json(200, "[{\"id\":2}]")
                    .withHeader("Link", "<" + a + ">; rel=\"next\", <" + a + ">; rel=\"first\""));
        }

        List<Integer> ids = client.rawPages("/cycle/a").stream().map(n -> n.get("id").asInt()).toList();

        assertThat(ids).containsExactly(1, 2);
        assertThat(sandbox.requests("/cycle/a")).hasSize(1);
        assertThat(sandbox.requests("/cycle/b")).hasSize(1);
    }

    @Test
    @DisplayName("defect 8: a list with ever new next links is bounded by maxPages and throws a typed exception")
    void defect8_pageCountIsBounded() {
        for (int page = 1; page <= 6; page++) {
            sandbox.enqueueResponse("/endless", SandboxResponse.json(200, "[{\"id\":" + page + "}]")
                    .withHeader("Link", "<" + sandbox.apiUrl() + "/endless?page=" + (page + 1) + ">; rel=\"next\""));
        }
        Pages<JsonNode> pages = client.rawPages("/endless").maxPages(3);
        Iterator<JsonNode> items = pages.iterator();
        for (int i = 0; i < 3; i++) {
            assertThat(items.next().get("id").asInt()).isEqualTo(i + 1);
        }

        assertThatThrownBy(items::hasNext).isInstanceOf(TooManyPagesException.class)
                .isInstanceOf(dev.integrations.core.IntegrationsException.class)
                .hasMessageContaining("more than 3 pages").hasMessageContaining("maxItems");
        assertThat(sandbox.requests("/endless")).hasSize(3);
        assertThat(Pages.DEFAULT_MAX_PAGES).isEqualTo(10_000);
        assertThatThrownBy(() -> pages.maxPages(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
