/**
 * Where credentials and pending authorizations live: the storage SPI and its in-memory
 * implementations.
 *
 * <p>{@link dev.integrations.auth.store.CredentialStore} keeps each subject's
 * {@link dev.integrations.auth.store.StoredCredentials} and the lock that makes a token refresh
 * happen once across threads and processes; {@link dev.integrations.auth.store.AuthorizationStateStore}
 * keeps the state of OAuth flows between their two legs. The in-memory implementations here suit
 * one process and tests; the {@code integrations-jdbc} module provides encrypted, shared ones.
 * Implementations are checked by the contract tests shipped in this module's test jar.
 *
 * <p>Types, parameters and results are non-null unless annotated {@code @Nullable}
 * (JSpecify's {@code @NullMarked}); NullAway checks this when the module is built.
 */
@NullMarked
package dev.integrations.auth.store;

import org.jspecify.annotations.NullMarked;
