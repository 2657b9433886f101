package dev.integrations.http;

import dev.integrations.internal.http.CredentialHash;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The in-memory response cache: bounded by bytes, least recently used out first")
class InMemoryResponseCacheTest {
    private static CacheKey key(String path) {
        return new CacheKey(CredentialHash.ofToken("t"), URI.create("https://api.github.com" + path), Map.of("accept", "x"));
    }

    private static CachedResponse response(int bodyBytes) {
        return new CachedResponse(200, Map.of("etag", List.of("\"e\"")), new byte[bodyBytes]);
    }

    @Test
    @DisplayName("evicts the least recently used entries once the byte bound is passed")
    void evictsLeastRecentlyUsed() {
        InMemoryResponseCache cache = new InMemoryResponseCache(4_000);
        cache.put(key("/a"), response(900));
        cache.put(key("/b"), response(900));
        cache.put(key("/c"), response(900));
        assertThat(cache.size()).isEqualTo(3);

        cache.get(key("/a"));
        cache.put(key("/d"), response(900));

        assertThat(cache.get(key("/b"))).as("least recently used").isEmpty();
        assertThat(cache.get(key("/a"))).isPresent();
        assertThat(cache.get(key("/d"))).isPresent();
        assertThat(cache.bytes()).isLessThanOrEqualTo(4_000);
    }

    @Test
    @DisplayName("an entry larger than the whole bound is not kept, and replaces nothing")
    void oversizeIsRefused() {
        InMemoryResponseCache cache = new InMemoryResponseCache(1_000);
        cache.put(key("/small"), response(10));
        cache.put(key("/huge"), response(5_000));

        assertThat(cache.get(key("/huge"))).isEmpty();
        assertThat(cache.get(key("/small"))).isPresent();
    }

    @Test
    @DisplayName("replacing, removing and clearing keep the byte count right")
    void accounting() {
        InMemoryResponseCache cache = new InMemoryResponseCache();
        cache.put(key("/a"), response(100));
        long one = cache.bytes();
        cache.put(key("/a"), response(100));
        assertThat(cache.bytes()).isEqualTo(one);
        cache.remove(key("/a"));
        assertThat(cache.bytes()).isZero();
        cache.put(key("/a"), response(100));
        cache.clear();
        assertThat(cache.size()).isZero();
        assertThat(cache.bytes()).isZero();
    }

    @Test
    @DisplayName("a 304's headers refresh the stored ones, but not those describing the body")
    void revalidationMergesHeaders() {
        CachedResponse stored = new CachedResponse(200, Map.of("etag", List.of("\"old\""), "content-type",
                List.of("application/json"), "x-ratelimit-remaining", List.of("10")), "{}".getBytes());
        HttpHeaders notModified = HttpHeaders.of(Map.of("ETag", List.of("\"new\""), "x-ratelimit-remaining", List.of("10"),
                "content-length", List.of("0")), (a, b) -> true);

        CachedResponse merged = stored.revalidatedBy(notModified);

        assertThat(merged.etag()).contains("\"new\"");
        assertThat(merged.headers()).containsEntry("content-type", List.of("application/json"))
                .doesNotContainKey("content-length");
        assertThat(merged.body()).isEqualTo("{}".getBytes());
    }

    @Test
    @DisplayName("the credential hash ignores the scheme and never contains the token")
    void credentialHash() {
        String token = "ghp_0123456789abcdefghijklmnopqrstuvwxyz";
        assertThat(CredentialHash.ofAuthorization("Bearer " + token)).isEqualTo(CredentialHash.ofAuthorization("token " + token))
                .isEqualTo(CredentialHash.ofToken(token)).doesNotContain(token).startsWith("sha256:");
        assertThat(CredentialHash.ofToken("other")).isNotEqualTo(CredentialHash.ofToken(token));
        assertThat(CredentialHash.ofAuthorization(null)).isEqualTo(CredentialHash.ANONYMOUS);
    }
}
