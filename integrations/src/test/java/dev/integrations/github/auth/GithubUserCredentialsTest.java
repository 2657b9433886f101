package dev.integrations.github.auth;

import dev.integrations.auth.InvalidCredentialsException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("GithubUserCredentials")
class GithubUserCredentialsTest {
    private static final String ACCESS_CANARY = "ghu_CANARYaccess0123456789abcdef";
    private static final String REFRESH_CANARY = "ghr_CANARYrefresh0123456789abcdef";
    private static final String ID_CANARY = "eyJCANARYidtoken.payload.signature";

    private static GithubUserCredentials full(Instant expiresAt) {
        return GithubUserCredentials.builder()
                .accessToken(ACCESS_CANARY).tokenType("bearer").refreshToken(REFRESH_CANARY)
                .scope("repo", "gist").expiresIn(28800L).expiresAt(expiresAt).idToken(ID_CANARY)
                .raw(Map.of("refresh_token_expires_in", 15897600L, "nested", Map.of("k", List.of(1L, "two"))))
                .build();
    }

    @Nested
    @DisplayName("map form")
    class MapForm {
        @Test
        @DisplayName("toMap uses snake_case keys, with expires_at as epoch seconds")
        @SuppressWarnings("unchecked")
        void toMapUsesSeedKeys() {
            Map<String, Object> map = full(Instant.ofEpochSecond(1_700_000_000L)).toMap();

            assertThat(map).containsOnlyKeys("access_token", "token_type", "refresh_token", "scope", "expires_in",
                    "expires_at", "id_token", "raw");
            assertThat(map)
                    .containsEntry("access_token", ACCESS_CANARY)
                    .containsEntry("token_type", "bearer")
                    .containsEntry("refresh_token", REFRESH_CANARY)
                    .containsEntry("scope", List.of("repo", "gist"))
                    .containsEntry("expires_in", 28800L)
                    .containsEntry("expires_at", 1_700_000_000L)
                    .containsEntry("id_token", ID_CANARY);
            assertThat((Map<String, Object>) map.get("raw")).containsEntry("refresh_token_expires_in", 15897600L);
        }

        @Test
        @DisplayName("fromMap(toMap()) round-trips every field")
        void roundTripsEveryField() {
            GithubUserCredentials original = full(Instant.ofEpochSecond(1_700_000_000L));

            GithubUserCredentials copy = GithubUserCredentials.fromMap(original.toMap());

            assertThat(copy).isEqualTo(original);
            assertThat(copy.accessToken()).isEqualTo(ACCESS_CANARY);
            assertThat(copy.refreshToken()).isEqualTo(REFRESH_CANARY);
            assertThat(copy.idToken()).isEqualTo(ID_CANARY);
            assertThat(copy.scope()).containsExactly("repo", "gist");
            assertThat(copy.expiresIn()).isEqualTo(28800L);
            assertThat(copy.raw()).isEqualTo(original.raw());
        }

        @Test
        @DisplayName("a fractional expires_at is written as fractional epoch seconds and read back to the millisecond")
        void fractionalExpiresAtRoundTrips() {
            Instant expiresAt = Instant.ofEpochSecond(1_700_000_000L, 123_000_000);
            GithubUserCredentials original = full(expiresAt);

            Object written = original.toMap().get("expires_at");
            GithubUserCredentials copy = GithubUserCredentials.fromMap(original.toMap());

            assertThat(written).isInstanceOf(Double.class);
            assertThat(((Number) written).doubleValue()).isEqualTo(1_700_000_000.123);
            assertThat(copy.expiresAt()).isEqualTo(expiresAt);
            assertThat(copy).isEqualTo(original);
        }

