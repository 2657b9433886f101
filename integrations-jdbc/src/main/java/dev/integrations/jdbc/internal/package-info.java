/**
 * The machinery of the JDBC stores; not API: public only so that {@code dev.integrations.jdbc}
 * can use it, and free to change in any release. Applications use {@code dev.integrations.jdbc}.
 *
 * <ul>
 *   <li>{@link dev.integrations.jdbc.internal.Database}: connections, lazy dialect detection and
 *       schema creation, and failures translated into safe-to-log {@code CredentialStoreException}s;
 *       {@link dev.integrations.jdbc.internal.Tables} names the tables.</li>
 *   <li>{@link dev.integrations.jdbc.internal.SqlDialect}: what differs between databases, as
 *       behaviour each {@code JdbcDialect} constant carries (upserts, insert-if-absent, single-use
 *       deletes, duplicate-key and lock-conflict errors, key order, DDL).</li>
 *   <li>{@link dev.integrations.jdbc.internal.RowCodec} and
 *       {@link dev.integrations.jdbc.internal.CredentialRows}: the row codecs, sealing and opening
 *       payloads through the key ring's {@link dev.integrations.jdbc.internal.Cipher}. The format
 *       is fixed so that rows written by earlier versions stay readable.</li>
 *   <li>{@link dev.integrations.jdbc.internal.RefreshLeases}: refresh leases taken and released
 *       with short auto-commit statements.</li>
 *   <li>{@link dev.integrations.jdbc.internal.Reencryptor}: moves credential rows to the primary key.</li>
 *   <li>{@link dev.integrations.jdbc.internal.SqliteDataSources}: the embedded SQLite pool.</li>
 * </ul>
 */
@NullMarked
package dev.integrations.jdbc.internal;

import org.jspecify.annotations.NullMarked;
