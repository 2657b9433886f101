package dev.integrations.auth.oauth2;

import dev.integrations.internal.json.CanonicalSubject;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What to ask for when starting an authorization. Every part is optional.
 *
 * @param state the OAuth state; when null a random 256-bit URL-safe state is generated
 * @param scopes the scopes to request; when null the app's default scopes are used
 * @param redirectUri where the server should send the user back; when null the app's configured
 *     redirect URI, else the one registered with the server
 * @param subject the canonical subject the authorization is for, or null for none; when set, the
 *     exchange must be for the same subject
 * @param extraParameters further query parameters such as {@code login}, {@code allow_signup},
 *     {@code prompt}; null for none
 */
public record AuthorizeRequest(@Nullable String state, @Nullable List<String> scopes, @Nullable URI redirectUri,
                               @Nullable String subject, Map<String, String> extraParameters) {
    /** Parameters the flow sets itself; passing them as extras is refused. */
    public static final Set<String> RESERVED_PARAMETERS = Set.of("client_id", "redirect_uri", "scope", "state",
            "code_challenge", "code_challenge_method", "response_type");

    /**
     * Checks and copies the parts.
     *
     * @param state the OAuth state; when null a random 256-bit URL-safe state is generated
     * @param scopes the scopes to request; when null the app's default scopes are used
     * @param redirectUri where the server should send the user back; when null the app's configured
     *     redirect URI, else the one registered with the server
     * @param subject the canonical subject the authorization is for, or null for none; when set, the
     *     exchange must be for the same subject
     * @param extraParameters further query parameters such as {@code login}, {@code allow_signup},
     *     {@code prompt}; null for none
     * @throws IllegalArgumentException when the state is blank or an extra parameter is one the
     *     flow sets itself ({@link #RESERVED_PARAMETERS})
     */
    public AuthorizeRequest {
        if (state != null && state.isBlank()) {
            throw new IllegalArgumentException("state must not be blank; leave it unset to get a random one");
        }
        scopes = scopes == null ? null : List.copyOf(scopes);
        extraParameters = Map.copyOf(extraParameters == null ? Map.of() : extraParameters);
        for (String name : extraParameters.keySet()) {
            if (RESERVED_PARAMETERS.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is set by the flow; use the builder's own method for it");
            }
        }
    }

    /**
     * Starts building a request.
     *
     * @return a new builder with every part unset
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Describes the request without its state.
     *
     * @return the scopes, redirect URI, subject and extra parameters; never the state
     */
    @Override
    public String toString() {
        return "AuthorizeRequest[scopes=" + scopes + ", redirectUri=" + redirectUri + ", subject=" + subject
                + ", extraParameters=" + extraParameters + ", state=" + (state == null ? "generated" : "<redacted>") + "]";
    }

    /** Builds an {@link AuthorizeRequest}. */
    public static final class Builder {
        private @Nullable String state;
        private @Nullable List<String> scopes;
        private @Nullable URI redirectUri;
        private @Nullable String subject;
        private final Map<String, String> extra = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Uses this state instead of a generated one. It must be unguessable and unique.
         *
         * @param state the state, or null to have one generated
         * @return this builder
         */
        public Builder state(@Nullable String state) {
            this.state = state;
            return this;
        }

        /**
         * Sets the scopes to request (sent space-separated) instead of the app's default ones.
         *
         * @param scopes the scopes, e.g. {@code "repo", "read:org"}
         * @return this builder
         */
        public Builder scopes(String... scopes) {
            this.scopes = Arrays.asList(scopes);
            return this;
        }

        /**
         * Sets the scopes to request (sent space-separated).
         *
         * @param scopes the scopes, or null for the app's default ones
         * @return this builder
         */
        public Builder scopes(@Nullable List<String> scopes) {
            this.scopes = scopes;
            return this;
        }

        /**
         * Sets where the server should send the user back to.
         *
         * @param redirectUri the callback URL your application serves
         * @return this builder
         * @throws IllegalArgumentException when it is not a valid URI
         */
        public Builder redirectUri(String redirectUri) {
            this.redirectUri = URI.create(Objects.requireNonNull(redirectUri, "redirectUri"));
            return this;
        }

        /**
         * Sets where the server should send the user back to.
         *
         * @param redirectUri the callback URL your application serves, or null for the configured
         *     or registered one
         * @return this builder
         */
        public Builder redirectUri(@Nullable URI redirectUri) {
            this.redirectUri = redirectUri;
            return this;
        }

        /**
         * Binds the authorization to a subject; the exchange must then be for the same subject.
         *
         * @param subject the subject: a non-blank String or a non-empty Map
         * @return this builder
         * @throws IllegalArgumentException when the subject is not a valid subject
         */
        public Builder subject(Object subject) {
            this.subject = CanonicalSubject.canonical(subject);
            return this;
        }

        /**
         * Sets GitHub's {@code login} parameter: suggests an account to sign in with.
         *
         * @param login the GitHub login to suggest
         * @return this builder
         */
        public Builder login(String login) {
            return parameter("login", login);
        }

        /**
         * Sets GitHub's {@code allow_signup} parameter.
         *
         * @param allowSignup whether unauthenticated users may sign up on the way
         * @return this builder
         */
        public Builder allowSignup(boolean allowSignup) {
            return parameter("allow_signup", Boolean.toString(allowSignup));
        }

        /**
         * Sets GitHub's {@code prompt} parameter.
         *
         * @param prompt e.g. {@code select_account} to force the account picker
         * @return this builder
         */
        public Builder prompt(String prompt) {
            return parameter("prompt", prompt);
        }

        /**
         * Adds a further query parameter to the authorization URL.
         *
         * @param name the parameter name; not one of {@link AuthorizeRequest#RESERVED_PARAMETERS}
         * @param value the value, sent URL-encoded
         * @return this builder
         */
        public Builder parameter(String name, String value) {
            extra.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws IllegalArgumentException when the state is blank or an extra parameter is reserved
         */
        public AuthorizeRequest build() {
            return new AuthorizeRequest(state, scopes, redirectUri, subject, extra);
        }
    }
}
