package dev.integrations.auth.oauth2;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("ExchangeRequest and AuthorizeRequest")
class ExchangeRequestTest {

    @Nested
    @DisplayName("authorizationResponse(callback)")
    class AuthorizationResponse {
        @Test
        @DisplayName("takes code and state from a full callback URI")
        void codeAndStateFromUri() {
            ExchangeRequest request = ExchangeRequest.builder()
                    .authorizationResponse("https://app.example.com/callback?code=abc123&state=xyz789").build();

            assertThat(request.code()).isEqualTo("abc123");
            assertThat(request.state()).isEqualTo("xyz789");
            assertThat(request.callbackError()).isNull();
            assertThat(request.verifyState()).isTrue();
        }

        @Test
        @DisplayName("accepts a java.net.URI too")
        void fromUriObject() {
            ExchangeRequest request = ExchangeRequest.builder()
                    .authorizationResponse(URI.create("http://localhost:8080/cb?state=s1&code=c1")).build();

            assertThat(request.code()).isEqualTo("c1");
            assertThat(request.state()).isEqualTo("s1");
        }

        @Test
        @DisplayName("accepts just the query string")
        void queryStringOnly() {
            ExchangeRequest request = ExchangeRequest.builder().authorizationResponse("code=abc&state=xyz").build();

            assertThat(request.code()).isEqualTo("abc");
            assertThat(request.state()).isEqualTo("xyz");
        }

        @Test
        @DisplayName("percent-decodes parameter values")
        void decodesValues() {
            ExchangeRequest request = ExchangeRequest.builder()
                    .authorizationResponse("https://app.example.com/cb?code=a%2Bb%3D&state=s%20t").build();

            assertThat(request.code()).isEqualTo("a+b=");
            assertThat(request.state()).isEqualTo("s t");
        }

        @Test
        @DisplayName("a repeated state keeps the first value, so an appended state= cannot replace the real one")
        void repeatedStateKeepsFirst() {
            ExchangeRequest request = ExchangeRequest.builder()
                    .authorizationResponse("https://app.example.com/cb?code=c&state=real&state=forged").build();

            assertThat(request.state()).isEqualTo("real");
        }

        @Test
        @DisplayName("error=access_denied becomes a callback error with its description, and no code is needed")
        void accessDenied() {
            ExchangeRequest request = ExchangeRequest.builder()
                    .authorizationResponse("https://app.example.com/cb?error=access_denied"
                            + "&error_description=The+user+has+denied+your+application+access."
                            + "&error_uri=https%3A%2F%2Fdocs.github.com%2Ferrors&state=xyz")
                    .build();

            assertThat(request.callbackError()).isEqualTo(new ExchangeRequest.CallbackError("access_denied",
                    "The user has denied your application access.", "https://docs.github.com/errors"));
            assertThat(request.code()).isNull();
            assertThat(request.state()).isEqualTo("xyz");
        }

