package dev.integrations.http;

import dev.integrations.core.ConfigurationException;
import dev.integrations.AuthManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("defect 10: an injected HttpClient must not follow redirects itself")
class InjectedHttpClientTest {
    @ParameterizedTest(name = "Redirect.{0}")
    @EnumSource(value = HttpClient.Redirect.class, names = {"NORMAL", "ALWAYS"})
    @DisplayName("defect 10: AuthManager.Builder.httpClient refuses a client that follows redirects, saying how to build it")
    void defect10_redirectFollowingClientIsRefused(HttpClient.Redirect redirect) {
        HttpClient following = HttpClient.newBuilder().followRedirects(redirect).build();

        assertThatThrownBy(() -> AuthManager.builder().httpClient(following))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Redirect." + redirect)
                .hasMessageContaining("followRedirects(HttpClient.Redirect.NEVER)");
        assertThatThrownBy(() -> HttpTransport.of(following)).isInstanceOf(ConfigurationException.class);
    }

    @Test
    @DisplayName("defect 10: a client built with Redirect.NEVER is accepted and shared")
    void defect10_neverFollowingClientIsAccepted() {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

        AuthManager auth = AuthManager.builder().environment(Map.of()).httpClient(client).build();

        assertThat(auth.httpClient()).isSameAs(client);
    }

    @Test
    @DisplayName("defect 7: an injected client with a connect timeout above the maximum is refused")
    void defect7_injectedClientWithHugeConnectTimeoutIsRefused() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofDays(10_000)).build();

        assertThatThrownBy(() -> HttpTransport.of(client))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("connect timeout");
    }
}
