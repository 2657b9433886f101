package dev.integrations.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.integrations.AuthManager;
import dev.integrations.Integrations;
import dev.integrations.auth.store.InMemoryCredentialStore;
import dev.integrations.github.GithubClient;
import dev.integrations.github.GithubSettings;
import dev.integrations.github.auth.GithubAppCredentials;
import dev.integrations.github.model.GithubUser;
import dev.integrations.http.HttpTransport;
import dev.integrations.okhttp.OkHttpBackend;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.kohsuke.github.GHMyself;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.Hub4jUncached;
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
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /user} side by side (issue 12): the SDK's {@code getAuthenticatedUser()} on its JDK
 * transport and on its OkHttp transport, against the same request written by hand on each client
 * (JDK {@code HttpClient} + Jackson, OkHttp + Jackson) and hub4j/github-api's {@code getMyself()},
 * all against one loopback JDK {@link HttpServer} answering with GitHub's example private-user
 * body (~1.3 KB). Each hand-written floor shares its client (and connection pool) with the SDK
 * transport it is compared with. SampleTime, so the table can use medians; run with
 * {@code -prof gc} for bytes per call and with {@code -t 1} and {@code -t 4} (see
 * {@code scripts/bench-peers.sh}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
// Twenty seconds of warm-up: at four threads on two cores the JIT gets little CPU, and with ten
// seconds the SDK's call (more code to compile than the hand-written one) was still getting faster
// through the measurement (run T in docs/benchmarks.md: 327 us at the last warm-up iteration,
// 280, 273, 293, 251, 277 us measured, where the floor had settled at ~210 us).
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
public class PeerCallBenchmark {
    private static final String TOKEN = "gho_" + "B".repeat(36);
    /** {@code GET /user}'s private-user example from GitHub's OpenAPI description. */
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
    private java.util.concurrent.ExecutorService serverThreads;
    private URI userUri;
    private ObjectMapper mapper;
    private HttpClient jdkClient;
    private OkHttpClient okHttpClient;
    private Integrations jdkSession;
    private Integrations okHttpSession;
    private GithubClient sdkOnJdk;
    private GithubClient sdkOnOkHttp;
    private GitHub hub4j;

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
        // Enough handler threads that four client threads are not serialised by the server.
        serverThreads = java.util.concurrent.Executors.newFixedThreadPool(4);
        server.setExecutor(serverThreads);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        userUri = URI.create(base + "/user");
        mapper = new ObjectMapper();

        HttpTransport jdk = HttpTransport.create();
        jdkClient = jdk.client();
        OkHttpBackend okHttp = OkHttpBackend.create();
        okHttpClient = okHttp.client();
        jdkSession = session(jdk, base);
        okHttpSession = session(HttpTransport.of(okHttp), base);
        sdkOnJdk = jdkSession.github();
        sdkOnOkHttp = okHttpSession.github();
        hub4j = new GitHubBuilder().withEndpoint(base).withOAuthToken(TOKEN).build();

        String expected = "octocat";
        check(sdkJdk().login(), expected);
        check(sdkOkHttp().login(), expected);
        check(jdkJackson().get("login").asText(), expected);
        check(okHttpJackson().get("login").asText(), expected);
        check(hub4jGetMyself().getLogin(), expected);
    }

    private static Integrations session(HttpTransport transport, String base) {
        AuthManager auth = AuthManager.builder()
                .environment(Map.of())
                .transport(transport)
                .github(GithubAppCredentials.builder().clientId("Iv1.benchmark-client").clientSecret("benchmark-secret")
                        .build())
                .sessionSettings("github", Map.of("base_url", base))
                .credentialStore(new InMemoryCredentialStore())
                .build();
        auth.storeCredentials("github", Fixtures.SUBJECT, Fixtures.nonExpiringCredentials());
        return auth.session(Fixtures.SUBJECT);
    }

    private static void check(String actual, String expected) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException("a contestant read '" + actual + "', not '" + expected + "'");
        }
    }

    @TearDown
    public void tearDown() {
        jdkSession.close();
        okHttpSession.close();
        server.stop(0);
        serverThreads.shutdownNow(); // non-daemon threads would keep the fork alive
    }

    /** The SDK on its default transport (JDK HttpClient): the whole step chain, typed errors, parse, record. */
    @Benchmark
    public GithubUser sdkJdk() {
        return sdkOnJdk.getAuthenticatedUser();
    }

    /** The SDK on the OkHttp transport ({@code integrations-okhttp}). */
    @Benchmark
    public GithubUser sdkOkHttp() {
        return sdkOnOkHttp.getAuthenticatedUser();
    }

    /** Floor for {@link #sdkJdk}: the same four headers by hand, {@code HttpClient.send}, {@code readTree}. */
    @Benchmark
    public JsonNode jdkJackson() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(userUri)
                .timeout(GithubSettings.DEFAULT_TIMEOUT)
                .version(HttpClient.Version.HTTP_1_1)
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", GithubSettings.DEFAULT_API_VERSION)
                .header("User-Agent", GithubSettings.DEFAULT_USER_AGENT)
                .header("Authorization", "Bearer " + TOKEN)
                .GET()
                .build();
        HttpResponse<byte[]> response = jdkClient.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        return mapper.readTree(response.body());
    }

    /** Floor for {@link #sdkOkHttp}: the same request on the same {@code OkHttpClient}, {@code readTree}. */
    @Benchmark
    public JsonNode okHttpJackson() throws IOException {
        Request request = new Request.Builder().url(userUri.toString())
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", GithubSettings.DEFAULT_API_VERSION)
                .header("User-Agent", GithubSettings.DEFAULT_USER_AGENT)
                .header("Authorization", "Bearer " + TOKEN)
                .build();
        try (Response response = okHttpClient.newCall(request).execute()) {
            if (response.code() != 200) {
                throw new IllegalStateException("HTTP " + response.code());
            }
            return mapper.readTree(response.body().bytes());
        }
    }

    /**
     * hub4j/github-api with its default connector: the request {@code getMyself()} makes (it
     * caches the result after the first call, see {@link Hub4jUncached}).
     */
    @Benchmark
    public GHMyself hub4jGetMyself() throws IOException {
        return Hub4jUncached.fetchMyself(hub4j);
    }
}
