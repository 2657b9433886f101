package dev.integrations.internal.oauth2;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** PKCE (RFC 7636) with the S256 method, the only one GitHub accepts; and random OAuth states. */
public final class Pkce {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private Pkce() {
    }

    /** A random verifier: 32 bytes, base64url, 43 characters (RFC 7636 allows 43 to 128). */
    public static String newVerifier() {
        return randomUrlSafe(32);
    }

    /** A random state: 256 bits, URL-safe, 43 characters. */
    public static String newState() {
        return randomUrlSafe(32);
    }

    /** BASE64URL(SHA-256(ASCII(verifier))), without padding. */
    public static String s256Challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return URL.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static String randomUrlSafe(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return URL.encodeToString(buffer);
    }
}