        @Test
        @DisplayName("an error without state is still accepted, so the error can be reported")
        void errorWithoutState() {
            ExchangeRequest request = ExchangeRequest.builder().authorizationResponse("error=redirect_uri_mismatch").build();

            assertThat(request.callbackError().error()).isEqualTo("redirect_uri_mismatch");
            assertThat(request.callbackError().description()).isNull();
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"https://app.example.com/cb?state=xyz", "https://app.example.com/cb", "https://app.example.com/cb?",
                "state=xyz", "", "just-some-text"})
        @DisplayName("a callback with neither code nor error is an IllegalArgumentException")
        void neitherCodeNorError(String callback) {
            assertThatThrownBy(() -> ExchangeRequest.builder().authorizationResponse(callback))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("an unparsable callback URI is an IllegalArgumentException")
        void invalidUri() {
            assertThatThrownBy(() -> ExchangeRequest.builder().authorizationResponse("https://app example.com/cb?code=c&state=s"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("validation")
    class Validation {
        @Test
        @DisplayName("a code is required")
        void codeRequired() {
            assertThatThrownBy(() -> ExchangeRequest.builder().state("s").build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("code");
            assertThatThrownBy(() -> ExchangeRequest.builder().code(" ").state("s").build())
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("state is required while state verification is on")
        void stateRequired() {
            assertThatThrownBy(() -> ExchangeRequest.builder().code("c").build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("state")
                    .hasMessageContaining("skipStateVerification");
            assertThatThrownBy(() -> ExchangeRequest.builder().code("c").state("").build())
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("state may be left out after skipStateVerification()")
        void skipStateVerification() {
            ExchangeRequest request = ExchangeRequest.builder().code("c").skipStateVerification().codeVerifier("v")
                    .redirectUri("https://app.example.com/cb").build();

            assertThat(request.verifyState()).isFalse();
            assertThat(request.state()).isNull();
            assertThat(request.codeVerifier()).isEqualTo("v");
            assertThat(request.redirectUri()).isEqualTo(URI.create("https://app.example.com/cb"));
        }

        @Test
        @DisplayName("the subject is canonicalised (maps by sorted keys)")
        void subjectCanonicalised() {
            ExchangeRequest request = ExchangeRequest.builder().code("c").state("s")
                    .subject(Map.of("user", "u1", "tenant", "t1")).build();

            assertThat(request.subject()).isEqualTo("{\"tenant\":\"t1\",\"user\":\"u1\"}");
        }
    }

    @Test
    @DisplayName("toString never prints the code, state or verifier")
    void toStringRedacts() {
        String code = "code-CANARY-1a2b3c";
        String state = "state-CANARY-4d5e6f";
        String verifier = "verifier-CANARY-7a8b9c";
        ExchangeRequest request = ExchangeRequest.builder().code(code).state(state).codeVerifier(verifier)
                .subject("user-1").build();

        assertThat(request.toString())
                .doesNotContain(code).doesNotContain(state).doesNotContain(verifier)
                .contains("user-1");
    }

    @Nested
    @DisplayName("AuthorizeRequest")
    class Authorize {
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"client_id", "redirect_uri", "scope", "state", "code_challenge", "code_challenge_method",
                "response_type"})
        @DisplayName("refuses reserved parameters as extras")
        void reservedParametersRefused(String name) {
            assertThatThrownBy(() -> AuthorizeRequest.builder().parameter(name, "x").build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(name);
        }

        @Test
        @DisplayName("login, allowSignup and prompt become extra parameters")
        void githubExtras() {
            AuthorizeRequest request = AuthorizeRequest.builder().login("octocat").allowSignup(false)
                    .prompt("select_account").parameter("custom", "1").build();

            assertThat(request.extraParameters()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "login", "octocat", "allow_signup", "false", "prompt", "select_account", "custom", "1"));
        }

        @Test
        @DisplayName("every part is optional; a blank state is refused")
        void optionalPartsAndBlankState() {
            AuthorizeRequest request = AuthorizeRequest.builder().build();

            assertThat(request.state()).isNull();
            assertThat(request.scopes()).isNull();
            assertThat(request.extraParameters()).isEmpty();
            assertThatThrownBy(() -> AuthorizeRequest.builder().state("  ").build())
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("scopes are copied and the state is never printed")
        void scopesCopiedStateRedacted() {
            AuthorizeRequest request = AuthorizeRequest.builder().state("state-CANARY-0f0f").scopes("repo", "gist").build();

            assertThat(request.scopes()).containsExactly("repo", "gist");
            assertThatThrownBy(() -> request.scopes().add("x")).isInstanceOf(UnsupportedOperationException.class);
            assertThat(request.toString()).doesNotContain("state-CANARY-0f0f").contains("repo");
            assertThat(AuthorizeRequest.builder().scopes(List.of("a")).build().scopes()).containsExactly("a");
        }
    }
}
