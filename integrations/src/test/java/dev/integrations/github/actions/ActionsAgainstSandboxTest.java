package dev.integrations.github.actions;

import dev.integrations.github.catalog.GithubActions;

import dev.integrations.github.client.GithubClients;
import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.github.GithubClient;
import dev.integrations.github.GithubSettings;
import dev.integrations.github.RateLimitSnapshot;
import dev.integrations.github.model.Branch;
import dev.integrations.github.model.Codespace;
import dev.integrations.github.model.CreatedPullRequest;
import dev.integrations.github.model.FileCommit;
import dev.integrations.github.model.FindOrCreateResult;
import dev.integrations.github.model.Gist;
import dev.integrations.github.model.GitReference;
import dev.integrations.github.model.GithubUser;
import dev.integrations.github.model.Issue;
import dev.integrations.github.model.IssueComment;
import dev.integrations.github.model.Label;
import dev.integrations.github.ListResult;
import dev.integrations.github.model.OrganizationMembership;
import dev.integrations.github.model.ProfileStatus;
import dev.integrations.github.model.PullRequest;
import dev.integrations.github.model.PullRequestReview;
import dev.integrations.github.model.Repository;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.RecordedRequest;
import dev.integrations.github.sandbox.SandboxOrganization;
import dev.integrations.github.sandbox.SandboxRepository;
import dev.integrations.github.sandbox.SandboxUser;
import dev.integrations.http.HttpTransport;
import dev.integrations.http.NotFoundException;
import dev.integrations.http.ValidationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every one of the 32 GitHub actions, called through a {@link GithubClient} (so through the
 * traffic chain: pagination, rate-limit tracking, conditional cache, redirects) against the
 * stateful sandbox, with the state change each makes checked afterwards: what one action writes,
 * another (or the sandbox itself) reads back.
 */
