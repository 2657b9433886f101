package dev.integrations.auth.store;

import org.junit.jupiter.api.Assumptions;
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
     * How many refresh leases of {@code provider} the store's storage holds (held or expired), or
     * -1 when the test cannot see them.
     */
    protected int leaseCount(String provider) {
        return -1;
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
    @DisplayName("a refresh lease has one holder: others are refused at once, the holder may renew, release frees it")
    void refreshLeaseHasOneHolder() {
        store.set(provider, "user-1", token("old"));
        Duration ttl = Duration.ofSeconds(30);
        assertThat(store.tryAcquireRefreshLease(provider, "user-1", "holder-a", ttl)).isTrue();
        long start = System.nanoTime();
        assertThat(store.tryAcquireRefreshLease(provider, "user-1", "holder-b", ttl)).isFalse();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("refused without waiting").isLessThan(2_000);
        assertThat(store.tryAcquireRefreshLease(provider, "user-1", "holder-a", ttl)).as("renewal").isTrue();
        assertThat(store.tryAcquireRefreshLease(provider, "user-2", "holder-b", ttl)).as("another row is independent").isTrue();

        store.releaseRefreshLease(provider, "user-1", "holder-b"); // not its lease: no effect
        assertThat(store.tryAcquireRefreshLease(provider, "user-1", "holder-c", ttl)).isFalse();
        store.releaseRefreshLease(provider, "user-1", "holder-a");
        assertThat(store.tryAcquireRefreshLease(provider, "user-1", "holder-c", ttl)).isTrue();
        store.releaseRefreshLease(provider, "user-1", "holder-c");
        store.releaseRefreshLease(provider, "user-2", "holder-b");
        store.releaseRefreshLease(provider, "user-2", "holder-b"); // releasing twice is harmless
    }

    @Test
    @DisplayName("a refresh lease works before the credentials exist")
    void refreshLeaseWithoutRow() {
        assertThat(store.tryAcquireRefreshLease(provider, "new-user", "holder-a", Duration.ofSeconds(10))).isTrue();
        assertThat(store.compareAndSet(provider, "new-user", 0, token("first"))).isTrue();
        store.releaseRefreshLease(provider, "new-user", "holder-a");
        assertThat(store.get(provider, "new-user").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    @DisplayName("an expired lease (a crashed holder) is taken over; the old holder's release leaves the new lease alone")
    void expiredLeaseIsTakenOver() throws InterruptedException {
        assertThat(store.tryAcquireRefreshLease(provider, "user-1", "crashed", Duration.ofMillis(50))).isTrue();
        Thread.sleep(150);
        assertThat(store.tryAcquireRefreshLease(provider, "user-1", "successor", Duration.ofSeconds(30))).isTrue();
        store.releaseRefreshLease(provider, "user-1", "crashed");
        assertThat(store.tryAcquireRefreshLease(provider, "user-1", "third", Duration.ofSeconds(30))).isFalse();
        store.releaseRefreshLease(provider, "user-1", "successor");
        assertThat(store.tryAcquireRefreshLease(provider, "user-1", "third", Duration.ofSeconds(30))).isTrue();
        store.releaseRefreshLease(provider, "user-1", "third");
    }

    @Test
    @DisplayName("a held lease blocks nothing else: reads and writes of the same and other rows complete at once")
    @Timeout(30)
    void leaseBlocksNoOtherCall() {
        store.set(provider, "user-1", token("old"));
        assertThat(store.tryAcquireRefreshLease(provider, "user-1", "holder-a", Duration.ofSeconds(30))).isTrue();
        try {
            long start = System.nanoTime();
            store.set(provider, "user-2", token("other user"));
            assertThat(store.get(provider, "user-1")).isPresent();
            assertThat(store.compareAndSet(provider, "user-1", 1, token("new"))).isTrue();
            assertThat(store.markNeedsReauthorization(provider, "user-2", 1)).isTrue();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2_000);
        } finally {
            store.releaseRefreshLease(provider, "user-1", "holder-a");
        }
    }

    @Test
    @DisplayName("concurrent holders polling for one row's lease: never two at once, and no compare-and-set is lost")
    @Timeout(60)
    void refreshLeaseExcludes() throws Exception {
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
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < rounds; i++) {
                        String holder = "h" + thread + "-" + i;
                        while (!store.tryAcquireRefreshLease(provider, "user-1", holder, Duration.ofSeconds(30))) {
                            sleep(2);
                        }
                        maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        try {
                            StoredCredentials row = store.get(provider, "user-1").orElseThrow();
                            long n = ((Number) row.data().get("n")).longValue();
                            sleep(3);
                            if (!store.compareAndSet(provider, "user-1", row.version(), Map.of("n", n + 1))) {
                                casFailures.incrementAndGet();
                            }
                        } finally {
                            inside.decrementAndGet();
                            store.releaseRefreshLease(provider, "user-1", holder);
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
        assertThat(maxInside.get()).as("holders at once").isEqualTo(1);
        assertThat(casFailures.get()).as("compare-and-set failures under the lease").isZero();
        assertThat(store.get(provider, "user-1").orElseThrow().data()).containsEntry("n", (long) threads * rounds);
    }

    @Test
    @DisplayName("defect 5: refresh leases are removed after use, so storage does not grow with refreshed subjects")
    void defect5_leasesAreRemovedAfterUse() {
        for (int i = 0; i < 50; i++) {
            String holder = "holder-" + i;
            assertThat(store.tryAcquireRefreshLease(provider, "user-" + i, holder, Duration.ofSeconds(30))).isTrue();
            store.releaseRefreshLease(provider, "user-" + i, holder);
        }
        int leases = leaseCount(provider);
        Assumptions.assumeTrue(leases >= 0, "this store's leases are not visible to the test");
        assertThat(leases).isZero();
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
