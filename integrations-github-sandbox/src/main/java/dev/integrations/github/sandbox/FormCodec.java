package dev.integrations.github.sandbox;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code application/x-www-form-urlencoded} decoding and encoding (also used for query strings). */
final class FormCodec {

    private FormCodec() {
    }

    /** Decodes {@code a=1&b=2&a=3}; names keep their first-seen order, values their order. */
    static Map<String, List<String>> decode(String encoded) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return result;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decodeComponent(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decodeComponent(pair.substring(eq + 1));
            result.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return result;
    }

    /** Like {@link #decode(String)} but keeps only the first value of each name. */
    static Map<String, String> decodeFirst(String encoded) {
        Map<String, String> result = new LinkedHashMap<>();
        decode(encoded).forEach((name, values) -> result.put(name, values.get(0)));
        return result;
    }

    /** Encodes name/value pairs in iteration order; {@code null} values are skipped. */
    static String encode(Map<String, ?> values) {
        StringBuilder out = new StringBuilder();
        values.forEach((name, value) -> {
            if (value == null) {
                return;
            }
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(encodeComponent(name)).append('=').append(encodeComponent(String.valueOf(value)));
        });
        return out.toString();
    }

    /** Appends encoded parameters to a URL that may already carry a query. */
    static String appendQuery(String url, Map<String, ?> values) {
        String query = encode(values);
        if (query.isEmpty()) {
            return url;
        }
        if (url.indexOf('?') < 0) {
            return url + '?' + query;
        }
        return url.endsWith("?") || url.endsWith("&") ? url + query : url + '&' + query;
    }

    static String encodeComponent(String value) {
        // URLEncoder writes spaces as '+', which every form decoder (and GitHub) reads back as a space.
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String decodeComponent(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedPercentEscape) {
            // A stray '%' should not turn a request into a server error; keep the text as sent.
            return value;
        }
    }
}
