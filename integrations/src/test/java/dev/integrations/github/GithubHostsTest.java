package dev.integrations.github;

import dev.integrations.github.client.GithubClients;
import com.sun.net.httpserver.HttpServer;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.http.HttpTransport;
import dev.integrations.http.RetryPolicy;
import dev.integrations.http.TransportException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Hosts: github.com, GitHub Enterprise Server under /api/v3, GHE.com")
class GithubHostsTest {
    @RegisterExtension
    final GithubSandboxExtension github = new GithubSandboxExtension();

    @Test
    @DisplayName("a GHES base URL keeps its /api/v3 prefix on every request, pagination included")
    void enterpriseServerPrefixIsKept() throws IOException {
        GithubSandbox sandbox = github.sandbox();
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer proxy = prefixProxy("/api/v3", sandbox.apiUrl(), received);
        try {
            String base = "http://127.0.0.1:" + proxy.getAddress().getPort() + "/api/v3";
            for (String configured : List.of(base, base + "/")) {
                GithubClient client = GithubClients.create(GithubSettings.builder().baseUrl(configured)
                        .token(sandbox.issueToken(sandbox.defaultUser(), "repo")).build(), HttpTransport.create());

                assertThat(client.getAuthenticatedUser().login()).isEqualTo("octocat");
                client.rawRequest(r -> r.path("/user/repos").query("per_page", "1"));
            }
            assertThat(received).containsExactly("GET /api/v3/user", "GET /api/v3/user/repos?per_page=1",
                    "GET /api/v3/user", "GET /api/v3/user/repos?per_page=1");
            assertThat(sandbox.requests("/user")).hasSize(2)
                    .allSatisfy(r -> assertThat(r.header("Authorization")).startsWith("Bearer ghp_"));
        } finally {
            proxy.stop(0);
        }
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource({
            "https://api.github.com, /user, https://api.github.com/user",
            "https://ghe.example.com/api/v3, /user, https://ghe.example.com/api/v3/user",
            "https://ghe.example.com/api/v3/, /repos/o/r, https://ghe.example.com/api/v3/repos/o/r",
            "https://api.octo.ghe.com, /user, https://api.octo.ghe.com/user",
    })
    @DisplayName("paths are appended to the base URL, and the token goes only to its host")
    void urlsAreBuiltFromTheBaseUrl(String baseUrl, String path, String expected) {
        CapturingClient capturing = new CapturingClient();
        GithubClient client = GithubClients.create(GithubSettings.builder().baseUrl(baseUrl).token("ghp_host_test")
                .apiVersion("2026-03-10").retryPolicy(RetryPolicy.none()).build(), HttpTransport.of(capturing));

        assertThatThrownBy(() -> client.rawRequest("GET", path)).isInstanceOf(TransportException.class);

        HttpRequest sent = capturing.requests.get(0);
        assertThat(sent.uri()).isEqualTo(URI.create(expected));
        assertThat(sent.headers().firstValue("Authorization")).hasValue("Bearer ghp_host_test");
        assertThat(sent.headers().firstValue("X-GitHub-Api-Version")).hasValue("2026-03-10");
    }

    /** Forwards {@code prefix/...} to {@code target/...}, recording "METHOD path?query" as received. */
    private static HttpServer prefixProxy(String prefix, URI target, List<String> received) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        HttpClient forward = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        server.createContext(prefix + "/", exchange -> {
            URI uri = exchange.getRequestURI();
            received.add(exchange.getRequestMethod() + " " + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            String rest = uri.getRawPath().substring(prefix.length())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + rest)).timeout(Duration.ofSeconds(10));
            exchange.getRequestHeaders().forEach((name, values) -> {
                // Hop-by-hop and JDK-restricted headers (a client may offer an h2c upgrade) stay behind.
                if (!List.of("host", "connection", "content-length", "upgrade", "http2-settings", "expect", "te",
                        "keep-alive", "transfer-encoding").contains(name.toLowerCase())) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            request.method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            try {
                HttpResponse<byte[]> response = forward.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                response.headers().map().forEach((name, values) -> {
                    if (!name.startsWith(":") && !List.of("content-length", "transfer-encoding", "connection")
                            .contains(name.toLowerCase())) {
                        exchange.getResponseHeaders().put(name, values);
                    }
                });
                byte[] out = response.body();
                exchange.sendResponseHeaders(response.statusCode(), out.length == 0 ? -1 : out.length);
                if (out.length > 0) {
                    try (OutputStream os = exchange.getResponseBody()) {
                        os.write(out);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
        return server;
    }

    /** An HttpClient that records what it is asked to send and fails, so nothing leaves the machine. */
    private static final class CapturingClient extends HttpClient {
        final List<HttpRequest> requests = new CopyOnWriteArrayList<>();

        @Override
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
            requests.add(request);
            throw new java.net.ConnectException("not connecting in tests");
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
            // The transport sends asynchronously so that one deadline can also bound the body.
            requests.add(request);
            return CompletableFuture.failedFuture(new java.net.ConnectException("not connecting in tests"));
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                                HttpResponse.PushPromiseHandler<T> push) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException());
        }

        @Override
        public Optional<CookieHandler> cookieHandler() {
            return Optional.empty();
        }

        @Override
        public Optional<Duration> connectTimeout() {
            return Optional.empty();
        }

        @Override
        public Redirect followRedirects() {
            return Redirect.NEVER;
        }

        @Override
        public Optional<ProxySelector> proxy() {
            return Optional.empty();
        }

        @Override
        public SSLContext sslContext() {
            return null;
        }

        @Override
        public SSLParameters sslParameters() {
            return null;
        }

        @Override
        public Optional<Authenticator> authenticator() {
            return Optional.empty();
        }

        @Override
        public Version version() {
            return Version.HTTP_1_1;
        }

        @Override
        public Optional<Executor> executor() {
            return Optional.empty();
        }
    }
}