@DisplayName("The 32 GitHub actions against the stateful sandbox")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ActionsAgainstSandboxTest {
    private static final HttpTransport TRANSPORT = HttpTransport.create();
    /** Actions that completed with their state change checked; compared with the catalog at the end. */
    private static final Set<String> COVERED = ConcurrentHashMap.newKeySet();

    private static GithubSandbox sandbox;
    private static SandboxUser dev;
    private static SandboxUser reviewer;
    private static GithubClient github;
    private static GithubClient reviewerGithub;

    @BeforeAll
    static void start() {
        sandbox = GithubSandbox.start();
        dev = sandbox.registerUser("dev", "Dev Eloper", "dev@example.com");
        reviewer = sandbox.registerUser("reviewer");
        github = provider(sandbox.issueToken(dev, "repo", "gist", "codespace", "user", "read:org"));
        reviewerGithub = provider(sandbox.issueToken(reviewer, "public_repo"));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static GithubClient provider(String token) {
        return GithubClients.create(GithubSettings.builder().baseUrl(sandbox.apiUrl()).token(token).build(), TRANSPORT);
    }

    private static SandboxRepository repository(SandboxUser owner, String name) {
        return sandbox.repositories(owner).stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    @Order(1)
    @DisplayName("repositories: create (private, template, in an organization), find, list, create from a template")
    void repositories() {
        Repository created = github.createRepository(r -> r.name("sdk-repo").description("Made by the SDK").isPrivate(true)
                .autoInit(true).homepage("https://example.com"));
        assertThat(created.fullName()).isEqualTo("dev/sdk-repo");
        assertThat(created.isPrivate()).isTrue();

        Repository found = github.findRepository(r -> r.owner("dev").repo("sdk-repo")).orElseThrow();
        assertThat(found.id()).isEqualTo(created.id());
        assertThat(found.description()).isEqualTo("Made by the SDK");
        assertThat(reviewerGithub.findRepository(r -> r.owner("dev").repo("sdk-repo"))).as("private to others").isEmpty();
        assertThat(github.findRepository(r -> r.owner("dev").repo("no-such-repo"))).isEmpty();
        assertThat(github.findBranch(r -> r.owner("dev").repo("sdk-repo").branch("main"))).as("auto_init").isPresent();

        assertThat(github.listRepositories().items()).extracting(Repository::name).contains("sdk-repo", "Hello-World");
        assertThat(reviewerGithub.listRepositories(r -> r.username("dev")).items()).extracting(Repository::name)
                .contains("Hello-World").doesNotContain("sdk-repo");

        Repository template = github.createRepository(r -> r.name("sdk-template").isTemplate(true).autoInit(true));
        assertThat(template.isTemplate()).isTrue();
        assertThat(github.findRepository(r -> r.owner("dev").repo("sdk-template")).orElseThrow().isTemplate())
                .as("is_template read back").isTrue();
        github.createOrUpdateFile(r -> r.owner("dev").repo("sdk-template").path("src/Main.java").message("code")
                .content("class Main {}"));
        Repository generated = github.createRepositoryFromTemplate(r -> r.templateOwner("dev").templateRepo("sdk-template")
                .name("from-template").description("Generated"));
        assertThat(generated.fullName()).isEqualTo("dev/from-template");
        assertThat(sandbox.fileContent(repository(dev, "from-template"), "main", "src/Main.java")).contains("class Main {}");
        assertThatThrownBy(() -> github.createRepositoryFromTemplate(r -> r.templateOwner("dev").templateRepo("sdk-repo")
                .name("not-from-a-template"))).isInstanceOf(ValidationException.class);

        SandboxOrganization org = sandbox.createOrganization("sdk-org");
        sandbox.addMember(org, dev);
        Repository orgRepo = github.createRepository(r -> r.org("sdk-org").name("team-repo"));
        assertThat(orgRepo.ownerLogin()).isEqualTo("sdk-org");
        assertThat(github.listRepositories(r -> r.org("sdk-org")).items()).extracting(Repository::name).contains("team-repo");

        assertThatThrownBy(() -> github.createRepository(r -> r.name("sdk-repo")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).isNotEmpty());
        COVERED.addAll(List.of("listRepositories", "findRepository", "createRepository", "createRepositoryFromTemplate"));
    }

    @Test
    @Order(2)
    @DisplayName("branches and files: create, find, write twice (create, then update with the sha), delete")
    void branchesAndFiles() {
        github.createRepository(r -> r.name("sdk-files").autoInit(true));
        String mainSha = github.findBranch(r -> r.owner("dev").repo("sdk-files").branch("main")).orElseThrow().commitSha();

        GitReference ref = github.createBranch(r -> r.owner("dev").repo("sdk-files").branch("feature/login"));
        assertThat(ref.ref()).isEqualTo("refs/heads/feature/login");
        assertThat(ref.objectSha()).isEqualTo(mainSha);
        Branch branch = github.findBranch(r -> r.owner("dev").repo("sdk-files").branch("feature/login")).orElseThrow();
        assertThat(branch.commitSha()).isEqualTo(mainSha);
        assertThatThrownBy(() -> github.createBranch(r -> r.owner("dev").repo("sdk-files").branch("feature/login")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.status()).isEqualTo(422));

        FileCommit created = github.createOrUpdateFile(r -> r.owner("dev").repo("sdk-files").path("docs/notes.md")
                .message("Add notes").content("first").branch("feature/login"));
        assertThat(created.path()).isEqualTo("docs/notes.md");
        assertThat(content("sdk-files", "docs/notes.md", "feature/login")).isEqualTo("first");
        assertThat(sandbox.fileContent(repository(dev, "sdk-files"), "main", "docs/notes.md")).as("other branch").isEmpty();

        FileCommit updated = github.createOrUpdateFile(r -> r.owner("dev").repo("sdk-files").path("docs/notes.md")
                .message("Update notes").content("second").sha(created.contentSha()).branch("feature/login"));
        assertThat(updated.contentSha()).isNotEqualTo(created.contentSha());
        assertThat(content("sdk-files", "docs/notes.md", "feature/login")).isEqualTo("second");
        assertThat(github.findBranch(r -> r.owner("dev").repo("sdk-files").branch("feature/login")).orElseThrow().commitSha())
                .isEqualTo(updated.commitSha());

        github.createOrUpdateFile(r -> r.owner("dev").repo("sdk-files").path("docs/notes.md").message("Third, sha looked up")
                .content("third").branch("feature/login"));
        assertThat(content("sdk-files", "docs/notes.md", "feature/login")).isEqualTo("third");
        assertThatThrownBy(() -> github.createOrUpdateFile(r -> r.owner("dev").repo("sdk-files").path("docs/notes.md")
                .message("stale").content("x").sha(created.contentSha()).branch("feature/login")))
                .satisfies(e -> assertThat(((dev.integrations.http.ApiException) e).status()).isEqualTo(409));

        GitReference fromFeature = github.createBranch(r -> r.owner("dev").repo("sdk-files").branch("hotfix")
                .fromBranch("feature/login"));
        assertThat(fromFeature.objectSha()).isEqualTo(github.findBranch(r -> r.owner("dev").repo("sdk-files")
                .branch("feature/login")).orElseThrow().commitSha());

        github.deleteBranch(r -> r.owner("dev").repo("sdk-files").branch("feature/login"));
        assertThat(github.findBranch(r -> r.owner("dev").repo("sdk-files").branch("feature/login"))).isEmpty();
        assertThat(sandbox.branches(repository(dev, "sdk-files"))).containsOnlyKeys("main", "hotfix");
        COVERED.addAll(List.of("createBranch", "deleteBranch", "findBranch", "createOrUpdateFile"));
    }

    @Test
    @Order(3)
    @DisplayName("issues: create, find, update, label, comment, find-or-create by exact title")
    void issues() {
        github.createRepository(r -> r.name("sdk-issues"));
        Issue issue = github.createIssue(r -> r.owner("dev").repo("sdk-issues").title("Login fails")
                .body("Steps to reproduce").labels(List.of("bug")).assignees(List.of("dev")));
        assertThat(issue.number()).isEqualTo(1);

        Issue found = github.findIssue(r -> r.owner("dev").repo("sdk-issues").issueNumber(issue.number())).orElseThrow();
        assertThat(found.title()).isEqualTo("Login fails");
        assertThat(found.labels()).containsExactly("bug");
        assertThat(found.assignees()).containsExactly("dev");
        assertThat(github.findIssue(r -> r.owner("dev").repo("sdk-issues").issueNumber(99))).isEmpty();

        ListResult<Label> labels = github.addLabelsToIssue(r -> r.owner("dev").repo("sdk-issues").issueNumber(issue.number())
                .labels(List.of("help wanted", "needs-triage")));
        assertThat(labels.items()).extracting(Label::name).containsExactly("bug", "help wanted", "needs-triage");
        assertThat(github.findIssue(r -> r.owner("dev").repo("sdk-issues").issueNumber(1)).orElseThrow().labels())
                .containsExactly("bug", "help wanted", "needs-triage");

        IssueComment comment = reviewerGithub.createComment(r -> r.owner("dev").repo("sdk-issues").issueNumber(1).body("Me too"));
        assertThat(comment.userLogin()).isEqualTo("reviewer");
        assertThat(github.findIssue(r -> r.owner("dev").repo("sdk-issues").issueNumber(1)).orElseThrow().comments()).isEqualTo(1);

        Issue closed = github.updateIssue(r -> r.owner("dev").repo("sdk-issues").issueNumber(1).state(IssueState.CLOSED)
                .stateReason(IssueStateReason.NOT_PLANNED).title("Login fails on Safari"));
        assertThat(closed.state()).isEqualTo("closed");
        assertThat(closed.stateReason()).isEqualTo("not_planned");
        Issue reread = github.findIssue(r -> r.owner("dev").repo("sdk-issues").issueNumber(1)).orElseThrow();
        assertThat(reread.title()).isEqualTo("Login fails on Safari");
        assertThat(reread.closedAt()).isNotNull();

        FindOrCreateResult<Issue> existing = github.findOrCreateIssue(r -> r.owner("dev").repo("sdk-issues")
                .title("Login fails on Safari"));
        assertThat(existing.created()).isFalse();
        assertThat(existing.value().number()).isEqualTo(1);
        FindOrCreateResult<Issue> fresh = github.findOrCreateIssue(r -> r.owner("dev").repo("sdk-issues").title("Login fails")
                .body("A shorter title is another issue"));
        assertThat(fresh.created()).as("'Login fails' only matches words of 'Login fails on Safari'").isTrue();
        assertThat(fresh.value().number()).isEqualTo(2);
        FindOrCreateResult<Issue> again = github.findOrCreateIssue(r -> r.owner("dev").repo("sdk-issues").title("Login fails"));
        assertThat(again.created()).isFalse();
        assertThat(again.value().number()).isEqualTo(2);
        COVERED.addAll(List.of("createIssue", "updateIssue", "addLabelsToIssue", "createComment", "findIssue",
                "findOrCreateIssue"));
    }

    @Test
    @Order(4)
    @DisplayName("pull requests: create, update, review, find, find-or-create by head and base, create and merge")
    void pullRequests() {
        github.createRepository(r -> r.name("sdk-pulls").autoInit(true));
        github.createBranch(r -> r.owner("dev").repo("sdk-pulls").branch("feature"));
        github.createOrUpdateFile(r -> r.owner("dev").repo("sdk-pulls").path("feature.txt").message("Feature")
                .content("feature\n").branch("feature"));

        CreatedPullRequest opened = github.createPullRequest(r -> r.owner("dev").repo("sdk-pulls").title("Add feature")
                .head("feature").base("main").body("Please review"));
        PullRequest pull = opened.pullRequest();
        assertThat(opened.mergeResult()).isEmpty();
        assertThat(pull.state()).isEqualTo("open");
        assertThat(pull.headRef()).isEqualTo("feature");

        PullRequest updated = github.updatePullRequest(r -> r.owner("dev").repo("sdk-pulls").pullNumber(pull.number())
                .title("Add the feature").body("Reviewed soon"));
        assertThat(updated.title()).isEqualTo("Add the feature");
        PullRequest found = github.findPullRequest(r -> r.owner("dev").repo("sdk-pulls").pullNumber(pull.number())).orElseThrow();
        assertThat(found.title()).isEqualTo("Add the feature");
        assertThat(found.body()).isEqualTo("Reviewed soon");
        assertThat(github.findPullRequest(r -> r.owner("dev").repo("sdk-pulls").pullNumber(42))).isEmpty();

        PullRequestReview review = reviewerGithub.submitReview(r -> r.owner("dev").repo("sdk-pulls").pullNumber(pull.number())
                .event(ReviewEvent.APPROVE).body("LGTM"));
        assertThat(review.state()).isEqualTo("APPROVED");
        assertThat(review.commitId()).isEqualTo(found.headSha());
        assertThatThrownBy(() -> github.submitReview(r -> r.owner("dev").repo("sdk-pulls").pullNumber(pull.number())
                .event(ReviewEvent.APPROVE))).as("authors cannot approve their own pull request")
                .isInstanceOf(ValidationException.class);

        FindOrCreateResult<PullRequest> existing = github.findOrCreatePullRequest(r -> r.owner("dev").repo("sdk-pulls")
                .head("feature").base("main").title("Would be a duplicate"));
        assertThat(existing.created()).isFalse();
        assertThat(existing.value().number()).isEqualTo(pull.number());

        github.createBranch(r -> r.owner("dev").repo("sdk-pulls").branch("second"));
        github.createOrUpdateFile(r -> r.owner("dev").repo("sdk-pulls").path("second.txt").message("Second")
                .content("second\n").branch("second"));
        FindOrCreateResult<PullRequest> created = github.findOrCreatePullRequest(r -> r.owner("dev").repo("sdk-pulls")
                .head("second").base("main").title("Second change"));
        assertThat(created.created()).isTrue();
        assertThat(github.findOrCreatePullRequest(r -> r.owner("dev").repo("sdk-pulls").head("dev:second").base("main")
                .title("Second change")).created()).isFalse();

        github.createBranch(r -> r.owner("dev").repo("sdk-pulls").branch("merge-me"));
        github.createOrUpdateFile(r -> r.owner("dev").repo("sdk-pulls").path("merged.txt").message("To merge")
                .content("merged\n").branch("merge-me"));
        CreatedPullRequest merged = github.createPullRequest(r -> r.owner("dev").repo("sdk-pulls").title("Merge me")
                .head("merge-me").base("main").merge(true).mergeMethod(MergeMethod.MERGE).commitTitle("Merge me, please"));
        assertThat(merged.mergeResult()).hasValueSatisfying(m -> assertThat(m.merged()).isTrue());
        PullRequest afterMerge = github.findPullRequest(r -> r.owner("dev").repo("sdk-pulls")
                .pullNumber(merged.pullRequest().number())).orElseThrow();
        assertThat(afterMerge.merged()).isTrue();
        assertThat(afterMerge.state()).isEqualTo("closed");
        assertThat(github.findBranch(r -> r.owner("dev").repo("sdk-pulls").branch("main")).orElseThrow().commitSha())
                .isEqualTo(merged.mergeResult().orElseThrow().sha());
        assertThat(sandbox.fileContent(repository(dev, "sdk-pulls"), "main", "merged.txt")).contains("merged\n");

        assertThatThrownBy(() -> github.createPullRequest(r -> r.owner("dev").repo("sdk-pulls").title("Nothing to merge")
                .head("merge-me").base("main"))).as("no commits between main and merge-me once merged")
                .isInstanceOf(ValidationException.class);
        COVERED.addAll(List.of("createPullRequest", "updatePullRequest", "submitReview", "findPullRequest",
                "findOrCreatePullRequest"));
    }

    @Test
    @Order(5)
    @DisplayName("codespaces: create, get, list (all and by repository), stop, start, delete")
    void codespaces() {
        Repository repo = github.createRepository(r -> r.name("sdk-codespaces").autoInit(true));
        Codespace codespace = github.createCodespace(r -> r.owner("dev").repo("sdk-codespaces").machine("premiumLinux")
                .geo(CodespaceGeo.EUROPE_WEST).displayName("sdk dev box"));
        assertThat(codespace.state()).isEqualTo("Available");
        assertThat(codespace.machineName()).isEqualTo("premiumLinux");
        assertThat(codespace.repositoryFullName()).isEqualTo("dev/sdk-codespaces");

        assertThat(github.getCodespace(r -> r.codespaceName(codespace.name())).displayName()).isEqualTo("sdk dev box");
        assertThat(github.listCodespaces().items()).extracting(Codespace::name).contains(codespace.name());
        assertThat(github.listCodespaces(r -> r.repositoryId(repo.id())).totalCount()).isEqualTo(1L);
        assertThat(github.listRepositoryCodespaces(r -> r.owner("dev").repo("sdk-codespaces")).items())
                .extracting(Codespace::name).containsExactly(codespace.name());

        assertThat(github.stopCodespace(r -> r.codespaceName(codespace.name())).state()).isEqualTo("Shutdown");
        assertThat(github.getCodespace(r -> r.codespaceName(codespace.name())).state()).isEqualTo("Shutdown");
        assertThat(github.startCodespace(r -> r.codespaceName(codespace.name())).state()).isEqualTo("Available");
        assertThat(github.getCodespace(r -> r.codespaceName(codespace.name())).state()).isEqualTo("Available");

        github.deleteCodespace(r -> r.codespaceName(codespace.name()));
        assertThatThrownBy(() -> github.getCodespace(r -> r.codespaceName(codespace.name())))
                .isInstanceOf(NotFoundException.class);
        assertThat(github.listRepositoryCodespaces(r -> r.owner("dev").repo("sdk-codespaces")).items()).isEmpty();
        COVERED.addAll(List.of("listCodespaces", "listRepositoryCodespaces", "createCodespace", "getCodespace",
                "deleteCodespace", "startCodespace", "stopCodespace"));
    }

    @Test
    @Order(6)
    @DisplayName("gists, users and organizations: create a gist, read users, memberships, profile status over GraphQL")
    void gistsUsersAndOrganizations() {
        Gist gist = github.createGist(r -> r.description("SDK gist").isPublic(false)
                .files(Map.of("hello.txt", "Hello", "notes.md", "# Notes")));
        assertThat(gist.files()).containsExactlyInAnyOrder("hello.txt", "notes.md");
        JsonNode stored = reviewerGithub.rawRequest("GET", "/gists/" + gist.id()).body();
        assertThat(stored.path("files").path("hello.txt").path("content").asText()).isEqualTo("Hello");
        assertThat(stored.path("public").asBoolean(true)).isFalse();

        GithubUser me = github.getAuthenticatedUser();
        assertThat(me.login()).isEqualTo("dev");
        assertThat(me.name()).isEqualTo("Dev Eloper");
        GithubUser other = github.findUser(r -> r.username("reviewer")).orElseThrow();
        assertThat(other.id()).isEqualTo(reviewer.id());
        assertThat(github.findUser(r -> r.username("nobody-at-all"))).isEmpty();

        SandboxOrganization org = sandbox.createOrganization("membership-org", "Membership Org", "For the SDK test");
        SandboxUser quiet = sandbox.registerUser("quiet-member");
        SandboxUser loud = sandbox.registerUser("loud-member");
        sandbox.addMember(org, dev);
        sandbox.addMember(org, quiet);
        sandbox.addMember(org, loud, true);
        assertThat(github.findOrganization(r -> r.org("membership-org")).orElseThrow().name()).isEqualTo("Membership Org");
        assertThat(github.findOrganization(r -> r.org("no-such-org"))).isEmpty();

        OrganizationMembership member = github.checkOrganizationMembership(r -> r.org("membership-org").username("quiet-member"));
        assertThat(member.member()).isTrue();
        assertThat(member.publicOnly()).isFalse();
        assertThat(github.checkOrganizationMembership(r -> r.org("membership-org").username("reviewer")).member()).isFalse();
        OrganizationMembership concealed = reviewerGithub.checkOrganizationMembership(r -> r.org("membership-org")
                .username("quiet-member"));
        assertThat(concealed.member()).as("a concealed membership is invisible to outsiders").isFalse();
        assertThat(concealed.publicOnly()).isTrue();
        OrganizationMembership visible = reviewerGithub.checkOrganizationMembership(r -> r.org("membership-org")
                .username("loud-member"));
        assertThat(visible.member()).isTrue();
        assertThat(visible.publicOnly()).isTrue();

        Instant expires = Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        ProfileStatus status = github.setProfileStatus(r -> r.message("Reviewing PRs").emoji(":eyes:").expiresAt(expires)
                .limitedAvailability(true)).orElseThrow();
        assertThat(status.message()).isEqualTo("Reviewing PRs");
        assertThat(status.expiresAt()).isEqualTo(expires);
        assertThat(sandbox.profileStatus(dev)).hasValueSatisfying(s -> {
            assertThat(s.message()).isEqualTo("Reviewing PRs");
            assertThat(s.emoji()).isEqualTo(":eyes:");
            assertThat(s.limitedAvailability()).isTrue();
        });
        assertThatThrownBy(() -> reviewerGithub.setProfileStatus(r -> r.message("no user scope")))
                .isInstanceOf(dev.integrations.github.GraphqlException.class);
        assertThat(github.setProfileStatus(SetProfileStatusRequest.builder().build())).as("cleared").isEmpty();
        assertThat(sandbox.profileStatus(dev)).isEmpty();
        COVERED.addAll(List.of("createGist", "getAuthenticatedUser", "findUser", "setProfileStatus",
                "checkOrganizationMembership", "findOrganization"));
    }

    @Test
    @Order(7)
    @DisplayName("pagination: a list action reads 3+ pages through Link headers; rate limits are tracked")
    void paginationAcrossPages() {
        SandboxUser pager = sandbox.registerUser("pager");
        for (int i = 1; i <= 5; i++) {
            sandbox.createRepository(pager, String.format("page-repo-%02d", i));
        }
        GithubClient client = provider(sandbox.issueToken(pager, "repo", "codespace"));
        sandbox.clearRequests();
        ListResult<Repository> first = client.listRepositories(r -> r.perPage(2));
        assertThat(first.items()).hasSize(2);
        assertThat(first.hasNextPage()).isTrue();
        List<String> all = first.pages().stream().map(Repository::name).toList();
        assertThat(all).hasSize(8).doesNotHaveDuplicates()
                .containsAll(List.of("Hello-World", "Spoon-Knife", "notes", "page-repo-01", "page-repo-05"));
        assertThat(sandbox.requests("/user/repos")).extracting(RecordedRequest::query)
                .contains("per_page=2&page=2", "per_page=2&page=3", "per_page=2&page=4");

        for (int i = 0; i < 5; i++) {
            client.createCodespace(r -> r.owner("pager").repo("page-repo-01"));
        }
        ListResult<Codespace> codespaces = client.listCodespaces(r -> r.perPage(2));
        assertThat(codespaces.totalCount()).isEqualTo(5L);
        assertThat(codespaces.pages().stream().map(Codespace::name).toList()).hasSize(5).doesNotHaveDuplicates();
        assertThat(sandbox.requests("/user/codespaces")).hasSizeGreaterThanOrEqualTo(3);

        RateLimitSnapshot rate = client.rateLimit().orElseThrow();
        assertThat(rate.limit()).isEqualTo(GithubSandbox.DEFAULT_RATE_LIMIT);
        assertThat(rate.used()).isGreaterThanOrEqualTo(10);
    }

    @Test
    @Order(100)
    @DisplayName("every action of the catalog was exercised")
    void everyActionWasExercised() {
        Set<String> catalog = new TreeSet<>();
        GithubActions.catalog().forEach(action -> catalog.add(action.name()));
        assertThat(catalog).hasSize(32);
        assertThat(new TreeSet<>(COVERED)).isEqualTo(catalog);
    }

    /** The file's text on a branch, read back through the contents endpoint. */
    private static String content(String repo, String path, String branch) {
        JsonNode file = github.rawRequest(r -> r.method("GET").path("/repos/dev/" + repo + "/contents/" + path).query("ref", branch))
                .body();
        return new String(Base64.getMimeDecoder().decode(file.path("content").asText()), StandardCharsets.UTF_8);
    }
}
