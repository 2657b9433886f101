package dev.integrations.auth.store;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link CredentialStore} must do, run against each implementation by a subclass that
 * supplies the store ({@code InMemoryCredentialStoreContractTest}, and the JDBC stores' tests in
 * integrations-jdbc, which get this class through the test-jar).
 *
 * <p>Stores may share their backing tables across tests (and with earlier runs), so every test
 * uses its own random provider name and never assumes the store is empty.
 */
public abstract class CredentialStoreContract {
    /** The store under test; a new one per test (it may share data with other instances). */
    protected abstract CredentialStore createStore();

    /**
     * Whether {@link CredentialStore#withRefreshLock} undoes the action's writes when the action
     * throws (transactional stores do; the in-memory store writes through).
     */
    protected boolean refreshLockRollsBackOnException() {
        return false;
    }

    /**
     * Whether refresh locks of different rows are independent. SQLite-backed stores say no: their
     * lock is the database's single write lock.
     */
    protected boolean refreshLockIsPerRow() {
        return true;
    }

    protected CredentialStore store;
    protected String provider;

    @BeforeEach
    void createStoreAndProvider() {
        store = createStore();
        provider = "p" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    protected static Map<String, Object> token(String accessToken) {
        return Map.of("access_token", accessToken, "token_type", "bearer");
    }

    @Test
    @DisplayName("get of an unknown row is empty")
    void getUnknown() {
        assertThat(store.get(provider, "nobody")).isEmpty();
    }

    @Test
    @DisplayName("set then get returns the data, version 1, ACTIVE, and created/updated times")
    void setThenGet() {
        Instant before = Instant.now().minusSeconds(1);
        Map<String, Object> data = Map.of("access_token", "t1", "expires_at", 4_102_444_800L, "scope", List.of("repo", "user"),
                "refreshable", true);
        store.set(provider, "user-1", data);

        StoredCredentials row = store.get(provider, "user-1").orElseThrow();
        assertThat(row.provider()).isEqualTo(provider);
        assertThat(row.subject()).isEqualTo("user-1");
        assertThat(row.data()).isEqualTo(data);
        assertThat(row.version()).isEqualTo(1);
        assertThat(row.status()).isEqualTo(CredentialStatus.ACTIVE);
        assertThat(row.expiresAt()).isEqualTo(Instant.ofEpochSecond(4_102_444_800L));
        assertThat(row.createdAt()).isAfter(before).isBeforeOrEqualTo(row.updatedAt());
    }

    @Test
    @DisplayName("every set replaces the data, increments the version and keeps the creation time")
    void setIncrementsVersion() {
        store.set(provider, "user-1", token("t1"));
        Instant created = store.get(provider, "user-1").orElseThrow().createdAt();
        for (int i = 2; i <= 4; i++) {
            store.set(provider, "user-1", token("t" + i));
            StoredCredentials row = store.get(provider, "user-1").orElseThrow();
            assertThat(row.version()).isEqualTo(i);
            assertThat(row.data()).containsEntry("access_token", "t" + i);
            assertThat(row.createdAt()).isEqualTo(created);
            assertThat(row.updatedAt()).isAfterOrEqualTo(created);
        }
    }

    @Test
    @DisplayName("rows are keyed by provider and subject together, compared exactly")
    void keyedExactly() {
        String other = provider + "x";
        store.set(provider, "user-1", Map.of("v", "a"));
        store.set(other, "user-1", Map.of("v", "b"));
        store.set(provider, "user-2", Map.of("v", "c"));
        store.set(provider, "user-1 ", Map.of("v", "trailing space"));
        store.set(provider, "{\"id\":1,\"org\":\"ü\"}", Map.of("v", "json subject"));

        assertThat(store.get(provider, "user-1").orElseThrow().data()).containsEntry("v", "a");
        assertThat(store.get(other, "user-1").orElseThrow().data()).containsEntry("v", "b");
        assertThat(store.get(provider, "user-2").orElseThrow().data()).containsEntry("v", "c");
        assertThat(store.get(provider, "user-1 ").orElseThrow().data()).containsEntry("v", "trailing space");
        assertThat(store.get(provider, "{\"id\":1,\"org\":\"ü\"}").orElseThrow().data()).containsEntry("v", "json subject");
        assertThat(store.get(provider, "USER-1")).isEmpty();
        assertThat(store.get(provider, "user-1").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    @DisplayName("delete removes the row and reports whether there was one; a later set starts at version 1")
    void delete() {
        store.set(provider, "user-1", token("a"));
        store.set(provider, "user-1", token("b"));

        assertThat(store.delete(provider, "user-1")).isTrue();
        assertThat(store.get(provider, "user-1")).isEmpty();
        assertThat(store.delete(provider, "user-1")).isFalse();

        store.set(provider, "user-1", token("c"));
        assertThat(store.get(provider, "user-1").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    @DisplayName("compareAndSet with version 0 creates a missing row only")
    void compareAndSetCreate() {
        assertThat(store.compareAndSet(provider, "user-1", 0, token("first"))).isTrue();
        StoredCredentials row = store.get(provider, "user-1").orElseThrow();
        assertThat(row.version()).isEqualTo(1);
        assertThat(row.status()).isEqualTo(CredentialStatus.ACTIVE);

        assertThat(store.compareAndSet(provider, "user-1", 0, token("second"))).isFalse();
        assertThat(store.get(provider, "user-1").orElseThrow().data()).containsEntry("access_token", "first");
    }

    @Test
    @DisplayName("compareAndSet with a version of a missing row creates nothing")
    void compareAndSetMissing() {
        assertThat(store.compareAndSet(provider, "user-1", 1, token("x"))).isFalse();
        assertThat(store.compareAndSet(provider, "user-1", -1, token("x"))).isFalse();
        assertThat(store.get(provider, "user-1")).isEmpty();
    }

    @Test
    @DisplayName("compareAndSet writes over the expected version only; a stale version is refused and changes nothing")
    void compareAndSetVersions() {
        store.set(provider, "user-1", token("v1"));

        assertThat(store.compareAndSet(provider, "user-1", 1, token("v2"))).isTrue();
        StoredCredentials row = store.get(provider, "user-1").orElseThrow();
        assertThat(row.version()).isEqualTo(2);
        assertThat(row.data()).containsEntry("access_token", "v2");

        assertThat(store.compareAndSet(provider, "user-1", 1, token("stale"))).isFalse();
        assertThat(store.compareAndSet(provider, "user-1", 3, token("future"))).isFalse();
        row = store.get(provider, "user-1").orElseThrow();
        assertThat(row.version()).isEqualTo(2);
        assertThat(row.data()).containsEntry("access_token", "v2");
    }

    @Test
    @DisplayName("markNeedsReauthorization is version-guarded and keeps data and version; set and compareAndSet re-activate")
    void markNeedsReauthorization() {
        Map<String, Object> data = Map.of("access_token", "t", "refresh_token", "r");
        store.set(provider, "user-1", data);

        assertThat(store.markNeedsReauthorization(provider, "user-1", 2)).isFalse();
        assertThat(store.get(provider, "user-1").orElseThrow().status()).isEqualTo(CredentialStatus.ACTIVE);
        assertThat(store.markNeedsReauthorization(provider, "missing", 1)).isFalse();

        assertThat(store.markNeedsReauthorization(provider, "user-1", 1)).isTrue();
        StoredCredentials marked = store.get(provider, "user-1").orElseThrow();
        assertThat(marked.status()).isEqualTo(CredentialStatus.NEEDS_REAUTHORIZATION);
        assertThat(marked.version()).isEqualTo(1);
        assertThat(marked.data()).isEqualTo(data);

        store.set(provider, "user-1", token("reconnected"));
        StoredCredentials active = store.get(provider, "user-1").orElseThrow();
        assertThat(active.status()).isEqualTo(CredentialStatus.ACTIVE);
        assertThat(active.version()).isEqualTo(2);

        assertThat(store.markNeedsReauthorization(provider, "user-1", 2)).isTrue();
        assertThat(store.compareAndSet(provider, "user-1", 2, token("refreshed"))).isTrue();
        assertThat(store.get(provider, "user-1").orElseThrow().status()).isEqualTo(CredentialStatus.ACTIVE);
    }

    @Test
    @DisplayName("list filters by provider, status and expiry, ordered by provider then subject, with a limit")
    void list() {
        long now = Instant.now().getEpochSecond();
        store.set(provider, "c-soon", Map.of("access_token", "1", "expires_at", now + 60));
        store.set(provider, "a-later", Map.of("access_token", "2", "expires_at", now + 7200));
        store.set(provider, "b-never", Map.of("access_token", "3"));
        store.set(provider, "d-broken", Map.of("access_token", "4", "expires_at", now - 60));
        store.markNeedsReauthorization(provider, "d-broken", 1);
        store.set(provider + "z", "other-provider", Map.of("access_token", "5", "expires_at", now - 60));

        assertThat(subjects(store.list(new CredentialFilter(provider, null, null, 100))))
                .containsExactly("a-later", "b-never", "c-soon", "d-broken");
        assertThat(subjects(store.list(CredentialFilter.needingReauthorization(provider)))).containsExactly("d-broken");
        assertThat(subjects(store.list(new CredentialFilter(provider, CredentialStatus.ACTIVE, null, 100))))
                .containsExactly("a-later", "b-never", "c-soon");
        assertThat(subjects(store.list(new CredentialFilter(provider, null, Instant.ofEpochSecond(now + 600), 100))))
                .containsExactly("c-soon", "d-broken");
        assertThat(subjects(store.list(new CredentialFilter(provider, CredentialStatus.ACTIVE, Instant.ofEpochSecond(now + 600), 100))))
                .containsExactly("c-soon");
        assertThat(subjects(store.list(new CredentialFilter(provider, null, null, 2)))).containsExactly("a-later", "b-never");

        List<StoredCredentials> all = store.list(new CredentialFilter(null, null, null, 10_000));
        assertThat(all).extracting(StoredCredentials::subject).contains("a-later", "other-provider");
        assertThat(all).isSortedAccordingTo(Comparator.comparing(StoredCredentials::provider)
                .thenComparing(StoredCredentials::subject));
        StoredCredentials broken = store.list(CredentialFilter.needingReauthorization(provider)).get(0);
        assertThat(broken.data()).containsEntry("access_token", "4");
        assertThat(broken.expiresAt()).isEqualTo(Instant.ofEpochSecond(now - 60));
    }

    @Test
    @DisplayName("data is copied in and out: later changes to the caller's map or the returned map change nothing")
    void copyInCopyOut() {
        List<String> scopes = new ArrayList<>(List.of("repo"));
        Map<String, Object> data = new HashMap<>();
        data.put("access_token", "original");
        data.put("scope", scopes);
        store.set(provider, "user-1", data);
        data.put("access_token", "changed");
        scopes.add("admin");

        StoredCredentials row = store.get(provider, "user-1").orElseThrow();
        assertThat(row.data()).containsEntry("access_token", "original").containsEntry("scope", List.of("repo"));
        assertThatThrownBy(() -> row.data().put("access_token", "x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(store.get(provider, "user-1").orElseThrow().data()).containsEntry("access_token", "original");

        Map<String, Object> casData = new HashMap<>(Map.of("access_token", "cas"));
        assertThat(store.compareAndSet(provider, "user-1", 1, casData)).isTrue();
        casData.put("access_token", "changed");
        assertThat(store.get(provider, "user-1").orElseThrow().data()).containsEntry("access_token", "cas");
    }

    @Test
    @DisplayName("concurrent compare-and-set increments on one row lose no update")
    @Timeout(60)
    void concurrentCompareAndSet() throws Exception {
        int threads = 8;
        int incrementsEach = 15;
        store.set(provider, "counter", Map.of("n", 0L));
        AtomicInteger successes = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < incrementsEach; i++) {
                        while (true) {
                            StoredCredentials row = store.get(provider, "counter").orElseThrow();
                            long n = ((Number) row.data().get("n")).longValue();
                            if (store.compareAndSet(provider, "counter", row.version(), Map.of("n", n + 1))) {
                                successes.incrementAndGet();
                                break;
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        StoredCredentials row = store.get(provider, "counter").orElseThrow();
        assertThat(successes.get()).isEqualTo(threads * incrementsEach);
        assertThat(((Number) row.data().get("n")).longValue()).isEqualTo(threads * incrementsEach);
        assertThat(row.version()).isEqualTo(threads * incrementsEach + 1L);
    }

    @Test
    @DisplayName("withRefreshLock returns the action's result and lets it read and compare-and-set the same row")
    void refreshLockRunsAction() {
        store.set(provider, "user-1", token("old"));
        String result = store.withRefreshLock(provider, "user-1", Duration.ofSeconds(10), () -> {
            StoredCredentials row = store.get(provider, "user-1").orElseThrow();
            assertThat(store.compareAndSet(provider, "user-1", row.version(), token("new"))).isTrue();
            assertThat(store.get(provider, "user-1").orElseThrow().data()).containsEntry("access_token", "new");
            return "done";
        });
        assertThat(result).isEqualTo("done");
        StoredCredentials row = store.get(provider, "user-1").orElseThrow();
        assertThat(row.data()).containsEntry("access_token", "new");
        assertThat(row.version()).isEqualTo(2);
    }

    @Test
    @DisplayName("withRefreshLock works before the row exists, and the action may create it")
    void refreshLockWithoutRow() {
        boolean created = store.withRefreshLock(provider, "new-user", Duration.ofSeconds(10),
                () -> store.get(provider, "new-user").isEmpty() && store.compareAndSet(provider, "new-user", 0, token("first")));
        assertThat(created).isTrue();
        assertThat(store.get(provider, "new-user").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    @DisplayName("withRefreshLock may be re-entered for the same row on the same thread")
    void refreshLockReentrant() {
        String result = store.withRefreshLock(provider, "user-1", Duration.ofSeconds(10),
                () -> store.withRefreshLock(provider, "user-1", Duration.ofSeconds(10), () -> "inner"));
        assertThat(result).isEqualTo("inner");
    }

    @Test
    @DisplayName("withRefreshLock excludes concurrent holders of the same row (overlap 0) and each sees the last write")
    @Timeout(60)
    void refreshLockExcludes() throws Exception {
        int threads = 6;
        int rounds = 4;
        store.set(provider, "user-1", Map.of("n", 0L));
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        AtomicInteger casFailures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < rounds; i++) {
                        store.withRefreshLock(provider, "user-1", Duration.ofSeconds(30), () -> {
                            maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            try {
                                StoredCredentials row = store.get(provider, "user-1").orElseThrow();
                                long n = ((Number) row.data().get("n")).longValue();
                                sleep(3);
                                if (!store.compareAndSet(provider, "user-1", row.version(), Map.of("n", n + 1))) {
                                    casFailures.incrementAndGet();
                                }
                                return null;
                            } finally {
                                inside.decrementAndGet();
                            }
                        });
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(maxInside.get()).as("holders at once").isEqualTo(1);
        assertThat(casFailures.get()).as("compare-and-set failures under the lock").isZero();
        assertThat(store.get(provider, "user-1").orElseThrow().data()).containsEntry("n", (long) threads * rounds);
    }

    @Test
    @DisplayName("withRefreshLock waits at most the timeout, then throws RefreshLockTimeoutException without running the action")
    @Timeout(30)
    void refreshLockTimeout() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> holder = pool.submit(() -> store.withRefreshLock(provider, "user-1", Duration.ofSeconds(10), () -> {
                held.countDown();
                await(release);
                return null;
            }));
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

            AtomicBoolean ran = new AtomicBoolean();
            long start = System.nanoTime();
            assertThatThrownBy(() -> store.withRefreshLock(provider, "user-1", Duration.ofMillis(200), () -> {
                ran.set(true);
                return null;
            })).isInstanceOf(RefreshLockTimeoutException.class).hasMessageContaining(provider);
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(ran).isFalse();
            assertThat(waitedMillis).isBetween(150L, 5_000L);

            if (refreshLockIsPerRow()) {
                assertThat(store.withRefreshLock(provider, "user-2", Duration.ofSeconds(5), () -> "free"))
                        .as("another row is not blocked by this one").isEqualTo("free");
            }

            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            assertThat(store.withRefreshLock(provider, "user-1", Duration.ofSeconds(5), () -> "after")).isEqualTo("after");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("an exception inside withRefreshLock reaches the caller unchanged and releases the lock")
    void refreshLockExceptionPropagates() {
        store.set(provider, "user-1", token("old"));
        IllegalStateException boom = new IllegalStateException("refresh failed");
        assertThatThrownBy(() -> store.withRefreshLock(provider, "user-1", Duration.ofSeconds(5), () -> {
            throw boom;
        })).isSameAs(boom);
        assertThat(store.withRefreshLock(provider, "user-1", Duration.ofSeconds(5), () -> "again")).isEqualTo("again");
    }

    @Test
    @DisplayName("an exception inside withRefreshLock undoes the action's writes (transactional stores) or keeps them (the others)")
    void refreshLockRollsBackOrWritesThrough() {
        store.set(provider, "user-1", token("old"));
        assertThatThrownBy(() -> store.withRefreshLock(provider, "user-1", Duration.ofSeconds(5), () -> {
            assertThat(store.compareAndSet(provider, "user-1", 1, token("half-done"))).isTrue();
            store.set(provider, "user-2", token("also undone"));
            throw new IllegalStateException("refresh failed after the write");
        })).isInstanceOf(IllegalStateException.class);

        StoredCredentials row = store.get(provider, "user-1").orElseThrow();
        if (refreshLockRollsBackOnException()) {
            assertThat(row.data()).containsEntry("access_token", "old");
            assertThat(row.version()).isEqualTo(1);
            assertThat(store.get(provider, "user-2")).isEmpty();
        } else {
            // Write-through stores (in memory): each write stands on its own, as the SPI allows; the
            // refresher never throws inside the lock after writing, so this loses nothing.
            assertThat(row.data()).containsEntry("access_token", "half-done");
            assertThat(row.version()).isEqualTo(2);
            assertThat(store.get(provider, "user-2")).isPresent();
        }
    }

    @Test
    @DisplayName("data and StoredCredentials.toString never show tokens")
    void toStringRedacted() {
        store.set(provider, "user-1", token("canary-token-5f1e"));
        assertThat(store.get(provider, "user-1").orElseThrow().toString()).doesNotContain("canary-token-5f1e");
        assertThat(store.toString()).doesNotContain("canary-token-5f1e");
    }

    private static List<String> subjects(List<StoredCredentials> rows) {
        return rows.stream().map(StoredCredentials::subject).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
