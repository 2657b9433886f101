package dev.integrations;

import dev.integrations.github.client.GithubClients;
import dev.integrations.core.ClientKey;
import dev.integrations.core.ConfigurationException;
import dev.integrations.core.IntegrationsException;

import dev.integrations.auth.MissingCredentialsException;
import dev.integrations.github.GithubClient;
import dev.integrations.github.GithubSettings;
import dev.integrations.http.HttpTransport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Integrations container and overrides")
class IntegrationsOverridesTest {
    private static final HttpTransport TRANSPORT = HttpTransport.create();

    private GithubSettings baseSettings;
    private Integrations integrations;

    @BeforeEach
    void setUp() {
        baseSettings = GithubSettings.builder().token("base-token").baseUrl("https://ghe.example.com/api/v3")
                .userAgent("base-agent").build();
        integrations = Integrations.builder()
                .environment(Map.of())
                .transport(TRANSPORT)
                .client(GithubClients.create(baseSettings, TRANSPORT))
                .build();
    }

    private GithubSettings github() {
        return integrations.github().settings();
    }

    @Test
    @DisplayName("github() returns the provider given to the builder")
    void githubReturnsProvider() {
        assertThat(github()).isEqualTo(baseSettings);
        assertThat(integrations.clientNames()).containsExactly("github");
    }

    @Nested
    @DisplayName("merge")
    class Merge {
        @Test
        @DisplayName("changes settings inside the scope and restores them after close")
        void mergeInsideScopeRestoredAfter() {
            try (Integrations.OverrideScope scope = integrations.overrides(o -> o.merge("github", Map.of("timeout", "30s")))) {
                assertThat(github().timeout()).isEqualTo(Duration.ofSeconds(30));
                assertThat(github().token()).as("unchanged settings are kept").isEqualTo("base-token");
                assertThat(github().baseUrl()).isEqualTo(URI.create("https://ghe.example.com/api/v3"));
            }
            assertThat(github()).isEqualTo(baseSettings);
        }

        @Test
        @DisplayName("keeps the same transport, so overrides never create HTTP clients")
        void mergeKeepsTransport() {
            try (var scope = integrations.overrides(o -> o.merge("github", Map.of("user_agent", "other")))) {
                assertThat(integrations.github().transport()).isSameAs(TRANSPORT);
            }
        }

        @Test
        @DisplayName("a null value restores that setting's default inside the scope")
        void mergeNullRestoresDefault() {
            Map<String, Object> changes = new HashMap<>();
            changes.put("base_url", null);
            try (var scope = integrations.overrides(o -> o.merge("github", changes))) {
                assertThat(github().baseUrl()).isEqualTo(GithubSettings.DEFAULT_BASE_URL);
                assertThat(github().token()).isEqualTo("base-token");
            }
            assertThat(github().baseUrl()).isEqualTo(URI.create("https://ghe.example.com/api/v3"));
        }

        @Test
        @DisplayName("merging into an absent provider is an error that suggests replace, and changes nothing")
        void mergeIntoAbsentProvider() {
            Integrations empty = Integrations.builder().environment(Map.of()).transport(TRANSPORT).build();

            assertThatThrownBy(() -> empty.overrides(o -> o.merge("github", Map.of("timeout", "5s"))))
                    .isInstanceOf(IntegrationsException.class)
                    .hasMessageContaining("github")
                    .hasMessageContaining("replace");
            assertThat(empty.find("github")).isEmpty();
            assertThatCode(() -> empty.overrides(o -> o.replace("github", Map.of())).close()).doesNotThrowAnyException();
        }

        @Test
        @DisplayName("a failing change in a batch applies none of the batch and opens no scope")
        void failingBatchIsAtomic() {
            assertThatThrownBy(() -> integrations.overrides(o -> o
                    .merge("github", Map.of("timeout", "30s"))
                    .merge("github", Map.of("not_a_setting", "x"))))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("not_a_setting");

            assertThat(github()).isEqualTo(baseSettings);
            try (var scope = integrations.overrides(o -> o.merge("github", Map.of("timeout", "1s")))) {
                assertThat(github().timeout()).isEqualTo(Duration.ofSeconds(1));
            }
        }
    }

    @Nested
    @DisplayName("replace")
    class Replace {
        @Test
        @DisplayName("with a map builds a fresh provider from those settings alone, then restores the original")
        void replaceWithMap() {
            try (var scope = integrations.overrides(o -> o.replace("github", Map.of("timeout", "3s")))) {
                assertThat(github().timeout()).isEqualTo(Duration.ofSeconds(3));
                assertThat(github().token()).as("nothing is inherited from the replaced provider").isNull();
                assertThat(github().baseUrl()).isEqualTo(GithubSettings.DEFAULT_BASE_URL);
            }
            assertThat(github()).isEqualTo(baseSettings);
        }