        @Test
        @DisplayName("expires_at may be read as an integer, a fraction, or a numeric string")
        void expiresAtForms() {
            assertThat(GithubUserCredentials.fromMap(Map.of("expires_at", 1_700_000_000)).expiresAt())
                    .isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
            assertThat(GithubUserCredentials.fromMap(Map.of("expires_at", 1_700_000_000.5)).expiresAt())
                    .isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 500_000_000));
            assertThat(GithubUserCredentials.fromMap(Map.of("expires_at", " 1700000000.25 ")).expiresAt())
                    .isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 250_000_000));
        }

        @Test
        @DisplayName("absent fields read as null, token_type as Bearer, raw as empty")
        void absentFields() {
            GithubUserCredentials credentials = GithubUserCredentials.fromMap(Map.of("access_token", "t"));

            assertThat(credentials.tokenType()).isEqualTo("Bearer");
            assertThat(credentials.refreshToken()).isNull();
            assertThat(credentials.scope()).isNull();
            assertThat(credentials.expiresIn()).isNull();
            assertThat(credentials.expiresAt()).isNull();
            assertThat(credentials.idToken()).isNull();
            assertThat(credentials.raw()).isEmpty();
            assertThat(credentials.toMap()).containsEntry("expires_at", null).containsEntry("token_type", "Bearer");
        }

        @Test
        @DisplayName("keys this version does not know are kept in raw, beside the given raw entries")
        void unknownKeysPreservedInRaw() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("access_token", "t");
            map.put("raw", Map.of("refresh_token_expires_in", 100L));
            map.put("installation_id", 42L);
            map.put("future_field", Map.of("a", "b"));

            GithubUserCredentials credentials = GithubUserCredentials.fromMap(map);

            assertThat(credentials.raw())
                    .containsEntry("refresh_token_expires_in", 100L)
                    .containsEntry("installation_id", 42L)
                    .containsEntry("future_field", Map.of("a", "b"));
            assertThat(GithubUserCredentials.fromMap(credentials.toMap()).raw()).isEqualTo(credentials.raw());
        }

        @Test
        @DisplayName("raw is a deep, unmodifiable copy")
        void rawIsCopied() {
            Map<String, Object> raw = new HashMap<>();
            raw.put("k", "v");
            GithubUserCredentials credentials = GithubUserCredentials.builder().accessToken("t").raw(raw).build();
            raw.put("k", "changed");

            assertThat(credentials.raw()).containsEntry("k", "v");
            assertThatThrownBy(() -> credentials.raw().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    @DisplayName("token_type defaults to Bearer when null or blank")
    void defaultTokenType() {
        assertThat(GithubUserCredentials.ofToken("t").tokenType()).isEqualTo("Bearer");
        assertThat(GithubUserCredentials.builder().tokenType("  ").build().tokenType()).isEqualTo("Bearer");
        assertThat(GithubUserCredentials.fromMap(Map.of("token_type", "bearer")).tokenType()).isEqualTo("bearer");
    }

    @Nested
    @DisplayName("scope")
    class Scope {
        static Stream<Arguments> forms() {
            return Stream.of(Arguments.of("repo,gist"), Arguments.of("repo gist"), Arguments.of("repo, gist"),
                    Arguments.of(List.of("repo", "gist")));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("forms")
        @DisplayName("is parsed from GitHub's comma form, the space form and a list")
        void parsed(Object form) {
            assertThat(GithubUserCredentials.fromMap(Map.of("scope", form)).scope()).containsExactly("repo", "gist");
            assertThat(GithubUserCredentials.fromTokenResponse(Map.of("access_token", "t", "scope", form), Instant.EPOCH)
                    .scope()).containsExactly("repo", "gist");
        }

        @Test
        @DisplayName("an empty scope string means no scopes granted, not unknown")
        void emptyString() {
            assertThat(GithubUserCredentials.fromMap(Map.of("scope", "")).scope()).isEmpty();
        }
    }

    @Nested
    @DisplayName("fromTokenResponse")
    class FromTokenResponse {
        private final Instant requestedAt = Instant.parse("2024-05-01T12:00:00Z");

        @Test
        @DisplayName("computes expiresAt as requestedAt + expires_in")
        void computesExpiresAt() {
            GithubUserCredentials credentials = GithubUserCredentials.fromTokenResponse(
                    Map.of("access_token", ACCESS_CANARY, "expires_in", 28800, "token_type", "bearer"), requestedAt);

            assertThat(credentials.expiresIn()).isEqualTo(28800L);
            assertThat(credentials.expiresAt()).isEqualTo(requestedAt.plusSeconds(28800));
            assertThat(credentials.tokenType()).isEqualTo("bearer");
        }

        @Test
        @DisplayName("expires_in sent as a form string is understood")
        void expiresInAsString() {
            GithubUserCredentials credentials = GithubUserCredentials.fromTokenResponse(
                    Map.of("access_token", "t", "expires_in", "3600"), requestedAt);

            assertThat(credentials.expiresAt()).isEqualTo(requestedAt.plusSeconds(3600));
        }

        @Test
        @DisplayName("a token without expires_in never expires")
        void noExpiry() {
            GithubUserCredentials credentials = GithubUserCredentials.fromTokenResponse(
                    Map.of("access_token", "t", "scope", "repo"), requestedAt);

            assertThat(credentials.expiresAt()).isNull();
            assertThat(credentials.isExpired(Instant.MAX.minusSeconds(10), Duration.ZERO)).isFalse();
        }

        @Test
        @DisplayName("keeps non-secret extras in raw but never the tokens")
        void rawKeepsExtrasButNoTokens() {
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("access_token", ACCESS_CANARY);
            response.put("refresh_token", REFRESH_CANARY);
            response.put("id_token", ID_CANARY);
            response.put("expires_in", 28800);
            response.put("refresh_token_expires_in", 15897600);
            response.put("scope", "");
            response.put("token_type", "bearer");

            GithubUserCredentials credentials = GithubUserCredentials.fromTokenResponse(response, requestedAt);

            assertThat(credentials.accessToken()).isEqualTo(ACCESS_CANARY);
            assertThat(credentials.refreshToken()).isEqualTo(REFRESH_CANARY);
            assertThat(credentials.idToken()).isEqualTo(ID_CANARY);
            assertThat(credentials.raw()).containsOnlyKeys("refresh_token_expires_in");
            assertThat(credentials.raw().toString())
                    .doesNotContain(ACCESS_CANARY).doesNotContain(REFRESH_CANARY).doesNotContain(ID_CANARY);
        }
    }

    @Nested
    @DisplayName("invalid maps")
    class Invalid {
        static Stream<Arguments> wrongTypes() {
            return Stream.of(
                    Arguments.of("expires_in is not a number", Map.of("access_token", ACCESS_CANARY, "expires_in", "abc")),
                    Arguments.of("access_token is a number", Map.of("access_token", 5, "refresh_token", REFRESH_CANARY)),
                    Arguments.of("refresh_token is a list", Map.of("access_token", ACCESS_CANARY, "refresh_token", List.of(REFRESH_CANARY))),
                    Arguments.of("raw is not a map", Map.of("access_token", ACCESS_CANARY, "raw", "raw-" + ACCESS_CANARY)),
                    Arguments.of("raw is a list", Map.of("access_token", ACCESS_CANARY, "raw", List.of(ACCESS_CANARY))),
                    Arguments.of("expires_at is not numeric", Map.of("access_token", ACCESS_CANARY, "expires_at", "tomorrow")),
                    Arguments.of("expires_at is a boolean", Map.of("access_token", ACCESS_CANARY, "expires_at", true)),
                    Arguments.of("expires_at is beyond any instant", Map.of("access_token", ACCESS_CANARY, "expires_at", 1e20)),
                    Arguments.of("expires_at wraps a long", Map.of("access_token", ACCESS_CANARY, "expires_at", new java.math.BigInteger("18446744073709551621"))),
                    Arguments.of("expires_at is NaN", Map.of("access_token", ACCESS_CANARY, "expires_at", Double.NaN)),
                    Arguments.of("scope is a number", Map.of("access_token", ACCESS_CANARY, "scope", 7)),
                    Arguments.of("scope holds a non-string", Map.of("access_token", ACCESS_CANARY, "scope", List.of("repo", 7))),
                    Arguments.of("id_token is a map", Map.of("access_token", ACCESS_CANARY, "id_token", Map.of("jwt", ID_CANARY))));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("wrongTypes")
        @DisplayName("a field of the wrong type is an InvalidCredentialsException that quotes no token")
        void wrongTypeIsInvalidCredentials(String why, Map<String, Object> map) {
            assertThatThrownBy(() -> GithubUserCredentials.fromMap(map))
                    .isInstanceOf(InvalidCredentialsException.class)
                    .satisfies(e -> assertThat(e.getMessage())
                            .doesNotContain(ACCESS_CANARY)
                            .doesNotContain(REFRESH_CANARY)
                            .doesNotContain(ID_CANARY));
        }

        @Test
        @DisplayName("the message names the offending field")
        void messageNamesField() {
            assertThatThrownBy(() -> GithubUserCredentials.fromMap(Map.of("expires_in", "abc")))
                    .isInstanceOf(InvalidCredentialsException.class)
                    .hasMessageContaining("expires_in");
            assertThatThrownBy(() -> GithubUserCredentials.fromMap(Map.of("access_token", 5)))
                    .isInstanceOf(InvalidCredentialsException.class)
                    .hasMessageContaining("access_token");
            assertThatThrownBy(() -> GithubUserCredentials.fromMap(Map.of("raw", 1)))
                    .isInstanceOf(InvalidCredentialsException.class)
                    .hasMessageContaining("raw");
        }
    }

    @Nested
    @DisplayName("isExpired")
    class IsExpired {
        private final Instant expiresAt = Instant.parse("2024-05-01T20:00:00Z");
        private final GithubUserCredentials credentials = GithubUserCredentials.builder().accessToken("t")
                .expiresAt(expiresAt).build();

        @Test
        @DisplayName("is false well before expiry and true at and after it")
        void withoutSkew() {
            assertThat(credentials.isExpired(expiresAt.minusSeconds(1), Duration.ZERO)).isFalse();
            assertThat(credentials.isExpired(expiresAt, Duration.ZERO)).isTrue();
            assertThat(credentials.isExpired(expiresAt.plusSeconds(1), Duration.ZERO)).isTrue();
        }

        @Test
        @DisplayName("treats a token expiring within the skew as already expired")
        void withSkew() {
            Instant now = expiresAt.minusSeconds(30);

            assertThat(credentials.isExpired(now, Duration.ofSeconds(60))).isTrue();
            assertThat(credentials.isExpired(now, Duration.ofSeconds(30))).isTrue();
            assertThat(credentials.isExpired(now, Duration.ofSeconds(29))).isFalse();
        }

        @Test
        @DisplayName("credentials without expiresAt never expire")
        void noExpiry() {
            assertThat(GithubUserCredentials.ofToken("t").isExpired(Instant.now(), Duration.ofDays(365))).isFalse();
        }
    }

    @Test
    @DisplayName("toString never prints the access, refresh or id token, but shows the non-secret fields")
    void toStringRedactsTokens() {
        GithubUserCredentials credentials = full(Instant.ofEpochSecond(1_700_000_000L));

        assertThat(credentials.toString())
                .doesNotContain(ACCESS_CANARY)
                .doesNotContain(REFRESH_CANARY)
                .doesNotContain(ID_CANARY)
                .contains("<redacted>")
                .contains("repo")
                .contains("refresh_token_expires_in");
        assertThat(GithubUserCredentials.fromMap(Map.of("access_token", ACCESS_CANARY, "x_secret", ACCESS_CANARY)).toString())
                .as("values in raw are not printed either")
                .doesNotContain(ACCESS_CANARY);
    }
}
