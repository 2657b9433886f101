package dev.integrations.internal.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The targets of an RFC 8288 {@code Link} header by relation type, e.g. GitHub's
 * {@code <https://api.github.com/user/repos?page=2>; rel="next", <...?page=5>; rel="last"}.
 *
 * <p>Targets are kept exactly as the server wrote them (resolved against the response's URI only
 * when relative), because GitHub's pagination URLs use {@code page}, {@code before}/{@code after}
 * or {@code since} depending on the endpoint and must not be rebuilt by clients.
 */
public final class LinkHeader {
    private final Map<String, URI> targets;

    private LinkHeader(Map<String, URI> targets) {
        this.targets = Collections.unmodifiableMap(targets);
    }

    /** No links. */
    public static LinkHeader empty() {
        return new LinkHeader(new LinkedHashMap<>());
    }

    /**
     * Parses a header value. Malformed parts are skipped rather than failing the whole response:
     * a page whose {@code next} link cannot be read is simply the last page we can reach.
     *
     * @param value the header value, or null
     * @param base the URI of the response, to resolve relative targets against; null keeps them
     *     as written
     */
    public static LinkHeader parse(@Nullable String value, @Nullable URI base) {
        Map<String, URI> targets = new LinkedHashMap<>();
        if (value == null) {
            return new LinkHeader(targets);
        }
        int i = 0;
        while (true) {
            int open = value.indexOf('<', i);
            if (open < 0) {
                break;
            }
            int close = value.indexOf('>', open);
            if (close < 0) {
                break;
            }
            String target = value.substring(open + 1, close).trim();
            // Parameters run up to the next link, which starts with '<' after a comma.
            int next = value.indexOf('<', close);
            String params = value.substring(close + 1, next < 0 ? value.length() : next);
            URI uri = toUri(target, base);
            String rel = relOf(params);
            if (uri != null && rel != null) {
                for (String r : rel.split("\\s+")) {
                    if (!r.isEmpty()) {
                        targets.putIfAbsent(r.toLowerCase(Locale.ROOT), uri);
                    }
                }
            }
            if (next < 0) {
                break;
            }
            i = next;
        }
        return new LinkHeader(targets);
    }

    /** The target of relation {@code rel} (case-insensitive), e.g. {@code "next"}. */
    public Optional<URI> get(String rel) {
        return Optional.ofNullable(targets.get(rel.toLowerCase(Locale.ROOT)));
    }

    /** Every relation and its target, in header order. */
    public Map<String, URI> asMap() {
        return targets;
    }

    private static @Nullable String relOf(String params) {
        for (String param : params.split(";")) {
            String p = param.trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase("rel")) {
                String v = p.substring(eq + 1).trim();
                if (v.endsWith(",")) {
                    v = v.substring(0, v.length() - 1).trim();
                }
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                return v.trim();
            }
        }
        return null;
    }

    private static @Nullable URI toUri(String target, @Nullable URI base) {
        try {
            URI uri = new URI(target);
            return uri.isAbsolute() || base == null ? uri : base.resolve(uri);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "LinkHeader" + targets.keySet();
    }
}
