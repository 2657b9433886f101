package dev.integrations.github.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/** Random credentials in GitHub's formats, and constant-time comparison. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final int CHECKSUM_LENGTH = 6;

    private Secrets() {
    }

    /**
     * A classic-format token (https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats): {@code prefix} plus 36 characters of
     * {@code [A-Za-z0-9]}, the last 6 a base-62 CRC32 of the random part, like GitHub's checksum.
     */
    static String token(String prefix) {
        return prefix + checksummed(36);
    }

    /** A refresh token: {@code ghr_} plus 76 characters (GitHub's are 80 long in total). */
    static String refreshToken() {
        return "ghr_" + checksummed(76);
    }

    /** An authorization code: 20 lower-case hex characters, the shape GitHub issues. */
    static String authorizationCode() {
        return hex(10);
    }

    /** A client secret: 40 lower-case hex characters, the shape GitHub issues. */
    static String clientSecret() {
        return hex(20);
    }

    /** An unguessable opaque id (192 bits, base64url). */
    static String opaqueId() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A request id shaped like GitHub's {@code X-GitHub-Request-Id}, e.g. {@code C0DE:1A2B:3C4D5E:6F7A8B:65A1B2C3}. */
    static String requestId() {
        return (hex(2) + ":" + hex(2) + ":" + hex(3) + ":" + hex(3) + ":" + hex(4)).toUpperCase(Locale.ROOT);
    }

    /** Compares two strings in time that depends only on their lengths. */
    static boolean constantTimeEquals(String a, @Nullable String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String checksummed(int length) {
        String random = base62(length - CHECKSUM_LENGTH);
        CRC32 crc = new CRC32();
        crc.update(random.getBytes(StandardCharsets.US_ASCII));
        StringBuilder checksum = new StringBuilder();
        long value = crc.getValue();
        for (int i = 0; i < CHECKSUM_LENGTH; i++) {
            checksum.append(BASE62[(int) (value % 62)]);
            value /= 62;
        }
        return random + checksum.reverse();
    }

    private static String base62(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(BASE62[RANDOM.nextInt(BASE62.length)]);
        }
        return out.toString();
    }

    private static String hex(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }
}