        @Test
        @DisplayName("with a map reads the container's environment for the keys it does not give")
        void replaceWithMapUsesContainerEnvironment() {
            Integrations withEnv = Integrations.builder().environment(Map.of("GITHUB_TOKEN", "env-token"))
                    .transport(TRANSPORT).client(GithubClients.create(baseSettings, TRANSPORT)).build();

            try (var scope = withEnv.overrides(o -> o.replace("github", Map.of("user_agent", "x")))) {
                assertThat(withEnv.github().settings().token()).isEqualTo("env-token");
            }
        }

        @Test
        @DisplayName("with an instance uses exactly that instance inside the scope")
        void replaceWithInstance() {
            GithubClient original = integrations.github();
            GithubClient replacement = GithubClients.create(GithubSettings.builder().token("other").build(), TRANSPORT);

            try (var scope = integrations.overrides(replacement)) {
                assertThat(integrations.github()).isSameAs(replacement);
            }
            assertThat(integrations.github()).isSameAs(original);
        }

        @Test
        @DisplayName("can add a provider that was not there and removes it again on close")
        void replaceAddsAbsentProvider() {
            Integrations empty = Integrations.builder().environment(Map.of()).transport(TRANSPORT).build();
            GithubClient provider = GithubClients.create(GithubSettings.defaults(), TRANSPORT);

            try (var scope = empty.overrides(provider)) {
                assertThat(empty.github()).isSameAs(provider);
            }
            assertThat(empty.find("github")).isEmpty();
            assertThatThrownBy(empty::github).isInstanceOf(IntegrationsException.class);
        }
    }

    @Nested
    @DisplayName("scopes")
    class Scopes {
        @Test
        @DisplayName("nest, and closing them in reverse order restores each level (LIFO)")
        void nestedScopesRestoreLifo() {
            Integrations.OverrideScope outer = integrations.overrides(o -> o.merge("github", Map.of("timeout", "20s")));
            Integrations.OverrideScope middle = integrations.overrides(o -> o.merge("github", Map.of("user_agent", "middle")));
            Integrations.OverrideScope inner = integrations.overrides(o -> o.merge("github", Map.of("timeout", "5s")));

            assertThat(github().timeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(github().userAgent()).isEqualTo("middle");

            inner.close();
            assertThat(github().timeout()).isEqualTo(Duration.ofSeconds(20));
            assertThat(github().userAgent()).isEqualTo("middle");

            middle.close();
            assertThat(github().timeout()).isEqualTo(Duration.ofSeconds(20));
            assertThat(github().userAgent()).isEqualTo("base-agent");

            outer.close();
            assertThat(github()).isEqualTo(baseSettings);
        }

        @Test
        @DisplayName("closing out of order is an IllegalStateException that changes nothing; the right order then works")
        void outOfOrderCloseRefused() {
            Integrations.OverrideScope outer = integrations.overrides(o -> o.merge("github", Map.of("timeout", "20s")));
            Integrations.OverrideScope inner = integrations.overrides(o -> o.merge("github", Map.of("timeout", "5s")));

            assertThatThrownBy(outer::close)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("reverse order");
            assertThat(github().timeout()).isEqualTo(Duration.ofSeconds(5));

            inner.close();
            outer.close();
            assertThat(github()).isEqualTo(baseSettings);
        }

        @Test
        @DisplayName("closing a scope twice does nothing the second time")
        void doubleCloseIsNoOp() {
            Integrations.OverrideScope outer = integrations.overrides(o -> o.merge("github", Map.of("timeout", "20s")));
            Integrations.OverrideScope inner = integrations.overrides(o -> o.merge("github", Map.of("timeout", "5s")));
            inner.close();

            assertThatCode(inner::close).doesNotThrowAnyException();
            assertThat(github().timeout()).isEqualTo(Duration.ofSeconds(20));
            outer.close();
        }
    }

    @Nested
    @DisplayName("unavailable providers")
    class Unavailable {
        @Test
        @DisplayName("looking up an unavailable provider throws its reason")
        void unavailableThrowsReason() {
            Integrations session = Integrations.builder().environment(Map.of()).transport(TRANSPORT)
                    .unavailable("GitHub", () -> new MissingCredentialsException("github", "no credentials for user-1"))
                    .build();

            assertThatThrownBy(session::github)
                    .isInstanceOf(MissingCredentialsException.class)
                    .hasMessage("no credentials for user-1");
            assertThatThrownBy(() -> session.get(GithubClient.KEY)).isInstanceOf(MissingCredentialsException.class);
            assertThat(session.find("github")).isEmpty();
        }

        @Test
        @DisplayName("merging into an unavailable provider throws its reason")
        void mergeIntoUnavailableThrowsReason() {
            Integrations session = Integrations.builder().environment(Map.of()).transport(TRANSPORT)
                    .unavailable("github", () -> new MissingCredentialsException("github", "no credentials"))
                    .build();

            assertThatThrownBy(() -> session.overrides(o -> o.merge("github", Map.of("timeout", "1s"))))
                    .isInstanceOf(MissingCredentialsException.class);
        }

