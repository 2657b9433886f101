package dev.integrations.github.sandbox;

import java.time.Clock;

/**
 * The stateful REST resources of one sandbox and the router that serves them: organizations,
 * Git data (branches, contents), issues with comments and labels, pull requests with reviews and
 * merges, search, gists, codespaces, users by name, repository creation and the GraphQL
 * {@code changeUserStatus} mutation. Built once by {@link GithubSandbox}.
 */
final class ApiResources {

    private final OrganizationStore organizations;
    private final GitStore git;
    private final IssueStore issues;
    private final PullStore pulls;
    private final RepositoryAccess access;
    private final GraphqlHandler graphql;
    private final ResourceRouter router;
    private final WebhookDeliveries webhooks;

    ApiResources(Clock clock, Directory directory, RepositoryStore repositories, ApiGate gate, String baseUrl) {
        this.organizations = new OrganizationStore(directory);
        this.git = new GitStore(clock);
        this.issues = new IssueStore(clock);
        this.pulls = new PullStore(issues, git, clock);
        this.access = new RepositoryAccess(repositories, organizations, new RepositorySettings(), issues, baseUrl);
        this.graphql = new GraphqlHandler(organizations);
        this.webhooks = new WebhookDeliveries(clock, access, baseUrl);
        IssueJson issueJson = new IssueJson(baseUrl, access, issues, pulls);
        PullJson pullJson = new PullJson(baseUrl, access, issueJson);

        this.router = new ResourceRouter(gate, repositories, baseUrl, clock);
        graphql.register(router);
        new RepositoryCreationHandler(access, git).register(router);
        new BranchesHandler(access, git).register(router);
        new ContentsHandler(access, git, webhooks).register(router);
        new IssuesHandler(access, issues, issueJson, directory, webhooks).register(router);
        new PullsHandler(access, pulls, pullJson, webhooks).register(router);
        new SearchHandler(access, issues, pulls, issueJson).register(router);
        new GistsHandler(new GistStore(), access).register(router);
        new CodespacesHandler(access, new CodespaceStore(), git).register(router);
        new OrganizationsHandler(access).register(router);
        new UsersHandler(directory, access).register(router);
    }

    ResourceRouter router() {
        return router;
    }

    OrganizationStore organizations() {
        return organizations;
    }

    RepositoryAccess access() {
        return access;
    }

    GitStore git() {
        return git;
    }

    WebhookDeliveries webhooks() {
        return webhooks;
    }

    GraphqlHandler graphql() {
        return graphql;
    }
}
