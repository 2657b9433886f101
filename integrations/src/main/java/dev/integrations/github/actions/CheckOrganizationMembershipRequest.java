package dev.integrations.github.actions;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The parameters of {@code checkOrganizationMembership}, which checks whether a user is a member of an organization.
 * Required parameters are checked when the request is built, before anything is sent.
 *
 * @param org Required. The organization login.
 * @param username Required. The user login.
 */
public record CheckOrganizationMembershipRequest(
        @ActionParameter(value = "The organization login.", required = true)
        String org,
        @ActionParameter(value = "The user login.", required = true)
        String username) {
    private static final String ACTION = "checkOrganizationMembership";

    public CheckOrganizationMembershipRequest {
        Arguments.requireText(ACTION, "org", org);
        Arguments.requireText(ACTION, "username", username);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a request in one expression: {@code CheckOrganizationMembershipRequest.of(r -> r.org(...))}. */
    public static CheckOrganizationMembershipRequest of(Consumer<Builder> spec) {
        Builder builder = new Builder();
        Objects.requireNonNull(spec, "spec").accept(builder);
        return builder.build();
    }

    /** Builds a {@link CheckOrganizationMembershipRequest}; {@link #build()} checks the parameters. */
    public static final class Builder {
        private String org;
        private String username;

        private Builder() {
        }

        /** The organization login. */
        public Builder org(String org) {
            this.org = org;
            return this;
        }

        /** The user login. */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        /** The request; throws {@link InvalidActionArgumentsException} when a parameter is missing or invalid. */
        public CheckOrganizationMembershipRequest build() {
            return new CheckOrganizationMembershipRequest(org, username);
        }
    }
}