        @Test
        @DisplayName("replacing an unavailable provider makes it available inside the scope, and unavailable again after")
        void replaceUnavailable() {
            Integrations session = Integrations.builder().environment(Map.of()).transport(TRANSPORT)
                    .unavailable("github", () -> new MissingCredentialsException("github", "no credentials"))
                    .build();
            GithubClient provider = GithubClients.create(GithubSettings.defaults(), TRANSPORT);

            try (var scope = session.overrides(provider)) {
                assertThat(session.github()).isSameAs(provider);
            }
            assertThatThrownBy(session::github).isInstanceOf(MissingCredentialsException.class);
        }

        @Test
        @DisplayName("an absent provider (neither present nor unavailable) is an IntegrationsException naming it")
        void absentProvider() {
            Integrations empty = Integrations.builder().environment(Map.of()).transport(TRANSPORT).build();

            assertThatThrownBy(empty::github)
                    .isInstanceOf(IntegrationsException.class)
                    .hasMessageContaining("'github'");
        }
    }

    @Nested
    @DisplayName("closing the container")
    class Closing {
        @Test
        @DisplayName("a closed container refuses lookups and overrides")
        void closedRefusesUse() {
            integrations.close();

            assertThatThrownBy(integrations::github).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
            assertThatThrownBy(() -> integrations.find("github")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(integrations::clientNames).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> integrations.overrides(o -> o.merge("github", Map.of("timeout", "1s"))))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(integrations.toString()).contains("closed");
        }

        @Test
        @DisplayName("closing twice is harmless")
        void closeTwice() {
            integrations.close();
            assertThatCode(integrations::close).doesNotThrowAnyException();
        }
    }

    @Nested
    @DisplayName("fromEnvironment")
    class FromEnvironment {
        @Test
        @DisplayName("configures GitHub from GITHUB_TOKEN and GITHUB_BASE_URL")
        void readsGithubEnvironment() {
            Integrations fromEnv = Integrations.fromEnvironment(
                    Map.of("GITHUB_TOKEN", "env-token", "GITHUB_BASE_URL", "https://ghe.example.com/api/v3/"));

            assertThat(fromEnv.github().settings().token()).isEqualTo("env-token");
            assertThat(fromEnv.github().settings().baseUrl()).isEqualTo(URI.create("https://ghe.example.com/api/v3"));
        }

        @Test
        @DisplayName("with an empty environment GitHub is present, unauthenticated, on api.github.com")
        void emptyEnvironment() {
            Integrations fromEnv = Integrations.fromEnvironment(Map.of());

            assertThat(fromEnv.clientNames()).contains("github");
            assertThat(fromEnv.github().settings()).isEqualTo(GithubSettings.defaults());
        }

        @Test
        @DisplayName("a malformed environment value fails fast with a ConfigurationException")
        void malformedEnvironment() {
            assertThatThrownBy(() -> Integrations.fromEnvironment(Map.of("GITHUB_TIMEOUT", "whenever")))
                    .isInstanceOf(ConfigurationException.class);
        }
    }

    @Nested
    @DisplayName("provider names")
    class Names {
        @Test
        @DisplayName("ClientKey normalises names to trimmed lower case and refuses blank ones")
        void providerKeyNormalises() {
            assertThat(ClientKey.of("GitHub", GithubClient.class).name()).isEqualTo("github");
            assertThat(ClientKey.of("  GITHUB ", GithubClient.class)).isEqualTo(GithubClient.KEY);
            assertThatThrownBy(() -> ClientKey.of(" ", GithubClient.class)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("lookups are case-insensitive: get(key), find(name) and overrides")
        void caseInsensitiveLookups() {
            assertThat(integrations.get(ClientKey.of("GITHUB", GithubClient.class))).isSameAs(integrations.github());
            assertThat(integrations.find("GitHub")).containsSame(integrations.github());
            assertThat(integrations.find("gitHUB")).isPresent();

            try (var scope = integrations.overrides(o -> o.merge("GitHub", Map.of("timeout", "4s")))) {
                assertThat(github().timeout()).isEqualTo(Duration.ofSeconds(4));
            }
        }

        @Test
        @DisplayName("find of an unknown name is empty rather than an error")
        void findUnknown() {
            assertThat(integrations.find("gitlab")).isEmpty();
        }

        @Test
        @DisplayName("a builder provider given by name and settings is built by its installed type")
        void builderProviderByName() {
            Integrations built = Integrations.builder().environment(Map.of("GITHUB_TOKEN", "env-token")).transport(TRANSPORT)
                    .client("GitHub", Map.of("user_agent", "named")).build();

            assertThat(built.github().settings().userAgent()).isEqualTo("named");
            assertThat(built.github().settings().token()).isEqualTo("env-token");
            assertThat(built.github().transport()).isSameAs(TRANSPORT);
        }

        @Test
        @DisplayName("an unknown provider type is a ConfigurationException naming it")
        void unknownProviderType() {
            assertThatThrownBy(() -> Integrations.builder().environment(Map.of()).transport(TRANSPORT)
                    .client("gitlab", Map.of()).build())
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("gitlab");
        }
    }
}
