package dev.integrations.auth.store;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("InMemoryCredentialStore")
class InMemoryCredentialStoreTest {
    private final Instant now = Instant.parse("2024-05-01T12:00:00Z");
    private final InMemoryCredentialStore store = new InMemoryCredentialStore(Clock.fixed(now, ZoneOffset.UTC));

    @Test
    @DisplayName("get of an unknown provider/subject is empty")
    void getUnknownIsEmpty() {
        assertThat(store.get("github", "nobody")).isEmpty();
        assertThat(store.size()).isZero();
    }

    @Test
    @DisplayName("set then get returns the data with version 1 and the clock's time")
    void setThenGet() {
        store.set("github", "user-1", Map.of("access_token", "t1"));

        StoredCredentials row = store.get("github", "user-1").orElseThrow();
        assertThat(row.provider()).isEqualTo("github");
        assertThat(row.subject()).isEqualTo("user-1");
        assertThat(row.data()).isEqualTo(Map.of("access_token", "t1"));
        assertThat(row.version()).isEqualTo(1);
        assertThat(row.updatedAt()).isEqualTo(now);
    }

    @Test
    @DisplayName("every set replaces the data and increments the version by one")
    void versionsIncrement() {
        for (int i = 1; i <= 5; i++) {
            store.set("github", "user-1", Map.of("access_token", "t" + i));
            assertThat(store.get("github", "user-1").orElseThrow().version()).isEqualTo(i);
        }
        assertThat(store.get("github", "user-1").orElseThrow().data()).containsEntry("access_token", "t5");
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    @DisplayName("rows are keyed by provider and subject together, compared exactly")
    void keyedByProviderAndSubject() {
        store.set("github", "user-1", Map.of("v", "a"));
        store.set("gitlab", "user-1", Map.of("v", "b"));
        store.set("github", "user-2", Map.of("v", "c"));

        assertThat(store.get("github", "user-1").orElseThrow().data()).containsEntry("v", "a");
        assertThat(store.get("gitlab", "user-1").orElseThrow().data()).containsEntry("v", "b");
        assertThat(store.get("github", "user-2").orElseThrow().data()).containsEntry("v", "c");
        assertThat(store.get("github", "USER-1")).isEmpty();
        assertThat(store.size()).isEqualTo(3);
    }

    @Test
    @DisplayName("delete removes the row, reports whether there was one, and a later set starts again at version 1")
    void delete() {
        store.set("github", "user-1", Map.of("v", "a"));
        store.set("github", "user-1", Map.of("v", "b"));

        assertThat(store.delete("github", "user-1")).isTrue();
        assertThat(store.get("github", "user-1")).isEmpty();
        assertThat(store.delete("github", "user-1")).isFalse();

        store.set("github", "user-1", Map.of("v", "c"));
        assertThat(store.get("github", "user-1").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    @DisplayName("data is copied in: changing the caller's map (even nested) after set does not change what is stored")
    @SuppressWarnings("unchecked")
    void dataCopiedIn() {
        Map<String, Object> nested = new HashMap<>();
        nested.put("k", "v");
        List<Object> scopes = new ArrayList<>(List.of("repo"));
        Map<String, Object> data = new HashMap<>();
        data.put("access_token", "original");
        data.put("raw", nested);
        data.put("scope", scopes);

        store.set("github", "user-1", data);
        data.put("access_token", "changed");
        data.put("extra", "added");
        nested.put("k", "changed");
        scopes.add("delete_repo");

        Map<String, Object> stored = store.get("github", "user-1").orElseThrow().data();
        assertThat(stored).containsEntry("access_token", "original").doesNotContainKey("extra");
        assertThat((Map<String, Object>) stored.get("raw")).containsEntry("k", "v");
        assertThat((List<Object>) stored.get("scope")).containsExactly("repo");
    }

    @Test
    @DisplayName("data is copied out: the returned map and its nested values are unmodifiable")
    void dataUnmodifiableOut() {
        store.set("github", "user-1", Map.of("access_token", "t", "raw", Map.of("k", "v"), "scope", List.of("repo")));
        Map<String, Object> data = store.get("github", "user-1").orElseThrow().data();

        assertThatThrownBy(() -> data.put("access_token", "x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> data.remove("access_token")).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> raw = (Map<String, Object>) data.get("raw");
        assertThatThrownBy(() -> raw.put("k", "x")).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        List<Object> scope = (List<Object>) data.get("scope");
        assertThatThrownBy(() -> scope.add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(store.get("github", "user-1").orElseThrow().data()).containsEntry("access_token", "t");
    }

    @Test
    @DisplayName("null data and non-JSON values are refused and store nothing")
    void invalidDataRefused() {
        assertThatThrownBy(() -> store.set("github", "user-1", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.set("github", "user-1", Map.of("x", new Object())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.get("github", "user-1")).isEmpty();
    }

    @Test
    @DisplayName("toString shows the row count, never the data")
    void toStringHidesData() {
        store.set("github", "user-1", Map.of("access_token", "ghu_CANARYstore123"));

        assertThat(store.toString()).contains("1 rows").doesNotContain("ghu_CANARYstore123");
        assertThat(store.get("github", "user-1").orElseThrow().toString()).doesNotContain("ghu_CANARYstore123");
    }

    @Test
    @Timeout(60)
    @DisplayName("32 threads x 500 operations on overlapping keys: no errors, and each key's version equals its number of sets")
    void concurrentUse() throws Exception {
        int threads = 32;
        int opsPerThread = 500;
        int keys = 8;
        InMemoryCredentialStore shared = new InMemoryCredentialStore();
        Map<String, AtomicLong> setsPerKey = new ConcurrentHashMap<>();
        for (int k = 0; k < keys; k++) {
            setsPerKey.put("user-" + k, new AtomicLong());
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < opsPerThread; i++) {
                        String subject = "user-" + ((thread + i) % keys);
                        if (i % 3 == 0) {
                            Optional<StoredCredentials> row = shared.get("github", subject);
                            row.ifPresent(r -> {
                                assertThat(r.version()).isPositive();
                                assertThat(r.data()).containsKeys("access_token", "writer");
                            });
                        } else {
                            shared.set("github", subject, Map.of("access_token", "t-" + thread + "-" + i, "writer", thread));
                            setsPerKey.get(subject).incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS); // rethrows any exception or failed assertion from the worker
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(shared.size()).isEqualTo(keys);
        long totalSets = 0;
        for (int k = 0; k < keys; k++) {
            String subject = "user-" + k;
            long sets = setsPerKey.get(subject).get();
            totalSets += sets;
            assertThat(shared.get("github", subject).orElseThrow().version()).as(subject).isEqualTo(sets);
        }
        assertThat(totalSets).isEqualTo((long) threads * (opsPerThread - (opsPerThread + 2) / 3));
    }
}
