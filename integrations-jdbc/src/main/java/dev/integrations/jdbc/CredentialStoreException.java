package dev.integrations.jdbc;

import dev.integrations.core.IntegrationsException;

/**
 * A JDBC store could not read or write: the database was unreachable, the connection dropped, the
 * schema is missing or differs, or a row could not be decrypted (see
 * {@link CredentialDecryptionException}).
 *
 * <p>The message says what failed, for which provider and subject where there is one, the SQLState
 * and what to do. It never contains tokens, ciphertext, raw OAuth states or key material: the
 * cause, when there is one, is a copy of the driver's exception reduced to its first line, because
 * some drivers append the failing row's values to their messages.
 *
 * <p>When this is thrown by a write, or by a refresh-lease call, the transaction was rolled back
 * (or never committed): stored data is as it was before the call, and the call can be retried.
 */
public class CredentialStoreException extends IntegrationsException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message that says what to do.
     *
     * @param message what failed and what to do
     */
    public CredentialStoreException(String message) {
        super(message);
    }

    /**
     * An exception with a message that says what to do and its cause.
     *
     * @param message what failed and what to do
     * @param cause the underlying failure, e.g. an {@link java.sql.SQLException}
     */
    public CredentialStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
