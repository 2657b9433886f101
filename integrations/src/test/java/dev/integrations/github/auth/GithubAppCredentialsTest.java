package dev.integrations.github.auth;

import dev.integrations.core.ConfigurationException;
import dev.integrations.github.auth.GithubAppCredentials.Field;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * App credentials: every field resolves as explicit value, then the first set
 * environment key, then the default.
 */
@DisplayName("GithubAppCredentials")
class GithubAppCredentialsTest {
    private static final String DEFAULT_AUTHORIZE = "https://github.com/login/oauth/authorize";
    private static final String DEFAULT_TOKEN_URL = "https://github.com/login/oauth/access_token";

    /** Reads one configuration field as a string, whatever its Java type. */
    private static Object read(GithubAppCredentials credentials, Field field) {
        return switch (field) {
            case AUTHORIZATION_URL -> str(credentials.authorizationUrl());
            case TOKEN_URL -> str(credentials.tokenUrl());
            case CLIENT_ID -> credentials.clientId();
            case CLIENT_SECRET -> credentials.clientSecret();
            case REDIRECT_URI -> str(credentials.redirectUri());
            case TOKEN -> credentials.token();
            case DEFAULT_SCOPE -> credentials.defaultScope();
        };
    }

    private static String str(URI uri) {
        return uri == null ? null : uri.toString();
    }

    /** Every configuration field with its env key(s) and two distinct, valid values for it. */
    static Stream<Arguments> seedFields() {
        return Stream.of(
                Arguments.of(Field.AUTHORIZATION_URL, "GITHUB_AUTHORIZATION_URL", "https://env.example.com/authorize",
                        "https://explicit.example.com/authorize"),
                Arguments.of(Field.TOKEN_URL, "GITHUB_TOKEN_URL", "https://env.example.com/token",
                        "https://explicit.example.com/token"),
                Arguments.of(Field.CLIENT_ID, "GITHUB_CLIENT_ID", "env-client-id", "explicit-client-id"),
                Arguments.of(Field.CLIENT_SECRET, "GITHUB_CLIENT_SECRET", "env-client-secret", "explicit-client-secret"),
                Arguments.of(Field.REDIRECT_URI, "GITHUB_REDIRECT_URI", "https://env.example.com/callback",
                        "https://explicit.example.com/callback"),
                Arguments.of(Field.TOKEN, "GITHUB_TOKEN", "env-token", "explicit-token"));
    }

    @Test
    @DisplayName("null-safety: a blank app_token_fallback in a map reads as unset (it failed with a NullPointerException)")
    void nullSafety_blankFallbackInMapReadsAsUnset() {
        GithubAppCredentials blank = GithubAppCredentials.fromMap(Map.of("app_token_fallback", "  "));
        assertThat(blank.appTokenFallback()).isFalse();
        // Unset, so the environment still decides.
        assertThat(blank.withEnvironment(Map.of("GITHUB_APP_TOKEN_FALLBACK", "true")).appTokenFallback()).isTrue();
    }

    @Test
    @DisplayName("the Field enum carries exactly the documented keys, env keys and defaults")
    void fieldTableMatchesTheSeed() {
        assertThat(Field.AUTHORIZATION_URL.environmentKeys()).containsExactly("GITHUB_AUTHORIZATION_URL", "GITHUB_AUTHORIZE_URL");
        assertThat(Field.TOKEN_URL.environmentKeys()).containsExactly("GITHUB_TOKEN_URL");
        assertThat(Field.CLIENT_ID.environmentKeys()).containsExactly("GITHUB_CLIENT_ID");
        assertThat(Field.CLIENT_SECRET.environmentKeys()).containsExactly("GITHUB_CLIENT_SECRET");
        assertThat(Field.REDIRECT_URI.environmentKeys()).containsExactly("GITHUB_REDIRECT_URI");
        assertThat(Field.TOKEN.environmentKeys()).containsExactly("GITHUB_TOKEN", "GITHUB_API_TOKEN");
        assertThat(Field.AUTHORIZATION_URL.defaultValue()).isEqualTo(DEFAULT_AUTHORIZE);
        assertThat(Field.TOKEN_URL.defaultValue()).isEqualTo(DEFAULT_TOKEN_URL);
        assertThat(Stream.of(Field.values()).map(Field::key))
                .containsExactly("authorization_url", "token_url", "client_id", "client_secret", "redirect_uri", "token",
                        "default_scope");
    }

