package dev.integrations.github.actions;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The parameters of {@code listRepositories}, which lists repositories: the authenticated user's (neither {@code username} nor {@code org}), another user's public ones ({@code username}), or an organization's ({@code org}).
 * Required parameters are checked when the request is built, before anything is sent.
 *
 * @param username List this user's public repositories instead of the authenticated user's.
 * @param org List this organization's repositories instead of the authenticated user's.
 * @param type Filter by type. For the authenticated user: all, owner, public, private, member. For a user: all, owner, member. For an organization: all, public, private, forks, sources, member.
 * @param sort The property to sort by.
 * @param direction The sort direction (GitHub: asc for full_name, else desc).
 * @param visibility Only for the authenticated user's repositories: filter by visibility. Cannot be combined with type.
 * @param affiliation Only for the authenticated user's repositories: comma-separated owner, collaborator, organization_member. Cannot be combined with type.
 * @param perPage Results per page, 1 to 100; default 100, GitHub's maximum.
 * @param page The page of results to fetch, starting at 1.
 */
public record ListRepositoriesRequest(
        @ActionParameter(value = "List this user's public repositories instead of the authenticated user's.")
        String username,
        @ActionParameter(value = "List this organization's repositories instead of the authenticated user's.")
        String org,
        @ActionParameter(value = "Filter by type. For the authenticated user: all, owner, public, private, member. For a user: all, owner, member. For an organization: all, public, private, forks, sources, member.")
        String type,
        @ActionParameter(value = "The property to sort by.")
        RepositorySort sort,
        @ActionParameter(value = "The sort direction (GitHub: asc for full_name, else desc).")
        SortDirection direction,
        @ActionParameter(value = "Only for the authenticated user's repositories: filter by visibility. Cannot be combined with type.")
        RepositoryVisibility visibility,
        @ActionParameter(value = "Only for the authenticated user's repositories: comma-separated owner, collaborator, organization_member. Cannot be combined with type.")
        String affiliation,
        @ActionParameter(value = "Results per page, 1 to 100; default 100, GitHub's maximum.", minimum = 1, maximum = 100)
        Integer perPage,
        @ActionParameter(value = "The page of results to fetch, starting at 1.", minimum = 1)
        Integer page) {
    private static final String ACTION = "listRepositories";

    public ListRepositoriesRequest {
        Arguments.range(ACTION, "perPage", perPage, 1L, 100L);
        Arguments.range(ACTION, "page", page, 1L, Long.MAX_VALUE);
        Arguments.optionalName(ACTION, "username", username);
        Arguments.optionalName(ACTION, "org", org);
        Arguments.check(username == null || org == null, ACTION, "org", "give either 'username' or 'org', not both");
        Arguments.check((visibility == null && affiliation == null) || (username == null && org == null), ACTION, "visibility",
                "'visibility' and 'affiliation' apply only to the authenticated user's repositories (no username or org)");
        Arguments.check(type == null || (visibility == null && affiliation == null), ACTION, "type",
                "GitHub refuses 'type' together with 'visibility' or 'affiliation' (422); use one or the other");
        if (type != null) {
            List<String> allowed = org != null ? List.of("all", "public", "private", "forks", "sources", "member")
                    : username != null ? List.of("all", "owner", "member") : List.of("all", "owner", "public", "private", "member");
            Arguments.check(allowed.contains(type), ACTION, "type", "'type' must be one of " + allowed + " here, got '" + type + "'");
        }
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a request in one expression: {@code ListRepositoriesRequest.of(r -> r.username(...))}. */
    public static ListRepositoriesRequest of(Consumer<Builder> spec) {
        Builder builder = new Builder();
        Objects.requireNonNull(spec, "spec").accept(builder);
        return builder.build();
    }

    /** Builds a {@link ListRepositoriesRequest}; {@link #build()} checks the parameters. */
    public static final class Builder {
        private String username;
        private String org;
        private String type;
        private RepositorySort sort;
        private SortDirection direction;
        private RepositoryVisibility visibility;
        private String affiliation;
        private Integer perPage;
        private Integer page;

        private Builder() {
        }

        /** List this user's public repositories instead of the authenticated user's. */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        /** List this organization's repositories instead of the authenticated user's. */
        public Builder org(String org) {
            this.org = org;
            return this;
        }

        /** Filter by type. For the authenticated user: all, owner, public, private, member. For a user: all, owner, member. For an organization: all, public, private, forks, sources, member. */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /** The property to sort by. */
        public Builder sort(RepositorySort sort) {
            this.sort = sort;
            return this;
        }

        /** The sort direction (GitHub: asc for full_name, else desc). */
        public Builder direction(SortDirection direction) {
            this.direction = direction;
            return this;
        }

        /** Only for the authenticated user's repositories: filter by visibility. Cannot be combined with type. */
        public Builder visibility(RepositoryVisibility visibility) {
            this.visibility = visibility;
            return this;
        }

        /** Only for the authenticated user's repositories: comma-separated owner, collaborator, organization_member. Cannot be combined with type. */
        public Builder affiliation(String affiliation) {
            this.affiliation = affiliation;
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
        public ListRepositoriesRequest build() {
            return new ListRepositoriesRequest(username, org, type, sort, direction, visibility, affiliation, perPage, page);
        }
    }
}
