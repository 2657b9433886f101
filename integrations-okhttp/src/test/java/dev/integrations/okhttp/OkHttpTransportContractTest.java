package dev.integrations.okhttp;

import dev.integrations.AuthManager;
import dev.integrations.core.ConfigurationException;
import dev.integrations.http.HttpTransport;
import dev.integrations.http.TransportContract;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("issue 12: the transport contract on the OkHttp backend")
class OkHttpTransportContractTest extends TransportContract {
    private static final HttpTransport TRANSPORT = OkHttpTransport.create();

    @Override
    protected HttpTransport transport() {
        return TRANSPORT;
    }

    @Test
    @DisplayName("issue 12: an application's client is used without its redirects and silent retries, sharing its pool")
    void applicationClientsLoseRedirectsAndSilentRetries() {
        OkHttpClient mine = new OkHttpClient.Builder().followRedirects(true).followSslRedirects(true).build();
        OkHttpBackend backend = OkHttpBackend.of(mine);

        assertThat(backend.client().followRedirects()).isFalse();
        assertThat(backend.client().followSslRedirects()).isFalse();
        assertThat(backend.client().retryOnConnectionFailure()).isFalse();
        assertThat(backend.client().connectionPool()).isSameAs(mine.connectionPool());
        assertThat(OkHttpTransport.of(mine).backend().name()).isEqualTo("okhttp");
    }

    @Test
    @DisplayName("issue 12: the README's example: a manager whose flows and sessions share one OkHttp transport")
    void readmeExample() {
        AuthManager auth = AuthManager.builder()
                .environment(java.util.Map.of())
                .transport(OkHttpTransport.create())          // one OkHttpClient, shared by every session
                .build();

        assertThat(auth.transport().backend()).isInstanceOf(OkHttpBackend.class);
        assertThatThrownBy(auth::httpClient).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("issue 12: a client with a timeout above the SDK's maximum is refused with the fix in the message")
    void clientsWithHugeTimeoutsAreRefused() {
        OkHttpClient huge = new OkHttpClient.Builder().readTimeout(Duration.ofDays(2)).build();
        assertThatThrownBy(() -> OkHttpBackend.of(huge)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("read timeout").hasMessageContaining("smaller");
    }

    @Test
    @DisplayName("issue 12: the default OkHttp backend has the JDK transport's connect timeout and no client-side read timeout")
    void defaultsMatchTheJdkTransport() {
        OkHttpClient client = OkHttpBackend.create().client();
        assertThat(client.connectTimeoutMillis()).isEqualTo(10_000);
        assertThat(client.readTimeoutMillis()).isZero();
        assertThat(client.followRedirects()).isFalse();
    }
}
