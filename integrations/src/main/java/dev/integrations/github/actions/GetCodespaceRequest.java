package dev.integrations.github.actions;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The parameters of {@code getCodespace}, which gets one of the authenticated user's codespaces.
 * Required parameters are checked when the request is built, before anything is sent.
 *
 * @param codespaceName Required. The name of the codespace.
 */
public record GetCodespaceRequest(
        @ActionParameter(value = "The name of the codespace.", required = true)
        String codespaceName) {
    private static final String ACTION = "getCodespace";

    public GetCodespaceRequest {
        Arguments.requireText(ACTION, "codespaceName", codespaceName);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a request in one expression: {@code GetCodespaceRequest.of(r -> r.codespaceName(...))}. */
    public static GetCodespaceRequest of(Consumer<Builder> spec) {
        Builder builder = new Builder();
        Objects.requireNonNull(spec, "spec").accept(builder);
        return builder.build();
    }

    /** Builds a {@link GetCodespaceRequest}; {@link #build()} checks the parameters. */
    public static final class Builder {
        private String codespaceName;

        private Builder() {
        }

        /** The name of the codespace. */
        public Builder codespaceName(String codespaceName) {
            this.codespaceName = codespaceName;
            return this;
        }

        /** The request; throws {@link InvalidActionArgumentsException} when a parameter is missing or invalid. */
        public GetCodespaceRequest build() {
            return new GetCodespaceRequest(codespaceName);
        }
    }
}
