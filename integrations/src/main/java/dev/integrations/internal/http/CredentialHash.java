package dev.integrations.internal.http;

import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A stable, one-way name for the credential a request carries, so that per-credential state
 * (cached responses, rate-limit counters) can be keyed by it without ever holding a token in
 * clear: a heap dump, a shared cache or a {@code toString()} then shows only the hash.
 *
 * <p>The hash is SHA-256 over the credential only, without its scheme ({@code Bearer x} and
 * {@code token x} are the same token to GitHub and share one rate limit). API tokens carry far
 * more than 128 bits of randomness, so the hash cannot be reversed by guessing. It is not salted,
 * on purpose: an external {@link ResponseCache} shared by several processes must compute the
 * same key for the same token.
 */
public final class CredentialHash {
    /** The key for requests without credentials (GitHub limits them per IP address). */
    public static final String ANONYMOUS = "anonymous";

    private CredentialHash() {
    }

    /**
     * The hash of the credential in an {@code Authorization} header value such as
     * {@code Bearer ghp_...}; {@link #ANONYMOUS} for null or blank.
     */
    public static String ofAuthorization(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return ANONYMOUS;
        }
        String value = authorizationHeader.trim();
        int space = value.indexOf(' ');
        return ofToken(space < 0 ? value : value.substring(space + 1).trim());
    }

    /**
     * A function like {@link #ofAuthorization} that remembers its last input and result: a
     * provider sends the same credential on every call, so each step that keys on it hashes it once
     * rather than per request. It holds the last header value, which its owner holds anyway.
     */
    public static java.util.function.UnaryOperator<String> memoizingOfAuthorization() {
        java.util.concurrent.atomic.AtomicReference<String[]> last = new java.util.concurrent.atomic.AtomicReference<>();
        return header -> {
            String[] memo = last.get();
            if (memo != null && java.util.Objects.equals(memo[0], header)) {
                return memo[1];
            }
            String hash = ofAuthorization(header);
            last.set(new String[] {header, hash});
            return hash;
        };
    }

    /** The hash of a bare token; {@link #ANONYMOUS} for null or blank. */
    public static String ofToken(@Nullable String token) {
        if (token == null || token.isBlank()) {
            return ANONYMOUS;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.trim().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
