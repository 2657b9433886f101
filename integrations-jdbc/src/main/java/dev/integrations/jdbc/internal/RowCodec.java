package dev.integrations.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Seals and opens the payload of one kind of row, bound to the row's key by associated data
 * ({@code tag + '\0' + provider + '\0' + key}): a payload copied to another row, or to a table of
 * another kind, does not decrypt. The format is fixed: rows written by earlier versions must open.
 */
public final class RowCodec {
    private final Cipher cipher;
    private final String tag;

    /**
     * A codec for one kind of row.
     *
     * @param cipher the key ring's cipher
     * @param tag the purpose tag of this kind of row, part of the associated data
     */
    public RowCodec(Cipher cipher, String tag) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.tag = Objects.requireNonNull(tag, "tag");
    }

    /**
     * Encrypts a row's payload.
     *
     * @param provider the row's provider
     * @param key the row's key within the provider (subject, state digest)
     * @param plain the payload
     * @return the sealed payload
     */
    public Sealed seal(String provider, String key, byte[] plain) {
        return cipher.seal(plain, aad(provider, key));
    }

    /**
     * Decrypts a row's payload.
     *
     * @param provider the row's provider
     * @param key the row's key within the provider
     * @param keyId the key id stored with the row
     * @param payload the stored payload
     * @return the plain payload
     * @throws GeneralSecurityException when it does not decrypt (message safe to show)
     */
    public byte[] open(String provider, String key, @Nullable String keyId, byte[] payload) throws GeneralSecurityException {
        return cipher.open(keyId, payload, aad(provider, key));
    }

    private byte[] aad(String provider, String key) {
        return (tag + '\0' + provider + '\0' + key).getBytes(StandardCharsets.UTF_8);
    }
}
