package dev.integrations.internal.http;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code application/x-www-form-urlencoded} in both directions, for query strings, token
 * request bodies and GitHub's default (non-JSON) token responses.
 */
public final class FormEncoding {
    private FormEncoding() {
    }

    /** Encodes parameters in iteration order; null values are left out. Spaces become {@code %20}. */
    public static String encode(Map<String, String> parameters) {
        StringJoiner joiner = new StringJoiner("&");
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            if (e.getValue() != null) {
                joiner.add(component(e.getKey()) + "=" + component(e.getValue()));
            }
        }
        return joiner.toString();
    }

    /** Percent-encodes one component, with {@code %20} for spaces (GitHub's documented scope separator). */
    public static String component(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Decodes a query string or form body. A repeated name keeps its first value, so an attacker
     * appending a second {@code state=} to a callback cannot replace the real one.
     */
    public static Map<String, String> decode(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(name, value);
        }
        return out;
    }
}
