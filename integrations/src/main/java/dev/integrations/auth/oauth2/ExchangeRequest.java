package dev.integrations.auth.oauth2;

import dev.integrations.internal.json.CanonicalSubject;
import dev.integrations.internal.http.FormEncoding;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What to exchange: the callback's code and state (or the whole callback URI), and optionally
 * the subject it is for.
 *
 * @param code the authorization code from the callback; null only when {@code callbackError} is set
 * @param state the state from the callback, or null; required unless state verification is
 *     skipped or {@code callbackError} is set
 * @param subject the canonical subject, or null; when set, must match the one the authorization
 *     was started for
 * @param redirectUri the redirect URI, or null; only needed when state verification is skipped
 * @param verifyState whether to check the state against a pending authorization (default true)
 * @param codeVerifier the PKCE verifier, or null; only used when state verification is skipped
 * @param callbackError the error the authorization server put on the callback, or null
 */
public record ExchangeRequest(@Nullable String code, @Nullable String state, @Nullable String subject,
                              @Nullable URI redirectUri, boolean verifyState, @Nullable String codeVerifier,
                              @Nullable CallbackError callbackError) {
    /**
     * Checks that the request can be exchanged.
     *
     * @param code the authorization code from the callback; null only when {@code callbackError} is set
     * @param state the state from the callback, or null; required unless state verification is
     *     skipped or {@code callbackError} is set
     * @param subject the canonical subject, or null; when set, must match the one the authorization
     *     was started for
     * @param redirectUri the redirect URI, or null; only needed when state verification is skipped
     * @param verifyState whether to check the state against a pending authorization (default true)
     * @param codeVerifier the PKCE verifier, or null; only used when state verification is skipped
     * @param callbackError the error the authorization server put on the callback, or null
     * @throws IllegalArgumentException when there is neither a code nor a callback error, or the
     *     state is missing while state verification is on
     */
    public ExchangeRequest {
        if (callbackError == null && (code == null || code.isBlank())) {
            throw new IllegalArgumentException("an authorization code is required: pass code(...) or authorizationResponse(callbackUri)");
        }
        if (verifyState && callbackError == null && (state == null || state.isBlank())) {
            throw new IllegalArgumentException("the callback's state is required: pass state(...) or authorizationResponse(callbackUri),"
                    + " or call skipStateVerification() if your application checks state itself");
        }
    }

    /**
     * Starts building a request.
     *
     * @return a new builder that verifies state unless told otherwise
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Describes the request without its secrets.
     *
     * @return the subject, redirect URI and flags; never the code, state or verifier
     */
    @Override
    public String toString() {
        return "ExchangeRequest[subject=" + subject + ", redirectUri=" + redirectUri + ", verifyState=" + verifyState
                + ", callbackError=" + callbackError + ", code=<redacted>, state=<redacted>, codeVerifier=<redacted>]";
    }

    /**
     * An error the authorization server reported on the callback instead of a code, e.g.
     * {@code access_denied} when the user clicked Deny
     * (https://docs.github.com/en/apps/oauth-apps/maintaining-oauth-apps/troubleshooting-authorization-request-errors).
     *
     * <p>Callback parameters arrive in a URL anyone can craft, so they are sanitised here, before
     * they can reach an exception message or a log line: the error code keeps only the characters
     * OAuth error codes use ({@code A-Z a-z 0-9 _ . -}, at most {@value #MAX_ERROR_LENGTH}), the
     * description loses control and formatting characters and is cut to
     * {@value #MAX_DESCRIPTION_LENGTH} characters, and the URI is kept only when it is an absolute
     * http(s) URI of at most {@value #MAX_URI_LENGTH} characters. The flow still surfaces them only
     * after the callback's state has been verified.
     *
     * @param error the error code
     * @param description the description, or null
     * @param uri the documentation link, or null
     */
    public record CallbackError(String error, @Nullable String description, @Nullable String uri) {
        /** The longest error code kept. */
        public static final int MAX_ERROR_LENGTH = 64;
        /** The longest description kept; longer ones are cut and end with an ellipsis. */
        public static final int MAX_DESCRIPTION_LENGTH = 300;
        /** The longest error URI kept. */
        public static final int MAX_URI_LENGTH = 2048;

        /**
         * Sanitises the parameters as described above; a missing error code becomes {@code unknown_error}.
         *
         * @param error the error code
         * @param description the description, or null
         * @param uri the documentation link, or null
         */
        public CallbackError {
            error = sanitizeError(error);
            description = sanitizeDescription(description);
            uri = sanitizeUri(uri);
        }

        private static String sanitizeError(@Nullable String error) {
            String kept = error == null ? "" : error.replaceAll("[^A-Za-z0-9_.-]", "");
            if (kept.length() > MAX_ERROR_LENGTH) {
                kept = kept.substring(0, MAX_ERROR_LENGTH);
            }
            return kept.isEmpty() ? "unknown_error" : kept;
        }

        private static @Nullable String sanitizeDescription(@Nullable String description) {
            if (description == null) {
                return null;
            }
            // Cc: control characters (newlines included, so no forged log lines); Cf: formatting
            // characters such as right-to-left overrides that disguise text.
            String clean = description.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]+", " ").replaceAll("\\s+", " ").strip();
            if (clean.isEmpty()) {
                return null;
            }
            if (clean.length() <= MAX_DESCRIPTION_LENGTH) {
                return clean;
            }
            int end = Character.isHighSurrogate(clean.charAt(MAX_DESCRIPTION_LENGTH - 1)) ? MAX_DESCRIPTION_LENGTH - 1
                    : MAX_DESCRIPTION_LENGTH;
            return clean.substring(0, end) + "...";
        }

        private static @Nullable String sanitizeUri(@Nullable String uri) {
            if (uri == null || uri.length() > MAX_URI_LENGTH) {
                return null;
            }
            try {
                URI parsed = new URI(uri);
                String scheme = parsed.getScheme();
                return parsed.isAbsolute() && parsed.getHost() != null
                        && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) ? parsed.toString() : null;
            } catch (URISyntaxException e) {
                return null;
            }
        }
    }

    /** Builds an {@link ExchangeRequest}. */
    public static final class Builder {
        private @Nullable String code;
        private @Nullable String state;
        private @Nullable String subject;
        private @Nullable URI redirectUri;
        private boolean verifyState = true;
        private @Nullable String codeVerifier;
        private @Nullable CallbackError callbackError;

        private Builder() {
        }

        /**
         * Sets the authorization code.
         *
         * @param code the {@code code} query parameter of the callback
         * @return this builder
         */
        public Builder code(@Nullable String code) {
            this.code = code;
            return this;
        }

        /**
         * Sets the state to verify.
         *
         * @param state the {@code state} query parameter of the callback
         * @return this builder
         */
        public Builder state(@Nullable String state) {
            this.state = state;
            return this;
        }

        /**
         * The whole callback URI (or just its query string) as the browser arrived with it:
         * code, state, or the server's error are taken from it.
         *
         * @param callbackUri the callback URI or its query string
         * @return this builder
         * @throws IllegalArgumentException when it is not a valid URI or has neither a
         *     {@code code} nor an {@code error} parameter
         */
        public Builder authorizationResponse(String callbackUri) {
            Objects.requireNonNull(callbackUri, "callbackUri");
            String query;
            int q = callbackUri.indexOf('?');
            if (q >= 0) {
                try {
                    query = new URI(callbackUri).getRawQuery();
                } catch (URISyntaxException e) {
                    throw new IllegalArgumentException("the callback URI is not a valid URI", e);
                }
            } else {
                query = callbackUri.contains("=") ? callbackUri : "";
            }
            Map<String, String> params = FormEncoding.decode(query);
            if (params.containsKey("error")) {
                callbackError = new CallbackError(params.get("error"), params.get("error_description"),
                        params.get("error_uri"));
            } else if (!params.containsKey("code")) {
                throw new IllegalArgumentException("the callback URI has neither a code nor an error parameter");
            }
            this.code = params.get("code");
            this.state = params.get("state");
            return this;
        }

        /**
         * The whole callback URI, as {@link #authorizationResponse(String)}.
         *
         * @param callbackUri the callback URI the browser arrived with
         * @return this builder
         * @throws IllegalArgumentException when it has neither a {@code code} nor an {@code error}
         *     parameter
         */
        public Builder authorizationResponse(URI callbackUri) {
            return authorizationResponse(callbackUri.toString());
        }

        /**
         * Binds the exchange to a subject; it must match the one the authorization was started for.
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
         * Sets the redirect URI; only used with {@link #skipStateVerification}.
         *
         * @param redirectUri the redirect URI the authorization was started with, or null
         * @return this builder
         */
        public Builder redirectUri(@Nullable String redirectUri) {
            this.redirectUri = redirectUri == null ? null : URI.create(redirectUri);
            return this;
        }

        /**
         * Opts out of state verification, for applications that keep and check their own state.
         * Pass the PKCE verifier with {@link #codeVerifier} if the authorization sent a challenge.
         *
         * @return this builder
         */
        public Builder skipStateVerification() {
            this.verifyState = false;
            return this;
        }

        /**
         * Sets the PKCE verifier; only used with {@link #skipStateVerification}.
         *
         * @param codeVerifier the verifier from {@link AuthorizationStep#codeVerifier()}, or null
         * @return this builder
         */
        public Builder codeVerifier(@Nullable String codeVerifier) {
            this.codeVerifier = codeVerifier;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws IllegalArgumentException when it has no code and no callback error, or no state
         *     while state verification is on
         */
        public ExchangeRequest build() {
            return new ExchangeRequest(code, state, subject, redirectUri, verifyState, codeVerifier, callbackError);
        }
    }
}
