/**
 * Persistent, encrypted stores over JDBC: {@link dev.integrations.jdbc.JdbcCredentialStore} and
 * {@link dev.integrations.jdbc.JdbcAuthorizationStateStore}, for SQLite (the embedded default,
 * {@link dev.integrations.jdbc.JdbcStores#sqlite}), PostgreSQL and MariaDB/MySQL.
 *
 * <ul>
 *   <li>Encryption at rest is on by default: {@link dev.integrations.jdbc.EncryptionKeys} (AES-256-GCM
 *       with the provider and subject as associated data, key ids per row, rotation with
 *       {@link dev.integrations.jdbc.JdbcCredentialStore#reencrypt()}). Plain text only by explicit,
 *       logged opt-out.</li>
 *   <li>The schema is the SQL file shipped per database ({@link dev.integrations.jdbc.JdbcDialect}),
 *       created on first use unless turned off.</li>
 *   <li>Refresh leases (a row with holder and expiry, taken and released with short statements)
 *       make one refresh of a (provider, subject) run at a time across processes without holding a
 *       transaction or connection during the token request.</li>
 *   <li>Failures are {@link dev.integrations.jdbc.CredentialStoreException}s whose messages never
 *       contain tokens, ciphertext, states or keys.</li>
 * </ul>
 */
package dev.integrations.jdbc;
