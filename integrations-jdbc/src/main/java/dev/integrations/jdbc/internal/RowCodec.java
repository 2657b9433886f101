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
    private final byte[] tagBytes;

    /**
     * A codec for one kind of row.
     *
     * @param cipher the key ring's cipher
     * @param tag the purpose tag of this kind of row, part of the associated data
     */
    public RowCodec(Cipher cipher, String tag) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.tag = Objects.requireNonNull(tag, "tag");
        this.tagBytes = tag.getBytes(StandardCharsets.UTF_8);
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
        // Every read builds this: for ASCII names (the usual case) straight into one array, the
        // same bytes the concatenation's UTF-8 encoding gives, without the intermediate String.
        int length = tagBytes.length + 1 + provider.length() + 1 + key.length();
        if (!isAscii(provider) || !isAscii(key) || length < 0) {
            return (tag + '\0' + provider + '\0' + key).getBytes(StandardCharsets.UTF_8);
        }
        byte[] aad = new byte[length];
        System.arraycopy(tagBytes, 0, aad, 0, tagBytes.length);
        int at = tagBytes.length + 1; // aad[at - 1] is already the NUL separator
        at = putAscii(provider, aad, at) + 1;
        putAscii(key, aad, at);
        return aad;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static int putAscii(String s, byte[] into, int at) {
        for (int i = 0; i < s.length(); i++) {
            into[at++] = (byte) s.charAt(i);
        }
        return at;
    }
}
