package dev.integrations.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.integrations.Integrations;
import dev.integrations.AuthManager;
import dev.integrations.auth.store.InMemoryCredentialStore;
import dev.integrations.github.GithubClient;
import dev.integrations.github.GithubSettings;
import dev.integrations.github.auth.GithubAppCredentials;
import dev.integrations.github.model.GithubUser;
import dev.integrations.http.HttpTransport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Per-call overhead of the GitHub provider (issue 4): {@code getAuthenticatedUser()} against a
 * loopback JDK {@link HttpServer} that answers {@code GET /user} with a fixed JSON body, compared
 * in the same run with the floor: {@link HttpClient#send} of the same request (same client, same
 * headers) plus a Jackson parse of the same response into a {@link JsonNode}. Target: the
 * provider's median within 1.10x of the floor's. Run with {@code -prof gc} for allocations per
 * call ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class PerCallOverheadBenchmark {
    private static final String TOKEN = "gho_" + "B".repeat(36);
    /** A {@code GET /user} body modelled on the private-user example in GitHub's OpenAPI description, ~1.4 KB. */
    static final byte[] USER_JSON = ("{\"login\":\"octocat\",\"id\":1,\"node_id\":\"MDQ6VXNlcjE=\","
            + "\"avatar_url\":\"https://github.com/images/error/octocat_happy.gif\",\"gravatar_id\":\"\","
            + "\"url\":\"https://api.github.com/users/octocat\",\"html_url\":\"https://github.com/octocat\","
            + "\"followers_url\":\"https://api.github.com/users/octocat/followers\","
            + "\"following_url\":\"https://api.github.com/users/octocat/following{/other_user}\","
            + "\"gists_url\":\"https://api.github.com/users/octocat/gists{/gist_id}\","
            + "\"starred_url\":\"https://api.github.com/users/octocat/starred{/owner}{/repo}\","
            + "\"subscriptions_url\":\"https://api.github.com/users/octocat/subscriptions\","
            + "\"organizations_url\":\"https://api.github.com/users/octocat/orgs\","
            + "\"repos_url\":\"https://api.github.com/users/octocat/repos\","
            + "\"events_url\":\"https://api.github.com/users/octocat/events{/privacy}\","
            + "\"received_events_url\":\"https://api.github.com/users/octocat/received_events\","
            + "\"type\":\"User\",\"site_admin\":false,\"name\":\"monalisa octocat\",\"company\":\"GitHub\","
            + "\"blog\":\"https://github.com/blog\",\"location\":\"San Francisco\",\"email\":\"octocat@github.com\","
            + "\"hireable\":false,\"bio\":\"There once was...\",\"twitter_username\":\"monatheoctocat\","
            + "\"public_repos\":2,\"public_gists\":1,\"followers\":20,\"following\":0,"
            + "\"created_at\":\"2008-01-14T04:33:35Z\",\"updated_at\":\"2008-01-14T04:33:35Z\","
            + "\"private_gists\":81,\"total_private_repos\":100,\"owned_private_repos\":100,\"disk_usage\":10000,"
            + "\"collaborators\":8,\"two_factor_authentication\":true,"
            + "\"plan\":{\"name\":\"Medium\",\"space\":400,\"private_repos\":20,\"collaborators\":0}}")
            .getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    private HttpClient client;
    private URI userUri;
    private ObjectMapper mapper;
    private Integrations session;
    private GithubClient github;

    @Setup
    public void setUp() throws IOException, InterruptedException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/user", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, USER_JSON.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(USER_JSON);
            }
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        userUri = URI.create(base + "/user");

        // One client for both sides, configured as the SDK's default transport configures its own.
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        mapper = new ObjectMapper();

        AuthManager auth = AuthManager.builder()
                .environment(Map.of())
                .httpClient(client)
                .github(GithubAppCredentials.builder().clientId("Iv1.benchmark-client").clientSecret("benchmark-secret")
                        .build())
                .sessionSettings("github", Map.of("base_url", base))
                .credentialStore(new InMemoryCredentialStore())
                .build();
        auth.storeCredentials("github", Fixtures.SUBJECT, Fixtures.nonExpiringCredentials());
        session = auth.session(Fixtures.SUBJECT);
        github = session.github();

        GithubUser viaProvider = getAuthenticatedUser();
        JsonNode viaFloor = floorSendAndParse();
        if (!viaProvider.login().equals(viaFloor.get("login").asText())) {
            throw new IllegalStateException("the provider and the floor did not read the same body");
        }
    }

    @TearDown
    public void tearDown() {
        session.close();
        server.stop(0);
    }

    /** The SDK: request building, the step chain (headers), send, bounded body read, typed errors, parse, record. */
    @Benchmark
    public GithubUser getAuthenticatedUser() {
        return github.getAuthenticatedUser();
    }

    /** The floor: what a hand-written call sends (the same four headers) and a parse into a tree. */
    @Benchmark
    public JsonNode floorSendAndParse() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(userUri)
                .timeout(GithubSettings.DEFAULT_TIMEOUT)
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", GithubSettings.DEFAULT_API_VERSION)
                .header("User-Agent", GithubSettings.DEFAULT_USER_AGENT)
                .header("Authorization", "Bearer " + TOKEN)
                .GET()
                .build();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        return mapper.readTree(response.body());
    }

    /**
     * Diagnostic, not a target: the floor, but reading the body as the SDK's transport does
     * ({@code BodyHandlers.ofInputStream()} then {@code readNBytes} up to the size cap), to show how
     * much of the gap is that choice (the body then crosses from the client's selector thread to
     * the caller through a queue).
     */
    @Benchmark
    public JsonNode floorInputStreamAndParse() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(userUri)
                .timeout(GithubSettings.DEFAULT_TIMEOUT)
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", GithubSettings.DEFAULT_API_VERSION)
                .header("User-Agent", GithubSettings.DEFAULT_USER_AGENT)
                .header("Authorization", "Bearer " + TOKEN)
                .GET()
                .build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(HttpTransport.DEFAULT_MAX_BODY_BYTES + 1);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        return mapper.readTree(body);
    }
}
