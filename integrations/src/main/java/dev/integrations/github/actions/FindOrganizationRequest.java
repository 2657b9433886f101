package dev.integrations.github.actions;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The parameters of {@code findOrganization}, which looks up an organization.
 * Required parameters are checked when the request is built, before anything is sent.
 *
 * @param org Required. The organization login.
 */
public record FindOrganizationRequest(
        @ActionParameter(value = "The organization login.", required = true)
        String org) {
    private static final String ACTION = "findOrganization";

    public FindOrganizationRequest {
        Arguments.requireText(ACTION, "org", org);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a request in one expression: {@code FindOrganizationRequest.of(r -> r.org(...))}. */
    public static FindOrganizationRequest of(Consumer<Builder> spec) {
        Builder builder = new Builder();
        Objects.requireNonNull(spec, "spec").accept(builder);
        return builder.build();
    }

    /** Builds a {@link FindOrganizationRequest}; {@link #build()} checks the parameters. */
    public static final class Builder {
        private String org;

        private Builder() {
        }

        /** The organization login. */
        public Builder org(String org) {
            this.org = org;
            return this;
        }

        /** The request; throws {@link InvalidActionArgumentsException} when a parameter is missing or invalid. */
        public FindOrganizationRequest build() {
            return new FindOrganizationRequest(org);
        }
    }
}
