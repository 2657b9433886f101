package dev.integrations.benchmarks;

import dev.integrations.auth.store.CredentialStore;
import dev.integrations.auth.store.InMemoryCredentialStore;
import dev.integrations.jdbc.EncryptionKeys;

import java.time.Clock;
import java.util.List;

/**
 * The shared storage behind the refresh storm's instances: one in-memory store shared by all
 * (the only way to share it), or one database with a store and connection pool per instance, as
 * separate processes would have.
 */
final class StormStores {
    static final List<String> NAMES = List.of("memory", "sqlite", "postgres");
    /** Connections per instance's PostgreSQL pool: 4 instances x 4 = 16 connections. */
    private static final int POOL_SIZE = 4;

    private StormStores() {
    }

    /** Storage shared by every instance. */
    interface Storage extends AutoCloseable {
        CredentialStore storeForInstance(int index, Clock clock);

        @Override
        void close();
    }

    static Storage open(String name) {
        if (name.equals("memory")) {
            return new Storage() {
                private InMemoryCredentialStore shared;

                @Override
                public CredentialStore storeForInstance(int index, Clock clock) {
                    if (shared == null) {
                        shared = new InMemoryCredentialStore(clock);
                    }
                    return shared;
                }

                @Override
                public void close() {
                }
            };
        }
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown store '" + name + "'; one of " + NAMES);
        }
        EncryptionKeys keys = EncryptionKeys.generate("storm-key");
        return new Storage() {
            private BenchDatabases.Db db;

            @Override
            public CredentialStore storeForInstance(int index, Clock clock) {
                if (db == null) {
                    db = BenchDatabases.open(name, keys, clock, POOL_SIZE);
                    return db.store();
                }
                return db.storeForAnotherInstance(clock);
            }

            @Override
            public void close() {
                if (db != null) {
                    db.close();
                }
            }
        };
    }
}
