package dev.integrations.jdbc;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.integrations.core.ConfigurationException;
import dev.integrations.auth.oauth2.PendingAuthorization;
import dev.integrations.auth.store.StoredCredentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What the JDBC stores do beyond the SPI contract: encryption at rest, typed errors for bad rows,
 * key rotation, schema handling, cross-process locking and dropped connections. One subclass per
 * database supplies {@link #db()}.
 */
abstract class JdbcStoreBehaviour {
    private static final String CANARY_ACCESS = "gho_canaryAccess7f3a9c";
    private static final String CANARY_REFRESH = "ghr_canaryRefresh1b2d4e";

    abstract TestDatabase db();

    private String provider;
    private JdbcCredentialStore store;

    @BeforeEach
    void setUp() {
        provider = "p" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        store = db().credentialStore();
    }

    private static Map<String, Object> canaryToken() {
        return Map.of("access_token", CANARY_ACCESS, "refresh_token", CANARY_REFRESH, "token_type", "bearer",
                "expires_at", Instant.now().plusSeconds(28_800).getEpochSecond());
    }

    // ---- encryption at rest ---------------------------------------------------------------------

    @Test
    @DisplayName("raw credential rows read with plain JDBC contain no token, and carry the key id and expiry")
    void rawCredentialRowsHoldNoToken() throws SQLException {
        store.set(provider, "user-1", canaryToken());
        store.compareAndSet(provider, "user-2", 0, canaryToken());

        List<Map<String, Object>> rows = rawRows(store.tableName(), provider);
        assertThat(rows).hasSize(2);
        String dump = dump(rows);
        assertThat(dump).doesNotContain(CANARY_ACCESS).doesNotContain(CANARY_REFRESH).doesNotContain("canary");
        for (Map<String, Object> row : rows) {
            assertThat(row.get("key_id")).isEqualTo("test-k1");
            assertThat(((Number) row.get("expires_at")).longValue()).isGreaterThan(System.currentTimeMillis());
            assertThat(row.get("status")).isEqualTo("ACTIVE");
        }
        assertThat(store.get(provider, "user-1").orElseThrow().data()).containsEntry("access_token", CANARY_ACCESS);
    }

    @Test
    @DisplayName("raw authorization-state rows hold the state's SHA-256 only, never the state, verifier or redirect")
    void rawStateRowsHoldNoState() throws SQLException {
        JdbcAuthorizationStateStore states = db().stateStore();
        String state = "state-canary-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        Instant now = Instant.now();
        states.save(new PendingAuthorization(provider, state, "verifier-canary-9d8e", URI.create("https://app.example/cb-canary"),
                "subject-canary", List.of("repo"), now, now.plusSeconds(600)));

        List<Map<String, Object>> rows = rawRows(states.tableName(), provider);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("state_hash")).isEqualTo(JdbcAuthorizationStateStore.stateHash(state));
        assertThat(dump(rows)).doesNotContain("canary").doesNotContain(state);
        assertThat(states.consume(provider, state, now)).isPresent();
    }

    @Test
    @DisplayName("ciphertext copied to another subject's or provider's row does not decrypt: typed error, no secret")
    void copiedRowFailsToDecrypt() throws SQLException {
        store.set(provider, "victim", canaryToken());
        store.set(provider, "attacker", Map.of("access_token", "attacker-own"));
        store.set(provider + "x", "victim", Map.of("access_token", "other-provider"));
        byte[] payload = (byte[]) rawRows(store.tableName(), provider).stream()
                .filter(r -> r.get("subject").equals("victim")).findFirst().orElseThrow().get("payload");

        execute("UPDATE " + store.tableName() + " SET payload = ? WHERE provider = ? AND subject = ?", payload, provider, "attacker");
        execute("UPDATE " + store.tableName() + " SET payload = ? WHERE provider = ? AND subject = ?", payload, provider + "x", "victim");

        Throwable copied = catchThrowable(() -> store.get(provider, "attacker"));
        assertThat(copied).isInstanceOf(CredentialDecryptionException.class)
                .hasMessageContaining(provider).hasMessageContaining("'attacker'").hasMessageContaining("test-k1");
        assertNoSecret(copied, payload);
        assertThat(catchThrowable(() -> store.get(provider + "x", "victim"))).isInstanceOf(CredentialDecryptionException.class);
        assertThat(store.get(provider, "victim").orElseThrow().data()).containsEntry("access_token", CANARY_ACCESS);
    }

    @Test
    @DisplayName("a different key under the same id, or an unknown key id, gives a typed error naming the key")
    void wrongKey() {
        store.set(provider, "user-1", canaryToken());

        JdbcCredentialStore wrong = db().credentials(db().dataSource(), db().prefix())
                .encryption(EncryptionKeys.generate("test-k1")).build();
        Throwable e = catchThrowable(() -> wrong.get(provider, "user-1"));
        assertThat(e).isInstanceOf(CredentialDecryptionException.class).hasMessageContaining("authentication failed")
                .hasMessageContaining("test-k1");
        assertNoSecret(e, null);

        JdbcCredentialStore unknown = db().credentials(db().dataSource(), db().prefix())
                .encryption(EncryptionKeys.generate("other-key")).build();
        assertThatThrownBy(() -> unknown.get(provider, "user-1")).isInstanceOf(CredentialDecryptionException.class)
                .hasMessageContaining("'test-k1', which is not in the key ring [other-key]");
    }

    @Test
    @DisplayName("corrupted, truncated or emptied rows give typed errors; other rows and later writes are unaffected")
    void corruptedRows() throws SQLException {
        store.set(provider, "flipped", canaryToken());
        store.set(provider, "truncated", canaryToken());
        store.set(provider, "empty", canaryToken());
        store.set(provider, "intact", canaryToken());
        store.set(provider, "bad-status", canaryToken());
        byte[] payload = (byte[]) rawRows(store.tableName(), provider).stream()
                .filter(r -> r.get("subject").equals("flipped")).findFirst().orElseThrow().get("payload");
        byte[] flipped = payload.clone();
        flipped[flipped.length / 2] ^= 0x01;
        execute("UPDATE " + store.tableName() + " SET payload = ? WHERE provider = ? AND subject = ?", flipped, provider, "flipped");
        execute("UPDATE " + store.tableName() + " SET payload = ? WHERE provider = ? AND subject = ?",
                Arrays.copyOf(payload, 10), provider, "truncated");
        execute("UPDATE " + store.tableName() + " SET payload = ? WHERE provider = ? AND subject = ?", new byte[0], provider, "empty");
        execute("UPDATE " + store.tableName() + " SET status = ? WHERE provider = ? AND subject = ?", "BOGUS", provider, "bad-status");

        for (String subject : List.of("flipped", "truncated", "empty")) {
            Throwable e = catchThrowable(() -> store.get(provider, subject));
            assertThat(e).as(subject).isInstanceOf(CredentialDecryptionException.class).hasMessageContaining("'" + subject + "'");
            assertNoSecret(e, payload);
        }
        assertThat(catchThrowable(() -> store.get(provider, "bad-status"))).isInstanceOf(CredentialStoreException.class)
                .hasMessageContaining("BOGUS");
        assertThat(store.get(provider, "intact").orElseThrow().data()).containsEntry("access_token", CANARY_ACCESS);

        // Recovery: the row can be overwritten or deleted without reading it.
        store.set(provider, "flipped", Map.of("access_token", "reconnected"));
        assertThat(store.get(provider, "flipped").orElseThrow().data()).containsEntry("access_token", "reconnected");
        assertThat(store.delete(provider, "truncated")).isTrue();
        assertThat(catchThrowable(() -> store.list(new dev.integrations.auth.store.CredentialFilter(provider, null, null, 100))))
                .as("list names the bad row rather than hiding it").isInstanceOf(CredentialStoreException.class);
    }

    @Test
    @DisplayName("a corrupted authorization-state row gives a typed error on consume and is gone afterwards")
    void corruptedStateRow() throws SQLException {
        JdbcAuthorizationStateStore states = db().stateStore();
        Instant now = Instant.now();
        states.save(new PendingAuthorization(provider, "s-corrupt", "v", null, null, List.of(), now, now.plusSeconds(600)));
        states.save(new PendingAuthorization(provider, "s-fine", "v", null, null, List.of(), now, now.plusSeconds(600)));
        execute("UPDATE " + states.tableName() + " SET payload = ? WHERE provider = ? AND state_hash = ?", new byte[] {1, 2, 3},
                provider, JdbcAuthorizationStateStore.stateHash("s-corrupt"));

        assertThatThrownBy(() -> states.consume(provider, "s-corrupt", now)).isInstanceOf(CredentialDecryptionException.class)
                .hasMessageNotContaining("s-corrupt");
        assertThat(states.consume(provider, "s-corrupt", now)).isEmpty();
        assertThat(states.consume(provider, "s-fine", now)).isPresent();
    }

    @Test
    @DisplayName("key rotation: new writes use the new primary, old rows still decrypt, reencrypt() moves them")
    void keyRotation() throws SQLException {
        String prefix = db().newPrefix();
        EncryptionKeys k1 = EncryptionKeys.generate("k1");
        byte[] k2 = new byte[32];
        new java.security.SecureRandom().nextBytes(k2);
        EncryptionKeys rotated = k1.withNewPrimary("k2", k2);
        JdbcCredentialStore old = db().credentials(db().dataSource(), prefix).encryption(k1).build();
        for (int i = 0; i < 5; i++) {
            old.set(provider, "old-" + i, canaryToken());
        }
        old.markNeedsReauthorization(provider, "old-0", 1);
        JdbcAuthorizationStateStore oldStates = db().states(db().dataSource(), prefix).encryption(k1).build();
        Instant now = Instant.now();
        oldStates.save(new PendingAuthorization(provider, "pending-before-rotation", "v", null, null, List.of(), now,
                now.plusSeconds(600)));

        JdbcCredentialStore current = db().credentials(db().dataSource(), prefix).encryption(rotated).build();
        assertThat(current.get(provider, "old-1").orElseThrow().data()).containsEntry("access_token", CANARY_ACCESS);
        current.set(provider, "new", canaryToken());
        assertThat(keyIds(current.tableName())).containsEntry("new", "k2").containsEntry("old-1", "k1");
        assertThat(db().states(db().dataSource(), prefix).encryption(rotated).build()
                .consume(provider, "pending-before-rotation", now)).isPresent();

        assertThat(current.reencrypt(2)).isEqualTo(5);
        assertThat(keyIds(current.tableName()).values()).containsOnly("k2");
        assertThat(current.reencrypt()).isZero();

        StoredCredentials marked = current.get(provider, "old-0").orElseThrow();
        assertThat(marked.version()).as("re-encryption is not a write of new data").isEqualTo(1);
        assertThat(marked.status()).isEqualTo(dev.integrations.auth.store.CredentialStatus.NEEDS_REAUTHORIZATION);

        EncryptionKeys onlyK2 = EncryptionKeys.parse(rotated.toEnvironmentValue().split(",")[0]);
        JdbcCredentialStore afterDrop = db().credentials(db().dataSource(), prefix).encryption(onlyK2).build();
        for (int i = 0; i < 5; i++) {
            assertThat(afterDrop.get(provider, "old-" + i).orElseThrow().data()).containsEntry("refresh_token", CANARY_REFRESH);
        }
    }

    @Test
    @DisplayName("plain text only by explicit opt-out, with one WARN; encrypted stores refuse such rows until reencrypt()")
    void plaintextOptOut() throws SQLException {
        String prefix = db().newPrefix();
        Logger logger = (Logger) LoggerFactory.getLogger(JdbcCredentialStore.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        JdbcCredentialStore plain;
        try {
            plain = db().credentials(db().dataSource(), prefix).plaintext().build();
            plain.set(provider, "user-1", canaryToken());
            plain.set(provider, "user-1", canaryToken());
            plain.get(provider, "user-1");
        } finally {
            logger.detachAppender(appender);
        }
        List<ILoggingEvent> warnings = appender.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).getFormattedMessage()).contains("plain text").contains(prefix + "credentials");
        assertThat(appender.list).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain("canary"));

        Map<String, Object> raw = rawRows(plain.tableName(), provider).get(0);
        assertThat(raw.get("key_id")).isNull();
        assertThat(new String((byte[]) raw.get("payload"), StandardCharsets.UTF_8)).contains(CANARY_ACCESS);
        assertThat(plain.get(provider, "user-1").orElseThrow().data()).containsEntry("access_token", CANARY_ACCESS);

        JdbcCredentialStore encrypted = db().credentials(db().dataSource(), prefix).build();
        assertThatThrownBy(() -> encrypted.get(provider, "user-1")).isInstanceOf(CredentialDecryptionException.class)
                .hasMessageContaining("plain text").hasMessageContaining("reencrypt()");
        assertThat(encrypted.reencrypt()).isEqualTo(1);
        assertThat(dump(rawRows(plain.tableName(), provider))).doesNotContain("canary");
        assertThat(encrypted.get(provider, "user-1").orElseThrow().data()).containsEntry("access_token", CANARY_ACCESS);
        assertThatThrownBy(() -> plain.get(provider, "user-1")).isInstanceOf(CredentialDecryptionException.class)
                .hasMessageContaining("no keys");
        assertThatThrownBy(plain::reencrypt).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("without a key ring in code or environment, building fails with a message that says how to create one")
    void missingKey() {
        for (Runnable build : List.<Runnable>of(
                () -> JdbcCredentialStore.builder(db().dataSource()).environment(Map.of()).build(),
                () -> JdbcAuthorizationStateStore.builder(db().dataSource()).environment(Map.of()).build())) {
            assertThatThrownBy(build::run).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining(EncryptionKeys.ENVIRONMENT_VARIABLE)
                    .hasMessageContaining(EncryptionKeys.KEY_FILE_VARIABLE)
                    .hasMessageContaining("EncryptionKeys.generate()")
                    .hasMessageContaining(".plaintext()");
        }
        JdbcCredentialStore fromEnv = JdbcCredentialStore.builder(db().dataSource()).tablePrefix(db().prefix())
                .environment(Map.of(EncryptionKeys.ENVIRONMENT_VARIABLE, db().keys().toEnvironmentValue())).build();
        store.set(provider, "user-1", canaryToken());
        assertThat(fromEnv.get(provider, "user-1")).isPresent();
    }

    // ---- schema -----------------------------------------------------------------------------------

    @Test
    @DisplayName("schema creation is idempotent: stores built twice, and the shipped statements run twice, all work")
    void schemaIdempotent() throws SQLException {
        String prefix = db().newPrefix();
        JdbcCredentialStore first = db().credentials(db().dataSource(), prefix).build();
        first.set(provider, "user-1", canaryToken());
        JdbcCredentialStore second = db().credentials(db().dataSource(), prefix).build();
        assertThat(second.get(provider, "user-1")).isPresent();
        db().states(db().dataSource(), prefix).build().purgeExpired(Instant.now());
        for (int i = 0; i < 2; i++) {
            try (Connection c = db().dataSource().getConnection(); Statement s = c.createStatement()) {
                for (String sql : db().dialect().schemaStatements(prefix)) {
                    s.execute(sql);
                }
            }
        }
        assertThat(second.get(provider, "user-1").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    @DisplayName("createSchema(false): a clear error until the shipped SQL is applied by hand, then everything works")
    void schemaAppliedByHand() throws SQLException {
        String prefix = db().newPrefix();
        JdbcCredentialStore manual = db().credentials(db().dataSource(), prefix).createSchema(false).build();
        JdbcAuthorizationStateStore manualStates = db().states(db().dataSource(), prefix).createSchema(false).build();

        assertThatThrownBy(() -> manual.get(provider, "user-1")).isInstanceOf(CredentialStoreException.class)
                .hasMessageContaining(db().dialect().schemaResource()).hasMessageContaining("createSchema");

        List<String> statements = db().dialect().schemaStatements(prefix);
        assertThat(statements).allSatisfy(sql -> assertThat(sql).doesNotContain("integrations_").doesNotContain("--"));
        try (Connection c = db().dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
        manual.set(provider, "user-1", canaryToken());
        assertThat(manual.get(provider, "user-1")).isPresent();
        assertThat(manual.tryAcquireRefreshLease(provider, "user-1", "holder", Duration.ofSeconds(5))).isTrue();
        manual.releaseRefreshLease(provider, "user-1", "holder");
        Instant now = Instant.now();
        manualStates.save(new PendingAuthorization(provider, "s1", null, null, null, List.of(), now, now.plusSeconds(60)));
        assertThat(manualStates.consume(provider, "s1", now)).isPresent();
    }

    @Test
    @DisplayName("large tokens (10 KB and more) round-trip")
    void largeTokens() {
        String big = "x".repeat(10 * 1024) + "-end";
        String installation = "ghs_" + "A".repeat(516);
        store.set(provider, "user-1", Map.of("access_token", big, "refresh_token", installation, "padding", "y".repeat(100_000)));
        StoredCredentials row = store.get(provider, "user-1").orElseThrow();
        assertThat(row.data().get("access_token")).isEqualTo(big);
        assertThat(row.data().get("refresh_token")).isEqualTo(installation);

        JdbcAuthorizationStateStore states = db().stateStore();
        Instant now = Instant.now();
        String longState = "s".repeat(2_000);
        states.save(new PendingAuthorization(provider, longState, big, null, "z".repeat(5_000), List.of(), now, now.plusSeconds(60)));
        assertThat(states.consume(provider, longState, now)).get().extracting(PendingAuthorization::codeVerifier).isEqualTo(big);
    }

    @Test
    @DisplayName("expired authorization states are purged when a new one is saved")
    void purgeOnSave() throws SQLException {
        JdbcAuthorizationStateStore states = db().states(db().dataSource(), db().prefix()).purgeInterval(Duration.ZERO).build();
        Instant now = Instant.now();
        for (int i = 0; i < 3; i++) {
            states.save(new PendingAuthorization(provider, "old-" + i, "v", null, null, List.of(), now.minusSeconds(7200),
                    now.minusSeconds(3600)));
        }
        assertThat(rawRows(states.tableName(), provider)).hasSize(3);
        states.save(new PendingAuthorization(provider, "fresh", "v", null, null, List.of(), now, now.plusSeconds(600)));
        assertThat(rawRows(states.tableName(), provider)).hasSize(1);

        // An expired row with the same state is replaced rather than refused.
        states.save(new PendingAuthorization(provider, "reused", "v1", null, null, List.of(), now.minusSeconds(7200),
                now.minusSeconds(3600)));
        states.save(new PendingAuthorization(provider, "reused", "v2", null, null, List.of(), now, now.plusSeconds(600)));
        assertThat(states.consume(provider, "reused", now)).get().extracting(PendingAuthorization::codeVerifier).isEqualTo("v2");
    }

    // ---- leases across processes ----------------------------------------------------------------

    @Test
    @DisplayName("two pools (two processes) contending for one row's refresh lease: never two holders, no lost update")
    @Timeout(120)
    void crossProcessExclusion() throws Exception {
        JdbcCredentialStore a = db().credentials(db().newPool(), db().prefix()).build();
        JdbcCredentialStore b = db().credentials(db().newPool(), db().prefix()).build();
        a.set(provider, "user-1", Map.of("n", 0L));
        int threadsPerStore = 3;
        int rounds = 4;
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        AtomicInteger casFailures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2 * threadsPerStore);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 2 * threadsPerStore; t++) {
                JdbcCredentialStore s = t % 2 == 0 ? a : b;
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < rounds; i++) {
                        String holder = "h" + thread + "-" + i;
                        while (!s.tryAcquireRefreshLease(provider, "user-1", holder, Duration.ofSeconds(60))) {
                            sleep(3);
                        }
                        maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        try {
                            StoredCredentials row = s.get(provider, "user-1").orElseThrow();
                            sleep(5);
                            long n = ((Number) row.data().get("n")).longValue();
                            if (!s.compareAndSet(provider, "user-1", row.version(), Map.of("n", n + 1))) {
                                casFailures.incrementAndGet();
                            }
                        } finally {
                            inside.decrementAndGet();
                            s.releaseRefreshLease(provider, "user-1", holder);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(100, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(maxInside.get()).isEqualTo(1);
        assertThat(casFailures.get()).isZero();
        assertThat(b.get(provider, "user-1").orElseThrow().data()).containsEntry("n", 2L * threadsPerStore * rounds);
        assertThat(db().leaseCount(provider)).isZero();
    }

    @Test
    @DisplayName("a lease left by a crashed process is taken over by another once expired, and purged from the table")
    void crossProcessTakeover() {
        JdbcCredentialStore a = db().credentials(db().newPool(), db().prefix()).build();
        JdbcCredentialStore b = db().credentials(db().newPool(), db().prefix()).build();
        assertThat(a.tryAcquireRefreshLease(provider, "user-1", "crashed", Duration.ofMillis(100))).isTrue();
        assertThat(b.tryAcquireRefreshLease(provider, "user-1", "successor", Duration.ofSeconds(30))).isFalse();
        sleep(250);
        assertThat(b.tryAcquireRefreshLease(provider, "user-1", "successor", Duration.ofSeconds(30))).isTrue();
        a.releaseRefreshLease(provider, "user-1", "crashed");
        assertThat(a.tryAcquireRefreshLease(provider, "user-1", "third", Duration.ofSeconds(30))).isFalse();
        b.releaseRefreshLease(provider, "user-1", "successor");
        assertThat(db().leaseCount(provider)).isZero();

        // Leftovers of crashed holders on pairs nobody refreshes again are purged by a later release.
        JdbcCredentialStore c = db().credentials(db().newPool(), db().prefix())
                .clock(java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofMinutes(-5))).build();
        assertThat(c.tryAcquireRefreshLease(provider, "abandoned", "crashed", Duration.ofSeconds(1))).isTrue();
        JdbcCredentialStore d = db().credentials(db().newPool(), db().prefix()).build();
        assertThat(d.tryAcquireRefreshLease(provider, "user-2", "holder", Duration.ofSeconds(30))).isTrue();
        d.releaseRefreshLease(provider, "user-2", "holder");
        assertThat(db().leaseCount(provider)).isZero();
    }

    @Test
    @DisplayName("a database created by the earlier version (no refresh_leases table) is upgraded on first use; rows stay readable")
    void schemaUpgradeFromEarlierVersion() throws SQLException {
        String prefix = db().newPrefix();
        db().credentials(db().dataSource(), prefix).build().set(provider, "user-1", canaryToken());
        try (Connection c = db().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE " + prefix + "refresh_leases");
            s.execute("DROP TABLE " + prefix + "webhook_deliveries"); // now exactly the tables the earlier version shipped
        }
        JdbcCredentialStore manual = db().credentials(db().dataSource(), prefix).createSchema(false).build();
        assertThatThrownBy(() -> manual.get(provider, "user-1")).isInstanceOf(CredentialStoreException.class)
                .hasMessageContaining("createSchema").hasMessageContaining(db().dialect().schemaResource());

        JdbcCredentialStore upgraded = db().credentials(db().dataSource(), prefix).build();
        assertThat(upgraded.get(provider, "user-1").orElseThrow().data()).containsEntry("access_token", CANARY_ACCESS);
        assertThat(upgraded.tryAcquireRefreshLease(provider, "user-1", "holder", Duration.ofSeconds(5))).isTrue();
        assertThat(upgraded.compareAndSet(provider, "user-1", 1, Map.of("access_token", "refreshed"))).isTrue();
        upgraded.releaseRefreshLease(provider, "user-1", "holder");
        assertThat(upgraded.get(provider, "user-1").orElseThrow().version()).isEqualTo(2);
    }

    @Test
    @DisplayName("credential stores built with createSchema(false) keep working on a database without the newer webhook table")
    void credentialStoresDoNotNeedTheWebhookTable() throws SQLException {
        String prefix = db().newPrefix();
        db().credentials(db().dataSource(), prefix).build().set(provider, "user-1", canaryToken());
        try (Connection c = db().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE " + prefix + "webhook_deliveries"); // a deployment that applied the previous schema by hand
        }

        JdbcCredentialStore manual = db().credentials(db().dataSource(), prefix).createSchema(false).build();

        assertThat(manual.get(provider, "user-1").orElseThrow().data()).containsEntry("access_token", CANARY_ACCESS);
        JdbcWebhookDeliveryStore webhooks = JdbcWebhookDeliveryStore.builder(db().dataSource()).tablePrefix(prefix)
                .dialect(db().dialect()).createSchema(false).build();
        assertThatThrownBy(() -> webhooks.markProcessed("72d3162e-cc78-11e3-81ab-4c9367dc0958", java.time.Instant.now()))
                .isInstanceOf(CredentialStoreException.class).hasMessageContaining("createSchema");
    }

    @Test
    @DisplayName("a database that cannot be reached gives a typed error that says what to do")
    void unreachableDatabase() {
        DataSource broken = new SimpleDataSource(() -> {
            throw new SQLException("Connection refused", "08001");
        });
        JdbcCredentialStore unreachable = JdbcCredentialStore.builder(broken).encryption(db().keys()).dialect(db().dialect()).build();
        assertThatThrownBy(() -> unreachable.get(provider, "user-1")).isInstanceOf(CredentialStoreException.class)
                .hasMessageContaining("08001").hasMessageContaining("reachable");
        assertThatThrownBy(() -> unreachable.tryAcquireRefreshLease(provider, "user-1", "holder", Duration.ofSeconds(1)))
                .isInstanceOf(CredentialStoreException.class);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static void assertNoSecret(Throwable e, byte[] payload) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
            for (Throwable s : t.getSuppressed()) {
                all.append(s).append('\n');
            }
        }
        assertThat(all.toString()).doesNotContain(CANARY_ACCESS).doesNotContain(CANARY_REFRESH).doesNotContain("canary");
        if (payload != null) {
            assertThat(all.toString()).doesNotContain(HexFormat.of().formatHex(payload, 1, 17))
                    .doesNotContain(java.util.Base64.getEncoder().encodeToString(Arrays.copyOfRange(payload, 1, 13)));
        }
    }

    private Map<String, String> keyIds(String table) throws SQLException {
        Map<String, String> ids = new java.util.TreeMap<>();
        for (Map<String, Object> row : rawRows(table, provider)) {
            ids.put((String) row.get("subject"), (String) row.get("key_id"));
        }
        return ids;
    }

    /** Every column of the rows of {@code provider}, read with plain JDBC. */
    private List<Map<String, Object>> rawRows(String table, String provider) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = db().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE provider = ?")) {
            ps.setString(1, provider);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new java.util.HashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        String name = md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
                        row.put(name, name.equals("payload") ? rs.getBytes(i) : rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** Rows as text, binary columns decoded as Latin-1 (every byte a character) and as UTF-8. */
    private static String dump(List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> row : rows) {
            for (Map.Entry<String, Object> e : row.entrySet()) {
                Object v = e.getValue();
                out.append(e.getKey()).append('=');
                if (v instanceof byte[] bytes) {
                    out.append(new String(bytes, StandardCharsets.ISO_8859_1)).append(' ')
                            .append(new String(bytes, StandardCharsets.UTF_8));
                } else {
                    out.append(v);
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private void execute(String sql, Object... args) throws SQLException {
        try (Connection c = db().dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
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