    @Nested
    @DisplayName("defaults")
    class Defaults {
        @Test
        @DisplayName("with nothing set: GitHub's OAuth URLs, every other field null, no default scope")
        void emptyEnvironmentGivesSeedDefaults() {
            GithubAppCredentials credentials = GithubAppCredentials.fromEnvironment(Map.of());

            assertThat(credentials.authorizationUrl()).isEqualTo(URI.create(DEFAULT_AUTHORIZE));
            assertThat(credentials.tokenUrl()).isEqualTo(URI.create(DEFAULT_TOKEN_URL));
            assertThat(credentials.clientId()).isNull();
            assertThat(credentials.clientSecret()).isNull();
            assertThat(credentials.redirectUri()).isNull();
            assertThat(credentials.token()).isNull();
            assertThat(credentials.defaultScope()).isEmpty();
            assertThat(credentials.explicitFields()).isEmpty();
        }

        @Test
        @DisplayName("builder().build() without environment also applies the URL defaults")
        void builderAloneAppliesDefaults() {
            GithubAppCredentials credentials = GithubAppCredentials.builder().build();

            assertThat(credentials.authorizationUrl()).isEqualTo(URI.create(DEFAULT_AUTHORIZE));
            assertThat(credentials.tokenUrl()).isEqualTo(URI.create(DEFAULT_TOKEN_URL));
            assertThat(credentials.clientId()).isNull();
        }

        @Test
        @DisplayName("an environment with unrelated keys changes nothing")
        void unrelatedEnvironmentKeysAreIgnored() {
            GithubAppCredentials credentials = GithubAppCredentials.fromEnvironment(
                    Map.of("GITLAB_TOKEN", "x", "GITHUB_PAT", "not-an-app-credentials-key", "github_token", "lower-case"));

            assertThat(credentials).isEqualTo(GithubAppCredentials.fromEnvironment(Map.of()));
            assertThat(credentials.token()).isNull();
        }
    }

    @Nested
    @DisplayName("environment")
    class Environment {
        @ParameterizedTest(name = "{0} is read from {1}")
        @MethodSource("dev.integrations.github.auth.GithubAppCredentialsTest#seedFields")
        @DisplayName("every configuration field is read from its environment key")
        void everyFieldIsReadFromItsEnvKey(Field field, String envKey, String envValue, String explicitValue) {
            GithubAppCredentials credentials = GithubAppCredentials.fromEnvironment(Map.of(envKey, envValue));

            assertThat(read(credentials, field)).isEqualTo(envValue);
            assertThat(credentials.explicitFields()).doesNotContain(field);
        }

        @Test
        @DisplayName("GITHUB_AUTHORIZATION_URL beats its alias GITHUB_AUTHORIZE_URL")
        void authorizationUrlPrimaryKeyBeatsAlias() {
            GithubAppCredentials credentials = GithubAppCredentials.fromEnvironment(Map.of(
                    "GITHUB_AUTHORIZATION_URL", "https://primary.example.com/authorize",
                    "GITHUB_AUTHORIZE_URL", "https://alias.example.com/authorize"));

            assertThat(credentials.authorizationUrl()).isEqualTo(URI.create("https://primary.example.com/authorize"));
        }

        @Test
        @DisplayName("GITHUB_AUTHORIZE_URL alone sets the authorization URL")
        void authorizationUrlAliasAloneWorks() {
            GithubAppCredentials credentials = GithubAppCredentials.fromEnvironment(
                    Map.of("GITHUB_AUTHORIZE_URL", "https://alias.example.com/authorize"));

            assertThat(credentials.authorizationUrl()).isEqualTo(URI.create("https://alias.example.com/authorize"));
        }

        @Test
        @DisplayName("GITHUB_TOKEN beats its alias GITHUB_API_TOKEN")
        void tokenPrimaryKeyBeatsAlias() {
            GithubAppCredentials credentials = GithubAppCredentials.fromEnvironment(
                    Map.of("GITHUB_TOKEN", "primary-token", "GITHUB_API_TOKEN", "alias-token"));

            assertThat(credentials.token()).isEqualTo("primary-token");
        }

