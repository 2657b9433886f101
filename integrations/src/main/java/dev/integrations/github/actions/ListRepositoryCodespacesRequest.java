package dev.integrations.github.actions;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The parameters of {@code listRepositoryCodespaces}, which lists the authenticated user's codespaces in one repository.
 * Required parameters are checked when the request is built, before anything is sent.
 *
 * @param owner Required. The account owner of the repository: a user or organization login (not case-sensitive).
 * @param repo Required. The name of the repository, without the .git extension (not case-sensitive).
 * @param perPage Results per page, 1 to 100; default 100, GitHub's maximum.
 * @param page The page of results to fetch, starting at 1.
 */
public record ListRepositoryCodespacesRequest(
        @ActionParameter(value = "The account owner of the repository: a user or organization login (not case-sensitive).", required = true)
        String owner,
        @ActionParameter(value = "The name of the repository, without the .git extension (not case-sensitive).", required = true)
        String repo,
        @ActionParameter(value = "Results per page, 1 to 100; default 100, GitHub's maximum.", minimum = 1, maximum = 100)
        Integer perPage,
        @ActionParameter(value = "The page of results to fetch, starting at 1.", minimum = 1)
        Integer page) {
    private static final String ACTION = "listRepositoryCodespaces";

    public ListRepositoryCodespacesRequest {
        Arguments.requireText(ACTION, "owner", owner);
        Arguments.requireText(ACTION, "repo", repo);
        Arguments.range(ACTION, "perPage", perPage, 1L, 100L);
        Arguments.range(ACTION, "page", page, 1L, Long.MAX_VALUE);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a request in one expression: {@code ListRepositoryCodespacesRequest.of(r -> r.owner(...))}. */
    public static ListRepositoryCodespacesRequest of(Consumer<Builder> spec) {
        Builder builder = new Builder();
        Objects.requireNonNull(spec, "spec").accept(builder);
        return builder.build();
    }

    /** Builds a {@link ListRepositoryCodespacesRequest}; {@link #build()} checks the parameters. */
    public static final class Builder {
        private String owner;
        private String repo;
        private Integer perPage;
        private Integer page;

        private Builder() {
        }

        /** The account owner of the repository: a user or organization login (not case-sensitive). */
        public Builder owner(String owner) {
            this.owner = owner;
            return this;
        }

        /** The name of the repository, without the .git extension (not case-sensitive). */
        public Builder repo(String repo) {
            this.repo = repo;
            return this;
        }

        /** Results per page, 1 to 100; default 100, GitHub's maximum. */
        public Builder perPage(Integer perPage) {
            this.perPage = perPage;
            return this;
        }

        /** The page of results to fetch, starting at 1. */
        public Builder page(Integer page) {
            this.page = page;
            return this;
        }

        /** The request; throws {@link InvalidActionArgumentsException} when a parameter is missing or invalid. */
        public ListRepositoryCodespacesRequest build() {
            return new ListRepositoryCodespacesRequest(owner, repo, perPage, page);
        }
    }
}
