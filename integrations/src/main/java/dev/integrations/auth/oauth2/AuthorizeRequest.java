package dev.integrations.auth.oauth2;

import dev.integrations.internal.json.CanonicalSubject;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What to ask for when starting an authorization. Every part is optional.
 *
 * @param state the OAuth state; when null a random 256-bit URL-safe state is generated
 * @param scopes the scopes to request; when null the app's default scopes are used
 * @param redirectUri where the server should send the user back; when null the app's configured
 *     redirect URI, else the one registered with the server
 * @param subject the canonical subject the authorization is for; the exchange must then be for the
 *     same subject
 * @param extraParameters further query parameters such as {@code login}, {@code allow_signup},
 *     {@code prompt}
 */
public record AuthorizeRequest(String state, List<String> scopes, URI redirectUri, String subject,
                               Map<String, String> extraParameters) {
    /** Parameters the flow sets itself; passing them as extras is refused. */
    public static final Set<String> RESERVED_PARAMETERS = Set.of("client_id", "redirect_uri", "scope", "state",
            "code_challenge", "code_challenge_method", "response_type");

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

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Never prints the state. */
    @Override
    public String toString() {
        return "AuthorizeRequest[scopes=" + scopes + ", redirectUri=" + redirectUri + ", subject=" + subject
                + ", extraParameters=" + extraParameters + ", state=" + (state == null ? "generated" : "<redacted>") + "]";
    }

    /** Builds an {@link AuthorizeRequest}. */
    public static final class Builder {
        private String state;
        private List<String> scopes;
        private URI redirectUri;
        private String subject;
        private final Map<String, String> extra = new LinkedHashMap<>();

        private Builder() {
        }

        /** Uses this state instead of a generated one. It must be unguessable and unique. */
        public Builder state(String state) {
            this.state = state;
            return this;
        }

        /** The scopes to request (sent space-separated). */
        public Builder scopes(String... scopes) {
            this.scopes = Arrays.asList(scopes);
            return this;
        }

        /** The scopes to request (sent space-separated). */
        public Builder scopes(List<String> scopes) {
            this.scopes = scopes;
            return this;
        }

        /** Where the server should redirect back to. */
        public Builder redirectUri(String redirectUri) {
            this.redirectUri = URI.create(Objects.requireNonNull(redirectUri, "redirectUri"));
            return this;
        }

        /** Where the server should redirect back to. */
        public Builder redirectUri(URI redirectUri) {
            this.redirectUri = redirectUri;
            return this;
        }

        /** Binds the authorization to a subject: a String or a Map. */
        public Builder subject(Object subject) {
            this.subject = CanonicalSubject.canonical(subject);
            return this;
        }

        /** GitHub's {@code login}: suggests an account to sign in with. */
        public Builder login(String login) {
            return parameter("login", login);
        }

        /** GitHub's {@code allow_signup}: whether unauthenticated users may sign up on the way. */
        public Builder allowSignup(boolean allowSignup) {
            return parameter("allow_signup", Boolean.toString(allowSignup));
        }

        /** GitHub's {@code prompt}, e.g. {@code select_account} to force the account picker. */
        public Builder prompt(String prompt) {
            return parameter("prompt", prompt);
        }

        /** Any further query parameter. */
        public Builder parameter(String name, String value) {
            extra.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Builds the request. */
        public AuthorizeRequest build() {
            return new AuthorizeRequest(state, scopes, redirectUri, subject, extra);
        }
    }
}