        @Test
        @DisplayName("GITHUB_API_TOKEN alone sets the token")
        void tokenAliasAloneWorks() {
            GithubAppCredentials credentials = GithubAppCredentials.fromEnvironment(Map.of("GITHUB_API_TOKEN", "alias-token"));

            assertThat(credentials.token()).isEqualTo("alias-token");
        }

        @ParameterizedTest(name = "blank value \"{0}\"")
        @ValueSource(strings = {"", " ", "\t", "  \n "})
        @DisplayName("a blank primary key counts as unset, so the alias is used")
        void blankPrimaryKeyFallsThroughToAlias(String blank) {
            GithubAppCredentials credentials = GithubAppCredentials.fromEnvironment(Map.of(
                    "GITHUB_AUTHORIZATION_URL", blank, "GITHUB_AUTHORIZE_URL", "https://alias.example.com/authorize",
                    "GITHUB_TOKEN", blank, "GITHUB_API_TOKEN", "alias-token"));

            assertThat(credentials.authorizationUrl()).isEqualTo(URI.create("https://alias.example.com/authorize"));
            assertThat(credentials.token()).isEqualTo("alias-token");
        }

        @Test
        @DisplayName("blank values count as unset: URL fields keep their defaults, others stay null")
        void blankValuesCountAsUnset() {
            Map<String, String> env = new HashMap<>();
            for (Field field : Field.values()) {
                for (String key : field.environmentKeys()) {
                    env.put(key, "   ");
                }
            }

            GithubAppCredentials credentials = GithubAppCredentials.fromEnvironment(env);

            assertThat(credentials).isEqualTo(GithubAppCredentials.fromEnvironment(Map.of()));
            assertThat(credentials.authorizationUrl()).isEqualTo(URI.create(DEFAULT_AUTHORIZE));
            assertThat(credentials.clientId()).isNull();
            assertThat(credentials.token()).isNull();
        }

        @Test
        @DisplayName("surrounding whitespace in environment values is trimmed")
        void environmentValuesAreTrimmed() {
            GithubAppCredentials credentials = GithubAppCredentials.fromEnvironment(
                    Map.of("GITHUB_CLIENT_ID", "  Iv1.abc \n", "GITHUB_TOKEN_URL", " https://env.example.com/token "));

            assertThat(credentials.clientId()).isEqualTo("Iv1.abc");
            assertThat(credentials.tokenUrl()).isEqualTo(URI.create("https://env.example.com/token"));
        }

        @ParameterizedTest(name = "{0}={1}")
        @MethodSource("malformedUrls")
        @DisplayName("a malformed URL in the environment is refused, naming the environment key")
        void malformedUrlNamesTheEnvKey(String envKey, String value) {
            assertThatThrownBy(() -> GithubAppCredentials.fromEnvironment(Map.of(envKey, value)))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining(envKey);
        }

        static Stream<Arguments> malformedUrls() {
            return Stream.of(
                    Arguments.of("GITHUB_AUTHORIZATION_URL", "not a url"),
                    Arguments.of("GITHUB_AUTHORIZE_URL", "github.com/login/oauth/authorize"),
                    Arguments.of("GITHUB_TOKEN_URL", "ftp://github.com/token"),
                    Arguments.of("GITHUB_REDIRECT_URI", "/relative/callback"),
                    Arguments.of("GITHUB_REDIRECT_URI", "http://[broken"));
        }

        @Test
        @DisplayName("a malformed URL in the environment is not checked when an explicit value wins")
        void malformedEnvIgnoredWhenExplicitValueGiven() {
            GithubAppCredentials credentials = GithubAppCredentials.builder()
                    .tokenUrl("https://explicit.example.com/token").build()
                    .withEnvironment(Map.of("GITHUB_TOKEN_URL", "not a url"));

            assertThat(credentials.tokenUrl()).isEqualTo(URI.create("https://explicit.example.com/token"));
        }
    }

