package dev.integrations.jdbc;

/**
 * A stored row could not be decrypted: it was encrypted with a key that is not in the
 * {@link EncryptionKeys} ring, with a different key under the same id, it was altered or
 * truncated, or it was copied from another provider or subject (the provider and subject are
 * bound to the ciphertext as associated data, so a copied row never decrypts).
 *
 * <p>Only this row is affected; other rows keep working. Either restore the key that wrote it
 * (keep old keys in the ring after the primary one) or delete the row so the user connects again.
 * The message names the table, provider and subject (or state hash) and the key id, never the
 * ciphertext.
 */
public class CredentialDecryptionException extends CredentialStoreException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message that says what to do.
     *
     * @param message what failed and what to do; never key material or ciphertext
     */
    public CredentialDecryptionException(String message) {
        super(message);
    }

    /**
     * An exception with a message that says what to do and its cause.
     *
     * @param message what failed and what to do; never key material or ciphertext
     * @param cause the underlying failure
     */
    public CredentialDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
