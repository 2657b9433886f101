package dev.integrations.github;

import dev.integrations.github.client.GithubClients;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.RecordedRequest;
import dev.integrations.github.sandbox.SandboxUser;
import dev.integrations.http.CacheKey;
import dev.integrations.http.CachedResponse;
import dev.integrations.internal.http.CredentialHash;
import dev.integrations.http.HttpTransport;
import dev.integrations.http.InMemoryResponseCache;
import dev.integrations.http.ResponseCache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Conditional requests: ETag revalidation, 304s served from a per-token cache")
class ConditionalCacheTest {
    @RegisterExtension
    final GithubSandboxExtension github = new GithubSandboxExtension();

    private static final HttpTransport TRANSPORT = HttpTransport.create();

    private GithubSandbox sandbox;
    private KeyRecordingCache cache;

    @BeforeEach
    void setUp() {
        sandbox = github.sandbox();
        cache = new KeyRecordingCache(new InMemoryResponseCache());
    }

    private GithubClient client(String token) {
        return GithubClients.create(GithubSettings.builder().baseUrl(sandbox.apiUrl()).token(token).cache(true)
                .responseCache(cache).build(), TRANSPORT);
    }

    @Test
    @DisplayName("the second GET sends If-None-Match, gets a 304, serves the cached body and costs no rate limit")
    void secondGetIsRevalidated() {
        String token = sandbox.issueToken(sandbox.defaultUser());
        GithubClient client = client(token);

        GithubResponse first = client.rawRequest("GET", "/user");
        int remainingAfterFirst = client.rateLimit().orElseThrow().remaining();
        GithubResponse second = client.rawRequest("GET", "/user");
        GithubResponse third = client.rawRequest("GET", "/user");

        List<RecordedRequest> sent = sandbox.requests("/user");
        String etag = first.header("etag").orElseThrow();
        assertThat(sent.get(0).header("If-None-Match")).isNull();
        assertThat(sent.get(1).header("If-None-Match")).isEqualTo(etag);
        assertThat(sent.get(2).header("If-None-Match")).isEqualTo(etag);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.text()).isEqualTo(first.text());
        assertThat(third.body().get("login").asText()).isEqualTo("octocat");
        assertThat(client.rateLimit().orElseThrow().remaining()).as("304s are free").isEqualTo(remainingAfterFirst);

        GithubClient uncached = GithubClients.create(GithubSettings.builder().baseUrl(sandbox.apiUrl()).token(token)
                .build(), TRANSPORT);
        uncached.rawRequest("GET", "/user");
        assertThat(sandbox.requests("/user").get(3).header("If-None-Match")).as("the cache is off by default").isNull();
        assertThat(uncached.rateLimit().orElseThrow().remaining()).isEqualTo(remainingAfterFirst - 1);
    }

    @Test
    @DisplayName("a changed resource comes back in full and replaces the cached one")
    void changedResourceIsRefreshed() {
        String token = sandbox.issueToken(sandbox.defaultUser(), "repo");
        GithubClient client = client(token);
        assertThat(client.rawRequest("GET", "/user/repos").body()).hasSize(3);

        sandbox.createRepository(sandbox.defaultUser(), "fresh");

        assertThat(client.rawRequest("GET", "/user/repos").body()).hasSize(4);
        assertThat(client.rawRequest("GET", "/user/repos").body()).hasSize(4);
        assertThat(sandbox.requests("/user/repos")).extracting(r -> r.header("If-None-Match") != null)
                .containsExactly(false, true, true);
    }

    @Test
    @DisplayName("one token's cached response never serves another token, even for the same URL")
    void cacheIsIsolatedPerToken() {
        SandboxUser hubot = sandbox.registerUser("hubot");
        String octocatToken = sandbox.issueToken(sandbox.defaultUser());
        String hubotToken = sandbox.issueToken(hubot);

        client(octocatToken).rawRequest("GET", "/user");
        client(octocatToken).rawRequest("GET", "/user");
        GithubResponse asHubot = client(hubotToken).rawRequest("GET", "/user");

        assertThat(asHubot.body().get("login").asText()).isEqualTo("hubot");
        List<RecordedRequest> sent = sandbox.requests("/user");
        assertThat(sent.get(1).header("If-None-Match")).as("octocat revalidates").isNotNull();
        assertThat(sent.get(2).header("If-None-Match")).as("hubot has nothing cached").isNull();
        assertThat(sent.get(2).header("Authorization")).isEqualTo("Bearer " + hubotToken);

        assertThat(cache.keys).extracting(CacheKey::credentialHash).containsOnly(CredentialHash.ofToken(octocatToken),
                CredentialHash.ofToken(hubotToken));
        assertThat(cache.keys).allSatisfy(key -> assertThat(key.toString() + key.credentialHash())
                .doesNotContain(octocatToken).doesNotContain(hubotToken));
        assertThat(cache.delegate.size()).isEqualTo(2);
    }

    @Test
    @DisplayName("the Accept header is part of the key: another media type is another entry")
    void acceptIsPartOfTheKey() {
        GithubClient client = client(sandbox.issueToken(sandbox.defaultUser()));
        client.rawRequest("GET", "/user");
        client.rawRequest(r -> r.path("/user").header("Accept", "application/json"));

        assertThat(sandbox.requests("/user").get(1).header("If-None-Match")).isNull();
        assertThat(cache.delegate.size()).isEqualTo(2);
    }

    @Test
    @DisplayName("sessions on one transport share the default cache: a new provider revalidates")
    void defaultCacheIsSharedPerTransport() {
        String token = sandbox.issueToken(sandbox.defaultUser());
        GithubSettings settings = GithubSettings.builder().baseUrl(sandbox.apiUrl()).token(token).cache(true).build();
        HttpTransport transport = HttpTransport.create();

        GithubClients.create(settings, transport).rawRequest("GET", "/user");
        GithubClients.create(settings, transport).rawRequest("GET", "/user");
        GithubClients.create(settings, HttpTransport.create()).rawRequest("GET", "/user");

        assertThat(sandbox.requests("/user")).extracting(r -> r.header("If-None-Match") != null)
                .containsExactly(false, true, false);
    }

    @Test
    @DisplayName("non-GET requests are neither cached nor made conditional")
    void onlyGetsAreCached() {
        GithubClient client = client(sandbox.issueToken(sandbox.defaultUser()));
        try {
            client.rawRequest("POST", "/user/repos", Map.of("name", "x"));
        } catch (RuntimeException expected) {
            // The sandbox does not create repositories; only what was sent matters here.
        }
        assertThat(sandbox.requests("/user/repos").get(0).header("If-None-Match")).isNull();
        assertThat(cache.keys).isEmpty();
    }

    /** Records the keys it is asked to store, to check what a cache would see. */
    private static final class KeyRecordingCache implements ResponseCache {
        final InMemoryResponseCache delegate;
        final List<CacheKey> keys = new CopyOnWriteArrayList<>();

        KeyRecordingCache(InMemoryResponseCache delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<CachedResponse> get(CacheKey key) {
            return delegate.get(key);
        }

        @Override
        public void put(CacheKey key, CachedResponse response) {
            keys.add(key);
            delegate.put(key, response);
        }

        @Override
        public void remove(CacheKey key) {
            delegate.remove(key);
        }

        @Override
        public void clear() {
            delegate.clear();
        }
    }
}
