package dev.integrations.github.actions;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The parameters of {@code listCodespaces}, which lists the authenticated user's codespaces.
 * Required parameters are checked when the request is built, before anything is sent.
 *
 * @param repositoryId Only codespaces of the repository with this numeric id.
 * @param perPage Results per page, 1 to 100; default 100, GitHub's maximum.
 * @param page The page of results to fetch, starting at 1.
 */
public record ListCodespacesRequest(
        @ActionParameter(value = "Only codespaces of the repository with this numeric id.", minimum = 1)
        Long repositoryId,
        @ActionParameter(value = "Results per page, 1 to 100; default 100, GitHub's maximum.", minimum = 1, maximum = 100)
        Integer perPage,
        @ActionParameter(value = "The page of results to fetch, starting at 1.", minimum = 1)
        Integer page) {
    private static final String ACTION = "listCodespaces";

    public ListCodespacesRequest {
        Arguments.range(ACTION, "repositoryId", repositoryId, 1L, Long.MAX_VALUE);
        Arguments.range(ACTION, "perPage", perPage, 1L, 100L);
        Arguments.range(ACTION, "page", page, 1L, Long.MAX_VALUE);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a request in one expression: {@code ListCodespacesRequest.of(r -> r.repositoryId(...))}. */
    public static ListCodespacesRequest of(Consumer<Builder> spec) {
        Builder builder = new Builder();
        Objects.requireNonNull(spec, "spec").accept(builder);
        return builder.build();
    }

    /** Builds a {@link ListCodespacesRequest}; {@link #build()} checks the parameters. */
    public static final class Builder {
        private Long repositoryId;
        private Integer perPage;
        private Integer page;

        private Builder() {
        }

        /** Only codespaces of the repository with this numeric id. */
        public Builder repositoryId(Long repositoryId) {
            this.repositoryId = repositoryId;
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
        public ListCodespacesRequest build() {
            return new ListCodespacesRequest(repositoryId, perPage, page);
        }
    }
}
