package dev.integrations.github;

import dev.integrations.core.ConfigurationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("GithubSettings")
class GithubSettingsTest {

    @Test
    @DisplayName("defaults: unauthenticated, Bearer, api.github.com, 10 s timeout")
    void defaults() {
        GithubSettings settings = GithubSettings.fromEnvironment(Map.of());

        assertThat(settings.token()).isNull();
        assertThat(settings.authorizationScheme()).isEqualTo("Bearer");
        assertThat(settings.baseUrl()).isEqualTo(URI.create("https://api.github.com"));
        assertThat(settings.userAgent()).isEqualTo(GithubSettings.DEFAULT_USER_AGENT);
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.apiVersion()).isEqualTo("2022-11-28");
        assertThat(settings).isEqualTo(GithubSettings.defaults());
    }

    @Nested
    @DisplayName("token")
    class Token {
        private final List<String> keys = List.of("GITHUB_TOKEN", "GITHUB_PAT", "GITHUB_OAUTH_TOKEN", "GITHUB_APP_TOKEN");

        @Test
        @DisplayName("env keys are GITHUB_TOKEN, GITHUB_PAT, GITHUB_OAUTH_TOKEN, GITHUB_APP_TOKEN in that order")
        void envKeysInOrder() {
            assertThat(GithubSettings.TOKEN_ENV).containsExactlyElementsOf(keys);
        }

        @ParameterizedTest(name = "{0} wins over the keys after it")
        @ValueSource(ints = {0, 1, 2, 3})
        @DisplayName("the first set key wins over every later one")
        void firstSetKeyWins(int winner) {
            Map<String, String> env = new HashMap<>();
            for (int i = winner; i < keys.size(); i++) {
                env.put(keys.get(i), "token-from-" + keys.get(i));
            }

            assertThat(GithubSettings.fromEnvironment(env).token()).isEqualTo("token-from-" + keys.get(winner));
        }

        @ParameterizedTest(name = "{0} alone")
        @ValueSource(strings = {"GITHUB_TOKEN", "GITHUB_PAT", "GITHUB_OAUTH_TOKEN", "GITHUB_APP_TOKEN"})
        @DisplayName("each key alone supplies the token")
        void eachKeyAlone(String key) {
            assertThat(GithubSettings.fromEnvironment(Map.of(key, "t-" + key)).token()).isEqualTo("t-" + key);
        }

        @Test
        @DisplayName("blank keys are skipped in favour of the next set one")
        void blankKeysAreSkipped() {
            Map<String, String> env = Map.of("GITHUB_TOKEN", " ", "GITHUB_PAT", "", "GITHUB_OAUTH_TOKEN", "oauth");

            assertThat(GithubSettings.fromEnvironment(env).token()).isEqualTo("oauth");
        }
    }

    @Nested
    @DisplayName("authorizationScheme")
    class AuthorizationScheme {
        @Test
        @DisplayName("is read from GITHUB_TOKEN_TYPE")
        void envKey() {
            assertThat(GithubSettings.AUTHORIZATION_SCHEME_ENV).containsExactly("GITHUB_TOKEN_TYPE");
            assertThat(GithubSettings.fromEnvironment(Map.of("GITHUB_TOKEN_TYPE", "token")).authorizationScheme())
                    .isEqualTo("token");
        }

        @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
        @CsvSource({"bearer,Bearer", "BEARER,Bearer", "Bearer,Bearer", "Token,token", "' bearer ',Bearer"})
        @DisplayName("GitHub's lower-case 'bearer' and other casings are normalised")
        void normalised(String given, String expected) {
            assertThat(GithubSettings.fromEnvironment(Map.of("GITHUB_TOKEN_TYPE", given)).authorizationScheme())
                    .isEqualTo(expected);
            assertThat(GithubSettings.builder().authorizationScheme(given).build().authorizationScheme()).isEqualTo(expected);
        }

        @Test
        @DisplayName("defaults to Bearer when unset or blank")
        void defaultsToBearer() {
            assertThat(GithubSettings.fromEnvironment(Map.of("GITHUB_TOKEN_TYPE", "  ")).authorizationScheme())
                    .isEqualTo("Bearer");
        }
    }

    @Nested
    @DisplayName("baseUrl")
    class BaseUrl {
        @Test
        @DisplayName("is read from GITHUB_BASE_URL")
        void envKey() {
            assertThat(GithubSettings.BASE_URL_ENV).containsExactly("GITHUB_BASE_URL");
            assertThat(GithubSettings.fromEnvironment(Map.of("GITHUB_BASE_URL", "https://ghe.example.com/api/v3")).baseUrl())
                    .isEqualTo(URI.create("https://ghe.example.com/api/v3"));
        }

        @Test
        @DisplayName("a trailing slash is stripped, from the environment, a map or the builder")
        void trailingSlashStripped() {
            URI expected = URI.create("https://ghe.example.com/api/v3");

            assertThat(GithubSettings.fromEnvironment(Map.of("GITHUB_BASE_URL", "https://ghe.example.com/api/v3/")).baseUrl())
                    .isEqualTo(expected);
            assertThat(GithubSettings.fromMap(Map.of("base_url", "https://ghe.example.com/api/v3/")).baseUrl())
                    .isEqualTo(expected);
            assertThat(GithubSettings.builder().baseUrl("https://ghe.example.com/api/v3/").build().baseUrl())
                    .isEqualTo(expected);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"api.github.com", "not a url", "ftp://ghe.example.com"})
        @DisplayName("a malformed base URL is refused with a ConfigurationException naming base_url")
        void malformedRefused(String value) {
            assertThatThrownBy(() -> GithubSettings.fromEnvironment(Map.of("GITHUB_BASE_URL", value)))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("base_url");
        }
    }

    @Nested
    @DisplayName("userAgent")
    class UserAgent {
        @Test
        @DisplayName("is read from GITHUB_USER_AGENT, else the SDK default")
        void envKeyAndDefault() {
            assertThat(GithubSettings.USER_AGENT_ENV).containsExactly("GITHUB_USER_AGENT");
            assertThat(GithubSettings.fromEnvironment(Map.of("GITHUB_USER_AGENT", "my-bot/1.0")).userAgent())
                    .isEqualTo("my-bot/1.0");
            assertThat(GithubSettings.fromEnvironment(Map.of()).userAgent()).isEqualTo("integrations-java");
        }
    }

    @Nested
    @DisplayName("timeout")
    class Timeout {
        @ParameterizedTest(name = "GITHUB_TIMEOUT=\"{0}\" is {1} ms")
        @CsvSource({"10,10000", "2.5,2500", "500ms,500", "PT3S,3000", "pt3s,3000", "10s,10000", "2m,120000", "' 7 ',7000"})
        @DisplayName("accepts seconds, fractional seconds, units and ISO-8601")
        void accepts(String value, long millis) {
            assertThat(GithubSettings.TIMEOUT_ENV).containsExactly("GITHUB_TIMEOUT");
            assertThat(GithubSettings.fromEnvironment(Map.of("GITHUB_TIMEOUT", value)).timeout())
                    .isEqualTo(Duration.ofMillis(millis));
        }

        @Test
        @DisplayName("defaults to 10 seconds")
        void defaultsToTenSeconds() {
            assertThat(GithubSettings.fromEnvironment(Map.of("GITHUB_TIMEOUT", "")).timeout()).isEqualTo(Duration.ofSeconds(10));
        }

        @Test
        @DisplayName("a map may give a Duration or a number of seconds")
        void typedValuesFromMap() {
            assertThat(GithubSettings.fromMap(Map.of("timeout", Duration.ofMillis(1500))).timeout())
                    .isEqualTo(Duration.ofMillis(1500));
            assertThat(GithubSettings.fromMap(Map.of("timeout", 3)).timeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(GithubSettings.fromMap(Map.of("timeout", 0.25)).timeout()).isEqualTo(Duration.ofMillis(250));
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"soon", "ten", "1.5ms", "P", "PTXS", "0", "-5", "0ms", "NaN"})
        @DisplayName("an invalid or non-positive timeout is refused with a ConfigurationException naming timeout")
        void invalidRefused(String value) {
            assertThatThrownBy(() -> GithubSettings.fromEnvironment(Map.of("GITHUB_TIMEOUT", value)))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("timeout");
        }
    }

    @Nested
    @DisplayName("fromMap")
    class FromMap {
        @Test
        @DisplayName("explicit values beat the environment, key by key; the rest come from the environment")
        void explicitBeatsEnvironment() {
            Map<String, String> env = Map.of("GITHUB_TOKEN", "env-token", "GITHUB_BASE_URL", "https://env.example.com",
                    "GITHUB_USER_AGENT", "env-agent", "GITHUB_TIMEOUT", "20");

            GithubSettings settings = GithubSettings.fromMap(
                    Map.of("token", "map-token", "timeout", "5s"), env);

            assertThat(settings.token()).isEqualTo("map-token");
            assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(settings.baseUrl()).isEqualTo(URI.create("https://env.example.com"));
            assertThat(settings.userAgent()).isEqualTo("env-agent");
        }

        @Test
        @DisplayName("a blank explicit value counts as unset, so the environment supplies it")
        void blankExplicitFallsBackToEnvironment() {
            GithubSettings settings = GithubSettings.fromMap(Map.of("token", " "), Map.of("GITHUB_PAT", "pat"));

            assertThat(settings.token()).isEqualTo("pat");
        }

        @Test
        @DisplayName("fromMap(map) alone ignores the environment")
        void mapAloneIgnoresEnvironment() {
            assertThat(GithubSettings.fromMap(Map.of("user_agent", "x")).token()).isNull();
        }

        @Test
        @DisplayName("unknown keys are refused, naming the key")
        void unknownKeyRefused() {
            assertThatThrownBy(() -> GithubSettings.fromMap(Map.of("baseUrl", "https://x.example.com")))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("baseUrl")
                    .hasMessageContaining("base_url");
        }
    }

    @Nested
    @DisplayName("withChanges")
    class WithChanges {
        private final GithubSettings base = GithubSettings.builder().token("base-token")
                .baseUrl("https://ghe.example.com/api/v3").timeout(Duration.ofSeconds(30)).userAgent("bot").build();

        @Test
        @DisplayName("merges changes over the current settings, keeping the others")
        void merges() {
            GithubSettings changed = base.withChanges(Map.of("timeout", "2s"));

            assertThat(changed.timeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(changed.token()).isEqualTo("base-token");
            assertThat(changed.baseUrl()).isEqualTo(URI.create("https://ghe.example.com/api/v3"));
            assertThat(changed.userAgent()).isEqualTo("bot");
            assertThat(base.timeout()).as("the original is immutable").isEqualTo(Duration.ofSeconds(30));
        }

        @Test
        @DisplayName("a null value restores the default")
        void nullRestoresDefault() {
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("timeout", null);
            changes.put("base_url", null);
            changes.put("token", null);

            GithubSettings changed = base.withChanges(changes);

            assertThat(changed.timeout()).isEqualTo(GithubSettings.DEFAULT_TIMEOUT);
            assertThat(changed.baseUrl()).isEqualTo(GithubSettings.DEFAULT_BASE_URL);
            assertThat(changed.token()).isNull();
            assertThat(changed.userAgent()).isEqualTo("bot");
        }

        @Test
        @DisplayName("an unknown key is refused")
        void unknownKeyRefused() {
            assertThatThrownBy(() -> base.withChanges(Map.of("tokn", "x")))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("tokn");
        }

        @Test
        @DisplayName("an invalid value is refused")
        void invalidValueRefused() {
            assertThatThrownBy(() -> base.withChanges(Map.of("timeout", "forever")))
                    .isInstanceOf(ConfigurationException.class);
        }
    }

    @Test
    @DisplayName("toString never prints the token")
    void toStringRedactsToken() {
        String canary = "ghp_CANARYsettings0123456789";
        GithubSettings settings = GithubSettings.fromEnvironment(Map.of("GITHUB_TOKEN", canary));

        assertThat(settings.token()).isEqualTo(canary);
        assertThat(settings.toString()).doesNotContain(canary).contains("<redacted>");
        assertThat(settings.withToken(canary + "2", "token").toString()).doesNotContain(canary);
        assertThat(GithubSettings.defaults().toString()).contains("token=none");
    }
}