    @Nested
    @DisplayName("explicit values")
    class Explicit {
        static Stream<Arguments> buildersAndMaps() {
            return seedFields().flatMap(args -> {
                Object[] a = args.get();
                Field field = (Field) a[0];
                String explicit = (String) a[3];
                Function<String, GithubAppCredentials> viaBuilder = value -> {
                    GithubAppCredentials.Builder b = GithubAppCredentials.builder();
                    switch (field) {
                        case AUTHORIZATION_URL -> b.authorizationUrl(value);
                        case TOKEN_URL -> b.tokenUrl(value);
                        case CLIENT_ID -> b.clientId(value);
                        case CLIENT_SECRET -> b.clientSecret(value);
                        case REDIRECT_URI -> b.redirectUri(value);
                        case TOKEN -> b.token(value);
                        default -> throw new AssertionError(field);
                    }
                    return b.build();
                };
                Function<String, GithubAppCredentials> viaMap = value -> GithubAppCredentials.fromMap(Map.of(field.key(), value));
                return Stream.of(Arguments.of("builder", field, a[1], a[2], explicit, viaBuilder),
                        Arguments.of("fromMap", field, a[1], a[2], explicit, viaMap));
            });
        }

        @ParameterizedTest(name = "{0}: {1} beats {2}")
        @MethodSource("buildersAndMaps")
        @DisplayName("an explicit value beats the environment, for every configuration field")
        void explicitBeatsEnvironment(String how, Field field, String envKey, String envValue, String explicitValue,
                                      Function<String, GithubAppCredentials> make) {
            GithubAppCredentials credentials = make.apply(explicitValue).withEnvironment(Map.of(envKey, envValue));

            assertThat(read(credentials, field)).isEqualTo(explicitValue);
            assertThat(credentials.explicitFields()).containsExactly(field);
        }

        @Test
        @DisplayName("an explicit authorization URL beats both its environment keys")
        void explicitAuthorizationUrlBeatsBothEnvKeys() {
            GithubAppCredentials credentials = GithubAppCredentials.builder()
                    .authorizationUrl("https://explicit.example.com/authorize").build()
                    .withEnvironment(Map.of("GITHUB_AUTHORIZATION_URL", "https://primary.example.com/authorize",
                            "GITHUB_AUTHORIZE_URL", "https://alias.example.com/authorize"));

            assertThat(credentials.authorizationUrl()).isEqualTo(URI.create("https://explicit.example.com/authorize"));
        }

        @Test
        @DisplayName("an explicit token beats both GITHUB_TOKEN and GITHUB_API_TOKEN")
        void explicitTokenBeatsBothEnvKeys() {
            GithubAppCredentials credentials = GithubAppCredentials.fromMap(Map.of("token", "explicit-token"))
                    .withEnvironment(Map.of("GITHUB_TOKEN", "primary", "GITHUB_API_TOKEN", "alias"));

            assertThat(credentials.token()).isEqualTo("explicit-token");
        }

        @Test
        @DisplayName("builder: partial explicit configuration takes every other field from the environment, field by field")
        void partialBuilderTakesTheRestFromEnvironment() {
            Map<String, String> env = Map.of(
                    "GITHUB_CLIENT_ID", "env-id",
                    "GITHUB_CLIENT_SECRET", "env-secret",
                    "GITHUB_REDIRECT_URI", "https://env.example.com/callback",
                    "GITHUB_API_TOKEN", "env-token",
                    "GITHUB_AUTHORIZE_URL", "https://env.example.com/authorize");

            GithubAppCredentials credentials = GithubAppCredentials.builder()
                    .clientId("code-id").redirectUri("https://code.example.com/callback").build()
                    .withEnvironment(env);

            assertThat(credentials.clientId()).isEqualTo("code-id");
            assertThat(credentials.redirectUri()).isEqualTo(URI.create("https://code.example.com/callback"));
            assertThat(credentials.clientSecret()).isEqualTo("env-secret");
            assertThat(credentials.token()).isEqualTo("env-token");
            assertThat(credentials.authorizationUrl()).isEqualTo(URI.create("https://env.example.com/authorize"));
            assertThat(credentials.tokenUrl()).isEqualTo(URI.create(DEFAULT_TOKEN_URL));
            assertThat(credentials.explicitFields()).containsExactlyInAnyOrder(Field.CLIENT_ID, Field.REDIRECT_URI);
        }

