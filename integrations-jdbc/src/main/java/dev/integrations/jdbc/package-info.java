/**
 * Persistent, encrypted stores over JDBC for the SDK's {@code dev.integrations.auth.store} contracts:
 * {@link dev.integrations.jdbc.JdbcCredentialStore} (a {@code CredentialStore}: users' tokens and
 * refresh leases) and {@link dev.integrations.jdbc.JdbcAuthorizationStateStore} (an
 * {@code AuthorizationStateStore}: pending OAuth flows), for SQLite, PostgreSQL and MariaDB/MySQL.
 *
 * <h2>Where to start</h2>
 * <ul>
 *   <li>{@link dev.integrations.jdbc.JdbcStores}: both stores in one call, over an embedded SQLite
 *       file ({@link dev.integrations.jdbc.JdbcStores#sqlite}) or the application's pooled
 *       {@code DataSource} ({@link dev.integrations.jdbc.JdbcStores#of}); hand them to the core
 *       module's {@code AuthManager} builder.</li>
 *   <li>The stores' builders for other options; {@link dev.integrations.jdbc.JdbcStoreOptions}
 *       holds those both share (key ring, table prefix, schema creation, dialect).</li>
 *   <li>{@link dev.integrations.jdbc.EncryptionKeys}: the key ring. Encryption at rest is on by
 *       default (AES-256-GCM with the row's provider and subject, or state digest, as associated
 *       data; a key id per row; rotation with
 *       {@link dev.integrations.jdbc.JdbcCredentialStore#reencrypt()}). Plain text only by explicit,
 *       logged opt-out.</li>
 *   <li>{@link dev.integrations.jdbc.JdbcDialect}: the supported databases and their shipped schema
 *       files, created on first use unless turned off.</li>
 *   <li>{@link dev.integrations.jdbc.CredentialStoreException} and
 *       {@link dev.integrations.jdbc.CredentialDecryptionException}: what the stores throw; their
 *       messages never contain tokens, ciphertext, states or keys.</li>
 * </ul>
 *
 * <h2>Behind the API</h2>
 * Everything else lives in {@code dev.integrations.jdbc.internal}, which is not API and may change
 * in any release: the row codecs (sealing and opening payloads with associated data), the
 * per-dialect SQL behaviour each {@code JdbcDialect} constant carries, connection handling and
 * schema management, refresh leases, re-encryption and the embedded SQLite pool.
 *
 * <p>Types, parameters and results are non-null unless annotated {@code @Nullable}
 * (JSpecify's {@code @NullMarked}); NullAway checks this when the module is built.
 */
@NullMarked
package dev.integrations.jdbc;

import org.jspecify.annotations.NullMarked;
