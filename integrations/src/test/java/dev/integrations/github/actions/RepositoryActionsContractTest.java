package dev.integrations.github.actions;

import dev.integrations.github.ListResult;
import dev.integrations.github.model.Repository;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The repository actions against GitHub's OpenAPI description. */
class RepositoryActionsContractTest extends ContractTestSupport {

    @Test
    void listRepositoriesOfTheAuthenticatedUser() {
        ListResult<Repository> repos = github.listRepositories();

        SpecStub.Exchange request = assertRequest("repos/list-for-authenticated-user");
        assertThat(request.path()).isEqualTo("/user/repos");
        assertThat(request.query()).as("GitHub's largest page, to spend fewer requests").containsEntry("per_page", "100");
        Repository first = repos.items().get(0);
        assertThat(first.id()).isEqualTo(1296269L);
        assertThat(first.name()).isEqualTo("Hello-World");
        assertThat(first.fullName()).isEqualTo("octocat/Hello-World");
        assertThat(first.ownerLogin()).isEqualTo("octocat");
        assertThat(first.defaultBranch()).isEqualTo("master");
        assertThat(first.isPrivate()).isFalse();
        assertThat(repos.hasNextPage()).isFalse();
        assertThat(repos.raw().isArray()).isTrue();
    }

    @Test
    void listRepositoriesWithFiltersSendsDocumentedQueryParameters() {
        github.listRepositories(r -> r.visibility(RepositoryVisibility.PRIVATE).affiliation("owner,collaborator")
                .sort(RepositorySort.PUSHED).direction(SortDirection.ASC).perPage(50).page(2));

        SpecStub.Exchange request = assertRequest("repos/list-for-authenticated-user");
        assertThat(request.query()).containsEntry("visibility", "private").containsEntry("affiliation", "owner,collaborator")
                .containsEntry("sort", "pushed").containsEntry("direction", "asc").containsEntry("per_page", "50")
                .containsEntry("page", "2");
    }

    @Test
    void listRepositoriesOfAUser() {
        ListResult<Repository> repos = github.listRepositories(r -> r.username("octo-cat").type("member").sort(RepositorySort.FULL_NAME));

        SpecStub.Exchange request = assertRequest("repos/list-for-user");
        assertThat(request.path()).isEqualTo("/users/octo-cat/repos");
        assertThat(request.query()).containsEntry("type", "member").containsEntry("sort", "full_name");
        assertThat(repos.items()).extracting(Repository::fullName).containsExactly("octocat/Hello-World");
    }

    @Test
    void listRepositoriesOfAnOrganization() {
        ListResult<Repository> repos = github.listRepositories(r -> r.org("github").type("sources"));

        SpecStub.Exchange request = assertRequest("repos/list-for-org");
        assertThat(request.path()).isEqualTo("/orgs/github/repos");
        assertThat(repos.size()).isEqualTo(1);
    }

    @Test
    void listRepositoriesOffersTheFollowingPagesLazily() {
        ListResult<Repository> repos = github.listRepositories(r -> r.perPage(1));
        assertRequests("repos/list-for-authenticated-user");

        assertThat(repos.pages().maxItems(5).toList()).extracting(Repository::name).containsExactly("Hello-World");
        assertRequests("repos/list-for-authenticated-user", "repos/list-for-authenticated-user");
    }

    @Test
    void listRepositoriesRefusesContradictoryFiltersBeforeSending() {
        assertThatThrownBy(() -> github.listRepositories(r -> r.username("a").org("b")))
                .isInstanceOf(InvalidActionArgumentsException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> github.listRepositories(r -> r.org("github").visibility(RepositoryVisibility.ALL)))
                .isInstanceOf(InvalidActionArgumentsException.class).hasMessageContaining("visibility");
        assertThatThrownBy(() -> github.listRepositories(r -> r.type("owner").affiliation("owner")))
                .isInstanceOf(InvalidActionArgumentsException.class).hasMessageContaining("422");
        assertThatThrownBy(() -> github.listRepositories(r -> r.org("github").type("owner")))
                .isInstanceOf(InvalidActionArgumentsException.class).hasMessageContaining("forks");
        assertThatThrownBy(() -> github.listRepositories(r -> r.perPage(101)))
                .isInstanceOf(InvalidActionArgumentsException.class).hasMessageContaining("between 1 and 100");
        assertNothingSent();
    }

    @Test
    void findRepository() {
        Optional<Repository> repo = github.findRepository(r -> r.owner("octocat").repo("Hello-World"));

        SpecStub.Exchange request = assertRequest("repos/get");
        assertThat(request.path()).isEqualTo("/repos/octocat/Hello-World");
        assertThat(repo).get().satisfies(r -> {
            assertThat(r.fullName()).isEqualTo("octocat/Hello-World");
            assertThat(r.visibility()).isEqualTo("public");
            assertThat(r.createdAt()).isEqualTo(Instant.parse("2011-01-26T19:01:12Z"));
            assertThat(r.raw().path("owner").path("login").asText()).isEqualTo("octocat");
        });
    }

    @Test
    void findRepositoryIsEmptyOn404() {
        stub.answer("repos/get", 404);

        assertThat(github.findRepository(r -> r.owner("octocat").repo("missing"))).isEmpty();
        assertRequest("repos/get");
    }

    @Test
    void pathParametersAreEncodedAsOneSegment() {
        stub.answer("repos/get", 404);

        github.findRepository(r -> r.owner("octo cat").repo("a/b"));

        assertThat(assertRequest("repos/get").path()).isEqualTo("/repos/octo%20cat/a%2Fb");
    }

    @Test
    void createRepositoryForTheAuthenticatedUser() {
        Repository repo = github.createRepository(r -> r.name("Hello-World").description("This is your first repo!")
                .homepage("https://github.com").isPrivate(false).autoInit(true).gitignoreTemplate("Java")
                .licenseTemplate("mit").isTemplate(false).hasIssues(true).hasProjects(false).hasWiki(false));

        SpecStub.Exchange request = assertRequest("repos/create-for-authenticated-user");
        assertThat(request.json().path("name").asText()).isEqualTo("Hello-World");
        assertThat(request.json().path("private").asBoolean(true)).isFalse();
        assertThat(request.json().path("auto_init").asBoolean()).isTrue();
        assertThat(request.json().has("org")).as("org is a path parameter, not a body field").isFalse();
        assertThat(repo.id()).isEqualTo(1296269L);
        assertThat(repo.fullName()).isEqualTo("octocat/Hello-World");
        assertThat(repo.isTemplate()).isFalse();
    }

    @Test
    void createRepositoryInAnOrganization() {
        Repository repo = github.createRepository(r -> r.org("github").name("Hello-World").isPrivate(true));

        SpecStub.Exchange request = assertRequest("repos/create-in-org");
        assertThat(request.path()).isEqualTo("/orgs/github/repos");
        assertThat(request.json().path("private").asBoolean()).isTrue();
        assertThat(repo.name()).isEqualTo("Hello-World");
    }

    @Test
    void createRepositoryFromTemplate() {
        Repository repo = github.createRepositoryFromTemplate(r -> r.templateOwner("octocat").templateRepo("template")
                .owner("octo-org").name("Hello-World").description("From a template").includeAllBranches(false)
                .isPrivate(false));

        SpecStub.Exchange request = assertRequest("repos/create-using-template");
        assertThat(request.path()).isEqualTo("/repos/octocat/template/generate");
        assertThat(request.json().path("owner").asText()).isEqualTo("octo-org");
        assertThat(repo.fullName()).isEqualTo("octocat/Hello-World");
    }
}