        @Test
        @DisplayName("fromMap: partial explicit configuration takes every other field from the environment, field by field")
        void partialMapTakesTheRestFromEnvironment() {
            Map<String, String> env = Map.of(
                    "GITHUB_CLIENT_ID", "env-id",
                    "GITHUB_CLIENT_SECRET", "env-secret",
                    "GITHUB_TOKEN_URL", "https://env.example.com/token",
                    "GITHUB_TOKEN", "env-token");

            GithubAppCredentials credentials = GithubAppCredentials
                    .fromMap(Map.of("client_secret", "map-secret", "authorization_url", "https://map.example.com/authorize"))
                    .withEnvironment(env);

            assertThat(credentials.clientSecret()).isEqualTo("map-secret");
            assertThat(credentials.authorizationUrl()).isEqualTo(URI.create("https://map.example.com/authorize"));
            assertThat(credentials.clientId()).isEqualTo("env-id");
            assertThat(credentials.tokenUrl()).isEqualTo(URI.create("https://env.example.com/token"));
            assertThat(credentials.token()).isEqualTo("env-token");
            assertThat(credentials.redirectUri()).isNull();
        }

        @Test
        @DisplayName("withEnvironment can be applied again: explicit fields keep winning, the rest follow the new environment")
        void withEnvironmentIsReappliedFromExplicitFieldsOnly() {
            GithubAppCredentials first = GithubAppCredentials.builder().clientId("code-id").build()
                    .withEnvironment(Map.of("GITHUB_CLIENT_ID", "env-1", "GITHUB_CLIENT_SECRET", "secret-1"));
            GithubAppCredentials second = first.withEnvironment(Map.of("GITHUB_CLIENT_SECRET", "secret-2"));

            assertThat(second.clientId()).isEqualTo("code-id");
            assertThat(second.clientSecret()).isEqualTo("secret-2");
        }

        @Test
        @DisplayName("blank or null explicit values count as unset, so the environment fills them")
        void blankExplicitValuesAreUnset() {
            Map<String, Object> map = new HashMap<>();
            map.put("client_id", "  ");
            map.put("token", null);

            GithubAppCredentials fromMap = GithubAppCredentials.fromMap(map)
                    .withEnvironment(Map.of("GITHUB_CLIENT_ID", "env-id", "GITHUB_TOKEN", "env-token"));
            GithubAppCredentials fromBuilder = GithubAppCredentials.builder().clientId("").token(null).build()
                    .withEnvironment(Map.of("GITHUB_CLIENT_ID", "env-id", "GITHUB_TOKEN", "env-token"));

            assertThat(fromMap.clientId()).isEqualTo("env-id");
            assertThat(fromMap.token()).isEqualTo("env-token");
            assertThat(fromMap.explicitFields()).isEmpty();
            assertThat(fromBuilder.clientId()).isEqualTo("env-id");
            assertThat(fromBuilder.token()).isEqualTo("env-token");
        }

        @Test
        @DisplayName("fromMap refuses unknown keys, naming them")
        void unknownMapKeysAreRefused() {
            assertThatThrownBy(() -> GithubAppCredentials.fromMap(Map.of("client_id", "x", "clientSecret", "y")))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("clientSecret")
                    .hasMessageContaining("client_secret");
        }

