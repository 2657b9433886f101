package dev.integrations.github.auth;

import dev.integrations.AuthManager;
import dev.integrations.auth.InvalidCredentialsException;
import dev.integrations.auth.store.StoredCredentials;
import dev.integrations.internal.json.EpochSeconds;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Defect 6: a credential map (given with {@code withCredentials} or read back from a store) with
 * hostile values is refused quickly with {@link InvalidCredentialsException}: no JDK exception,
 * no forty-second BigDecimal expansion, and no token in the message.
 */
@DisplayName("defect 6: hostile values in credential maps")
class HostileCredentialMapValuesTest {
    private static final String CANARY = "gho_CANARY_map_7f3a2c";

    static Stream<Object> hostileExpiresAt() {
        return Stream.of("1e50000000", new BigDecimal("1e50000000"), "1e-50000000", new BigDecimal("1e-50000000"),
                Double.POSITIVE_INFINITY, Double.NaN, "1e999", "-1e999", "abc", "", "NaN", "Infinity", -1L, "-1",
                Long.MAX_VALUE, 1e30, "9".repeat(5_000), new BigInteger("9".repeat(100)), true, List.of(1),
                Map.of("s", 1), 253_402_300_800L);
    }

    static Stream<Object> hostileExpiresIn() {
        return Stream.of("1e50000000", new BigDecimal("1e50000000"), Double.POSITIVE_INFINITY, "1e999", "abc", -1L,
                "-5", Long.MAX_VALUE, 1e30, 28800.5, "9".repeat(5_000), new BigInteger("9".repeat(100)), true,
                List.of(28800));
    }

    private static Map<String, Object> map(String field, Object value) {
        Map<String, Object> map = new HashMap<>();
        map.put("access_token", CANARY);
        map.put(field, value);
        return map;
    }

    private static String describe(Object value) {
        String s = String.valueOf(value);
        return s.length() > 30 ? s.substring(0, 30) + "...(" + s.length() + " chars)" : s;
    }

    @ParameterizedTest(name = "expires_at: {0}")
    @Timeout(5)
    @MethodSource("hostileExpiresAt")
    @DisplayName("defect 6: a hostile expires_at is InvalidCredentialsException, fast, without the token")
    void defect6_hostileExpiresAtInAMap(Object value) {
        assertThatThrownBy(() -> GithubUserCredentials.fromMap(map("expires_at", value)))
                .as(describe(value))
                .isInstanceOf(InvalidCredentialsException.class)
                .hasMessageContaining("expires_at")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(CANARY));
        if (!(value instanceof String s && s.isEmpty())) {
            assertThat(StoredCredentials.expiresAtOf(map("expires_at", value))).isNull();
        }
    }

    @ParameterizedTest(name = "expires_in: {0}")
    @Timeout(5)
    @MethodSource("hostileExpiresIn")
    @DisplayName("defect 6: a hostile expires_in is InvalidCredentialsException, fast, without the token")
    void defect6_hostileExpiresInInAMap(Object value) {
        assertThatThrownBy(() -> GithubUserCredentials.fromMap(map("expires_in", value)))
                .isInstanceOf(InvalidCredentialsException.class)
                .hasMessageContaining("expires_in")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(CANARY));
    }

    @ParameterizedTest(name = "expires_in: {0}")
    @Timeout(5)
    @MethodSource("hostileExpiresIn")
    @DisplayName("defect 6: a token response with a hostile expires_in is InvalidCredentialsException, never a DateTimeException")
    void defect6_hostileExpiresInInATokenResponse(Object value) {
        assertThatThrownBy(() -> GithubUserCredentials.fromTokenResponse(map("expires_in", value), Instant.now()))
                .isInstanceOf(InvalidCredentialsException.class)
                .hasMessageContaining("expires_in")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(CANARY));
    }

    @Test
    @Timeout(5)
    @DisplayName("defect 6: scope: 5 in a map or a token response is InvalidCredentialsException")
    void defect6_scopeNumber() {
        assertThatThrownBy(() -> GithubUserCredentials.fromMap(map("scope", 5)))
                .isInstanceOf(InvalidCredentialsException.class).hasMessageContaining("scope");
        assertThatThrownBy(() -> GithubUserCredentials.fromTokenResponse(map("scope", 5), Instant.now()))
                .isInstanceOf(InvalidCredentialsException.class).hasMessageContaining("scope");
    }

    @Test
    @Timeout(10)
    @DisplayName("defect 6: a stored row with expires_at \"1e50000000\" fails to load at once, with a typed error")
    void defect6_storedRowWithHostileExpiresAt() {
        AuthManager auth = AuthManager.builder().environment(Map.of()).build();
        auth.credentialStore().set("github", "user-1", map("expires_at", "1e50000000"));

        assertThatThrownBy(() -> auth.loadCredentials("github", "user-1"))
                .isInstanceOf(InvalidCredentialsException.class)
                .hasMessageContaining("expires_at").hasMessageContaining("user-1")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(CANARY));
        assertThatThrownBy(() -> auth.session(s -> s.subject("user-1").providers("github")))
                .isInstanceOf(InvalidCredentialsException.class);
        assertThatThrownBy(() -> auth.session(s -> s.subject("user-2").providers("github")
                .withCredentials("github", map("expires_at", "1e50000000"))))
                .isInstanceOf(InvalidCredentialsException.class);
    }

    @Test
    @DisplayName("defect 6: sane forms still read: whole, fractional, numeric strings, and Jackson's double notation")
    void defect6_saneValuesStillRead() {
        assertThat(EpochSeconds.parse(1_700_000_000L, "expires_at")).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(EpochSeconds.parse(1.7000000005E9, "expires_at")).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 500_000_000));
        assertThat(EpochSeconds.parse("1.7E9", "expires_at")).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(EpochSeconds.parse(" 1700000000.25 ", "expires_at")).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 250_000_000));
        assertThat(EpochSeconds.parse(0, "expires_at")).isEqualTo(Instant.EPOCH);
        assertThat(EpochSeconds.parse(EpochSeconds.MAX_EPOCH_SECOND, "expires_at"))
                .isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
        assertThat(EpochSeconds.lifetime("28800", "expires_in")).isEqualTo(28800L);
        assertThat(EpochSeconds.lifetime(28800.0, "expires_in")).isEqualTo(28800L);
        assertThat(EpochSeconds.lifetime(" ", "expires_in")).isNull();
        Instant fractional = Instant.ofEpochSecond(1_700_000_000L, 123_000_000);
        assertThat(GithubUserCredentials.fromMap(GithubUserCredentials.builder().accessToken("t").expiresAt(fractional)
                .build().toMap()).expiresAt()).isEqualTo(fractional);
    }
}
