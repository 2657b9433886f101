package dev.integrations.http;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("issue 12: the transport contract on the default JDK HttpClient backend")
class JdkTransportContractTest extends TransportContract {
    private static final HttpTransport TRANSPORT = HttpTransport.create();

    @Override
    protected HttpTransport transport() {
        return TRANSPORT;
    }

    @Test
    @DisplayName("issue 12: the default transport's backend is the JDK client, reachable as client()")
    void theDefaultBackendIsTheJdkClient() {
        assertThat(TRANSPORT.backend().name()).isEqualTo("jdk");
        assertThat(TRANSPORT.client().followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
    }

    @Test
    @DisplayName("issue 12: a transport on another backend has no JDK client, and says which backend it has")
    void otherBackendsHaveNoJdkClient() {
        HttpTransport other = HttpTransport.of((TransportBackend) (request, deadline, max) -> {
            throw new TransportException("unused");
        });
        assertThatThrownBy(other::client).isInstanceOf(IllegalStateException.class).hasMessageContaining("backend()");
    }
}