        @Test
        @DisplayName("a malformed explicit URL is refused with a ConfigurationException naming the field")
        void malformedExplicitUrlIsRefused() {
            assertThatThrownBy(() -> GithubAppCredentials.fromMap(Map.of("redirect_uri", "localhost:8080/callback")))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("redirect_uri");
            assertThatThrownBy(() -> GithubAppCredentials.builder().tokenUrl("mailto:someone@example.com"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("token_url");
        }

        @Test
        @DisplayName("a non-string value for a string field is refused")
        void nonStringValueIsRefused() {
            assertThatThrownBy(() -> GithubAppCredentials.fromMap(Map.of("client_id", 12345)))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("client_id");
        }
    }

    @Nested
    @DisplayName("default_scope")
    class DefaultScope {
        @Test
        @DisplayName("is read from a map as a list")
        void fromList() {
            GithubAppCredentials credentials = GithubAppCredentials.fromMap(Map.of("default_scope", List.of("repo", "read:org")));

            assertThat(credentials.defaultScope()).containsExactly("repo", "read:org");
        }

        @Test
        @DisplayName("is read from a map as a comma and/or space separated string")
        void fromSeparatedString() {
            GithubAppCredentials credentials = GithubAppCredentials.fromMap(Map.of("default_scope", "a,b c"));

            assertThat(credentials.defaultScope()).containsExactly("a", "b", "c");
        }

        @Test
        @DisplayName("is set by the builder and survives withEnvironment")
        void fromBuilder() {
            GithubAppCredentials credentials = GithubAppCredentials.builder().defaultScope("repo", "gist").build()
                    .withEnvironment(Map.of());

            assertThat(credentials.defaultScope()).containsExactly("repo", "gist");
            assertThat(credentials.explicitFields()).contains(Field.DEFAULT_SCOPE);
        }

        @Test
        @DisplayName("is immutable once built")
        void isImmutable() {
            List<String> scopes = new java.util.ArrayList<>(List.of("repo"));
            GithubAppCredentials credentials = GithubAppCredentials.builder().defaultScope(scopes).build();
            scopes.add("delete_repo");

            assertThat(credentials.defaultScope()).containsExactly("repo");
            assertThatThrownBy(() -> credentials.defaultScope().add("admin:org"))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    @DisplayName("secrets")
    class Secrets {
        private static final String SECRET_CANARY = "canary-secret-7f3a9c1e";
        private static final String TOKEN_CANARY = "ghp_canaryTOKEN0123456789";

        @Test
        @DisplayName("toString never prints the client secret or the token, whether explicit or from the environment")
        void toStringRedactsSecrets() {
            GithubAppCredentials explicit = GithubAppCredentials.builder().clientId("Iv1.public-id")
                    .clientSecret(SECRET_CANARY).token(TOKEN_CANARY).build();
            GithubAppCredentials fromEnv = GithubAppCredentials.fromEnvironment(
                    Map.of("GITHUB_CLIENT_SECRET", SECRET_CANARY, "GITHUB_API_TOKEN", TOKEN_CANARY));

            for (GithubAppCredentials credentials : List.of(explicit, fromEnv)) {
                assertThat(credentials.toString())
                        .doesNotContain(SECRET_CANARY)
                        .doesNotContain(TOKEN_CANARY)
                        .contains("<redacted>");
            }
            assertThat(explicit.toString()).contains("Iv1.public-id");
        }

        @Test
        @DisplayName("toString says 'unset' for absent secrets rather than implying one exists")
        void toStringMarksAbsentSecretsUnset() {
            assertThat(GithubAppCredentials.fromEnvironment(Map.of()).toString())
                    .contains("clientSecret=unset").contains("token=unset");
        }

        @Test
        @DisplayName("the error for a malformed token_url does not echo a secret configured beside it")
        void errorsDoNotLeakOtherFields() {
            assertThatThrownBy(() -> GithubAppCredentials.fromEnvironment(
                    Map.of("GITHUB_CLIENT_SECRET", SECRET_CANARY, "GITHUB_TOKEN_URL", "nope")))
                    .isInstanceOf(ConfigurationException.class)
                    .message().doesNotContain(SECRET_CANARY);
        }
    }

    @Test
    @DisplayName("toMap lists every resolved field under its snake_case key")
    void toMapUsesSeedKeys() {
        GithubAppCredentials credentials = GithubAppCredentials.fromEnvironment(
                Map.of("GITHUB_CLIENT_ID", "id", "GITHUB_REDIRECT_URI", "https://app.example.com/cb"));

        assertThat(credentials.toMap())
                .containsEntry("authorization_url", DEFAULT_AUTHORIZE)
                .containsEntry("token_url", DEFAULT_TOKEN_URL)
                .containsEntry("client_id", "id")
                .containsEntry("client_secret", null)
                .containsEntry("redirect_uri", "https://app.example.com/cb")
                .containsEntry("token", null)
                .containsEntry("default_scope", List.of());
    }
}
