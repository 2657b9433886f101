package dev.integrations.jdbc;

import dev.integrations.auth.oauth2.PendingAuthorization;
import dev.integrations.auth.store.StoredCredentials;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("JdbcStores.sqlite / JdbcCredentialStore.sqlite: the embedded default in one call")
class SqliteStoresTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("creates the file (owner-only) and its directories, in WAL mode, with both stores working")
    void oneCall() throws Exception {
        Path file = dir.resolve("data/nested/integrations.db");
        EncryptionKeys keys = EncryptionKeys.generate("k1");
        try (JdbcStores stores = JdbcStores.sqlite(file, keys)) {
            stores.credentials().set("github", "user-1", Map.of("access_token", "t"));
            Instant now = Instant.now();
            stores.authorizationStates().save(new PendingAuthorization("github", "s", "v", null, "user-1", List.of(), now,
                    now.plusSeconds(60)));
            assertThat(stores.authorizationStates().consume("github", "s", now)).isPresent();
            assertThat(stores.credentials().dialect()).isEqualTo(JdbcDialect.SQLITE);
            try (Connection c = stores.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
            }
        }
        assertThat(file).exists();
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        try (JdbcCredentialStore reopened = JdbcCredentialStore.sqlite(file, keys)) {
            assertThat(reopened.get("github", "user-1")).get().extracting(StoredCredentials::version).isEqualTo(1L);
        }
    }

    @Test
    @DisplayName("several JdbcStores on one file (like several processes) serialise refreshes and lose no update")
    @Timeout(60)
    void severalOnOneFile() throws Exception {
        Path file = dir.resolve("shared.db");
        EncryptionKeys keys = EncryptionKeys.generate("k1");
        List<JdbcStores> instances = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            instances.add(JdbcStores.sqlite(file, keys));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            instances.get(0).credentials().set("github", "user-1", Map.of("n", 0L));
            AtomicInteger inside = new AtomicInteger();
            AtomicInteger maxInside = new AtomicInteger();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                JdbcCredentialStore store = instances.get(t % 3).credentials();
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 5; i++) {
                        String holder = "h" + thread + "-" + i;
                        while (!store.tryAcquireRefreshLease("github", "user-1", holder, Duration.ofSeconds(30))) {
                            Thread.sleep(2);
                        }
                        try {
                            maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            StoredCredentials row = store.get("github", "user-1").orElseThrow();
                            long n = ((Number) row.data().get("n")).longValue();
                            store.compareAndSet("github", "user-1", row.version(), Map.of("n", n + 1));
                            inside.decrementAndGet();
                        } finally {
                            store.releaseRefreshLease("github", "user-1", holder);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
            assertThat(maxInside.get()).isEqualTo(1);
            assertThat(instances.get(2).credentials().get("github", "user-1").orElseThrow().data()).containsEntry("n", 30L);
        } finally {
            pool.shutdownNow();
            instances.forEach(JdbcStores::close);
        }
    }

    @Test
    @DisplayName("a file that is not an SQLite database is a ConfigurationException naming the file and what to check")
    void fileThatIsNotADatabase() throws Exception {
        Path file = dir.resolve("not-a-database.db");
        Files.writeString(file, "this is a text file, not an SQLite database; ".repeat(200));

        assertThatThrownBy(() -> JdbcStores.sqlite(file, EncryptionKeys.generate("k1")))
                .isInstanceOf(dev.integrations.core.ConfigurationException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("not a database")
                .hasMessageContaining("point the store at another file");
    }
}
