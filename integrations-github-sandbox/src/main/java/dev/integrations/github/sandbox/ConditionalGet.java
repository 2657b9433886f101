package dev.integrations.github.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Conditional GETs as GitHub answers them (https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api): a JSON response carries a weak
 * {@code ETag} derived from its body, and a request whose {@code If-None-Match} names that ETag
 * gets {@code 304 Not Modified} without a body, which does not count against the primary rate
 * limit (the {@link ApiGate} refunds the request it counted on admission).
 */
final class ConditionalGet {

    private ConditionalGet() {
    }

    /**
     * Sends {@code body} as a 200 with an {@code ETag}, or a 304 when the request already holds
     * that ETag. {@code headers} must be the admitted caller's headers; they are sent either way.
     */
    static void sendJson(SandboxExchange exchange, ApiGate gate, ApiGate.Caller caller, Object body,
                         Map<String, String> headers) {
        byte[] bytes;
        try {
            bytes = SandboxExchange.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Response body is not serialisable", e);
        }
        String etag = etag(bytes);
        headers.put("ETag", etag);
        if (matches(exchange.header("If-None-Match"), etag)) {
            gate.refund(caller);
            exchange.send(304, null, new byte[0], headers);
            return;
        }
        exchange.send(200, SandboxExchange.JSON, bytes, headers);
    }

    /** {@code W/"<sha-256 of the body>"}: a weak validator, as GitHub gives for JSON. */
    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "W/\"" + HexFormat.of().formatHex(digest, 0, 20) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Weak comparison (RFC 9110 §13.1.2): {@code *} or any listed tag equal to ours, ignoring {@code W/}. */
    static boolean matches(@Nullable String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String ours = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || opaque(tag).equals(ours)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        String t = tag.trim();
        return t.startsWith("W/") ? t.substring(2) : t;
    }
}
