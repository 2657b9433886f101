package dev.integrations.github.sandbox;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Signs webhook deliveries as GitHub does: {@code X-Hub-Signature-256} is {@code sha256=} and the
 * lower-case hex HMAC-SHA256 of the body under the webhook's secret (its UTF-8 bytes), and the
 * legacy {@code X-Hub-Signature} the same with HMAC-SHA1
 * (https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries). Written
 * independently of the SDK's verifier, so that a test of one against the other means something.
 */
final class WebhookSigner {
    private WebhookSigner() {
    }

    static String sha256(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac("HmacSHA256", secret, body));
    }

    static String sha1(String secret, byte[] body) {
        return "sha1=" + HexFormat.of().formatHex(hmac("HmacSHA1", secret, body));
    }

    private static byte[] hmac(String algorithm, String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is required by every Java platform", e);
        }
    }
}
