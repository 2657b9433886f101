package dev.integrations.jdbc.internal;

import java.security.GeneralSecurityException;
import org.jspecify.annotations.Nullable;

/**
 * Authenticated encryption with associated data, as the row codecs need it. The key ring
 * ({@code EncryptionKeys}) hands one out, so that encrypting stays out of its public API.
 */
public interface Cipher {
    /**
     * Encrypts with the primary key, or leaves the bytes as they are (with a null key id) when there are no keys.
     *
     * @param plaintext the bytes to encrypt
     * @param associatedData what the ciphertext is bound to
     * @return the payload and the id of the key that wrote it
     */
    Sealed seal(byte[] plaintext, byte[] associatedData);

    /**
     * Decrypts a payload written under {@code keyId} (null: plain text).
     *
     * @param keyId the id stored beside the payload, or null for plain text
     * @param payload the stored bytes
     * @param associatedData what the ciphertext must be bound to
     * @return the plain bytes
     * @throws GeneralSecurityException with a message safe to show (no key material, no payload)
     */
    byte[] open(@Nullable String keyId, byte[] payload, byte[] associatedData) throws GeneralSecurityException;
}
