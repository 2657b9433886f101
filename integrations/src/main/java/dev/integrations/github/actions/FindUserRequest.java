package dev.integrations.github.actions;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The parameters of {@code findUser}, which looks up a user by login.
 * Required parameters are checked when the request is built, before anything is sent.
 *
 * @param username Required. The user's login.
 */
public record FindUserRequest(
        @ActionParameter(value = "The user's login.", required = true)
        String username) {
    private static final String ACTION = "findUser";

    public FindUserRequest {
        Arguments.requireText(ACTION, "username", username);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a request in one expression: {@code FindUserRequest.of(r -> r.username(...))}. */
    public static FindUserRequest of(Consumer<Builder> spec) {
        Builder builder = new Builder();
        Objects.requireNonNull(spec, "spec").accept(builder);
        return builder.build();
    }

    /** Builds a {@link FindUserRequest}; {@link #build()} checks the parameters. */
    public static final class Builder {
        private String username;

        private Builder() {
        }

        /** The user's login. */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        /** The request; throws {@link InvalidActionArgumentsException} when a parameter is missing or invalid. */
        public FindUserRequest build() {
            return new FindUserRequest(username);
        }
    }
}
