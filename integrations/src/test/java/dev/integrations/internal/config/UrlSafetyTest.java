package dev.integrations.internal.config;

import dev.integrations.core.ConfigurationException;
import dev.integrations.AuthManager;
import dev.integrations.github.GithubSettings;
import dev.integrations.github.auth.GithubAppCredentials;
import dev.integrations.http.HttpTransport;
import dev.integrations.http.TransportException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

@DisplayName("defect 11: URLs with credentials, queries or fragments, or without a scheme")
class UrlSafetyTest {
    private static final String CANARY = "CANARYpw11111";
    private static final String WITH_USERINFO = "https://deploy:" + CANARY + "@ghe.example.com/api/v3";

    private static void refusedWithoutCanary(Supplier<?> configure, String... expected) {
        Throwable thrown = catchThrowable(configure::get);
        assertThat(thrown).isInstanceOf(ConfigurationException.class);
        assertThat(thrown.getMessage()).doesNotContain(CANARY).doesNotContain("deploy:").contains(expected);
        for (Throwable cause = thrown.getCause(); cause != null; cause = cause.getCause()) {
            assertThat(String.valueOf(cause.getMessage())).doesNotContain(CANARY);
        }
    }

    @Test
    @DisplayName("defect 11: userinfo in base_url is refused everywhere it can be given, without echoing it")
    void defect11_userinfoInBaseUrlIsRefusedWithoutEchoingIt() {
        refusedWithoutCanary(() -> GithubSettings.fromMap(Map.of("base_url", WITH_USERINFO)), "GitHub base_url",
                "user name or password", "***@ghe.example.com");
        refusedWithoutCanary(() -> GithubSettings.fromEnvironment(Map.of("GITHUB_BASE_URL", WITH_USERINFO)), "GITHUB_BASE_URL");
        refusedWithoutCanary(() -> GithubSettings.builder().baseUrl(WITH_USERINFO), "GitHub base_url");
        refusedWithoutCanary(() -> GithubSettings.builder().baseUrl(URI.create(WITH_USERINFO)), "GitHub base_url");
        refusedWithoutCanary(() -> GithubSettings.builder().baseUrl(URI.create(WITH_USERINFO)).build(),
                "GitHub base_url");
        refusedWithoutCanary(() -> GithubSettings.defaults().withChanges(Map.of("base_url", WITH_USERINFO)), "base_url");
        // A password holding characters a URI forbids must not leak through the parser's message either.
        refusedWithoutCanary(() -> GithubSettings.fromMap(Map.of("base_url",
                "https://deploy:" + CANARY + "^{}@ghe.example.com/api/v3")), "GitHub base_url");
    }

    @Test
    @DisplayName("defect 11: userinfo in token_url or authorization_url is refused without echoing it")
    void defect11_userinfoInOAuthUrlsIsRefusedWithoutEchoingIt() {
        String token = "https://deploy:" + CANARY + "@github.com/login/oauth/access_token";
        String authorize = "https://deploy:" + CANARY + "@github.com/login/oauth/authorize";
        refusedWithoutCanary(() -> GithubAppCredentials.builder().tokenUrl(token), "token_url");
        refusedWithoutCanary(() -> GithubAppCredentials.builder().authorizationUrl(authorize), "authorization_url");
        refusedWithoutCanary(() -> AuthManager.builder().environment(Map.of("GITHUB_TOKEN_URL", token)).build(),
                "GITHUB_TOKEN_URL");
        refusedWithoutCanary(() -> AuthManager.builder().environment(Map.of("GITHUB_AUTHORIZATION_URL", authorize)).build(),
                "GITHUB_AUTHORIZATION_URL");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://api.github.com?per_page=1", "https://ghe.example.com/api/v3/?x=1",
            "https://api.github.com#top", "https://ghe.example.com/api/v3#x"})
    @DisplayName("defect 11: a base_url with a query or fragment is refused (it would send every request to one place)")
    void defect11_baseUrlWithQueryOrFragmentIsRefused(String url) {
        assertThatThrownBy(() -> GithubSettings.fromMap(Map.of("base_url", url)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("GitHub base_url")
                .hasMessageMatching("(?s).*must not have a (query|fragment).*");
        assertThatThrownBy(() -> GithubAppCredentials.builder().tokenUrl(url))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("token_url");
        assertThatThrownBy(() -> GithubAppCredentials.builder().authorizationUrl(url))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("authorization_url");
    }

    @Test
    @DisplayName("defect 11: a URL without a scheme suggests https://")
    void defect11_missingSchemeSuggestsHttps() {
        for (String url : List.of("api.github.com", "ghe.example.com/api/v3", "localhost:8080")) {
            assertThatThrownBy(() -> GithubSettings.fromMap(Map.of("base_url", url)))
                    .as(url)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("did you mean 'https://" + url + "'?");
        }
    }

    @Test
    @DisplayName("defect 11: a redirect URI may keep its query, but not userinfo")
    void defect11_redirectUriKeepsQueryButNotUserinfo() {
        assertThat(GithubAppCredentials.builder().redirectUri("https://app.example.com/cb?tenant=1").build().redirectUri())
                .isEqualTo(URI.create("https://app.example.com/cb?tenant=1"));
        refusedWithoutCanary(() -> GithubAppCredentials.builder().redirectUri("https://u:" + CANARY + "@app.example.com/cb"),
                "redirect_uri");
    }

    @Test
    @DisplayName("defect 11: a transport failure names the host, never the userinfo of the request URL")
    void defect11_transportMessagesRedactUserinfo() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://deploy:" + CANARY + "@127.0.0.1:" + closedPort + "/x"))
                .timeout(Duration.ofSeconds(5)).build();

        assertThatThrownBy(() -> HttpTransport.create().send(request, 1024))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("127.0.0.1:" + closedPort)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(CANARY));
    }

    @Test
    @DisplayName("redactUserInfo hides user and password in parseable and unparseable URLs alike")
    void redactUserInfo() {
        assertThat(ConfigValues.redactUserInfo("https://u:p@h.example/x?y@z")).isEqualTo("https://***@h.example/x?y@z");
        assertThat(ConfigValues.redactUserInfo("u:p@h.example/x")).isEqualTo("***@h.example/x");
        assertThat(ConfigValues.redactUserInfo("https://h.example/a@b")).isEqualTo("https://h.example/a@b");
    }
}
