package dev.integrations.okhttp;

import dev.integrations.github.GithubClient;
import dev.integrations.github.GithubSettings;
import dev.integrations.github.client.GithubClients;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.RecordedRequest;
import dev.integrations.github.sandbox.SandboxUser;
import dev.integrations.http.HttpTransport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("issue 12: sessions of several users on one OkHttp transport, which reuses converted URLs and headers")
class OkHttpSessionsTest {
    @RegisterExtension
    final GithubSandboxExtension github = new GithubSandboxExtension();

    @Test
    @DisplayName("alternating users on the same URL: every request carries its own user's token and gets its own user")
    void everyRequestCarriesItsOwnToken() {
        GithubSandbox sandbox = github.sandbox();
        SandboxUser alice = sandbox.defaultUser();
        SandboxUser bob = sandbox.registerUser("bob");
        HttpTransport transport = OkHttpTransport.create();
        GithubClient asAlice = client(sandbox, transport, sandbox.issueToken(alice));
        GithubClient asBob = client(sandbox, transport, sandbox.issueToken(bob));

        for (int i = 0; i < 5; i++) {
            assertThat(asAlice.getAuthenticatedUser().login()).isEqualTo(alice.login());
            assertThat(asBob.getAuthenticatedUser().login()).isEqualTo(bob.login());
        }
        // A query is sent as given (queries are not kept in the URL cache).
        assertThat(asBob.rawRequest(r -> r.method("GET").path("/user").query("page", "2")).status()).isEqualTo(200);

        List<RecordedRequest> sent = sandbox.requests("/user");
        assertThat(sent).hasSize(11);
        for (int i = 0; i < 10; i++) {
            assertThat(sent.get(i).header("Authorization")).isEqualTo(sent.get(i % 2).header("Authorization"));
        }
        assertThat(sent.get(0).header("Authorization")).isNotEqualTo(sent.get(1).header("Authorization"));
        assertThat(sent.get(10).query()).isEqualTo("page=2");
    }

    private static GithubClient client(GithubSandbox sandbox, HttpTransport transport, String token) {
        return GithubClients.create(GithubSettings.fromMap(Map.of("base_url", sandbox.apiUrl().toString(), "token", token), Map.of()),
                transport);
    }
}
