package dev.integrations.github.webhooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Signs test deliveries the way GitHub does: {@code sha256=} + lower-case hex HMAC-SHA256 of the body. */
final class WebhookSignatures {
    private WebhookSignatures() {
    }

    static String sign(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac("HmacSHA256", secret, body));
    }

    static String signSha1(String secret, byte[] body) {
        return "sha1=" + HexFormat.of().formatHex(hmac("HmacSHA1", secret, body));
    }

    static byte[] hmac(String algorithm, String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The headers GitHub sends with a delivery, signed with {@code secret}. */
    static Map<String, String> headers(String secret, byte[] body, String event, String deliveryId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", "GitHub-Hookshot/abc1234");
        headers.put("Content-Type", "application/json");
        headers.put("X-GitHub-Event", event);
        headers.put("X-GitHub-Delivery", deliveryId);
        headers.put("X-GitHub-Hook-ID", "292430182");
        headers.put("X-GitHub-Hook-Installation-Target-ID", "79929171");
        headers.put("X-GitHub-Hook-Installation-Target-Type", "repository");
        headers.put("X-Hub-Signature", signSha1(secret, body));
        headers.put("X-Hub-Signature-256", sign(secret, body));
        return headers;
    }
}
