package dev.integrations.github.auth;

import dev.integrations.auth.AuthContext;
import dev.integrations.auth.store.InMemoryAuthorizationStateStore;
import dev.integrations.github.GithubClient;
import dev.integrations.http.HttpTransport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("issue 12: the manager's session settings are applied once, not parsed again for every session")
class GithubAuthProviderSettingsTest {
    private final GithubAuthProvider provider = new GithubAuthProvider(
            GithubAppCredentials.builder().clientId("Iv1.settings").clientSecret("secret").build(),
            new AuthContext(HttpTransport.create(), Clock.systemUTC(), Map.of(), new InMemoryAuthorizationStateStore(),
                    Duration.ofMinutes(10)));
    private final GithubUserCredentials alice = GithubUserCredentials.ofToken("gho_" + "a".repeat(36));

    @Test
    @DisplayName("sessions with the same settings share one parsed settings object; other settings are parsed anew")
    void sameSettingsAreParsedOnce() {
        Map<String, Object> settings = new HashMap<>(Map.of("base_url", "https://ghe.example.com/api/v3", "timeout", "5s"));

        GithubClient first = provider.bind(alice, "alice", settings, Map.of(), null);
        GithubClient second = provider.bind(alice, "alice", Map.copyOf(settings), Map.of(), null);

        assertThat(first.settings().baseUrl()).isEqualTo(URI.create("https://ghe.example.com/api/v3"));
        assertThat(first.settings().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(second.settings()).isEqualTo(first.settings());
        assertThat(second.settings().token()).isEqualTo(alice.accessToken());

        // A caller that changes its map between sessions gets the changed settings, never the kept ones.
        settings.put("timeout", "7s");
        assertThat(provider.bind(alice, "alice", settings, Map.of(), null).settings().timeout())
                .isEqualTo(Duration.ofSeconds(7));
        assertThat(provider.bind(alice, "alice", Map.of(), Map.of(), null).settings().timeout())
                .isEqualTo(dev.integrations.github.GithubSettings.DEFAULT_TIMEOUT);
    }
}
