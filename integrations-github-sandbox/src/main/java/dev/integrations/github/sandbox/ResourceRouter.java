package dev.integrations.github.sandbox;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Routes the stateful REST resources (branches, contents, issues, pulls, search, gists,
 * codespaces, organizations, users, repository creation, GraphQL) by method and path pattern.
 * A matched route is admitted by the {@link ApiGate} (User-Agent, API version, token, rate limit)
 * before it runs; an {@link ApiError} it throws is answered with the caller's headers. A path or
 * method no route declares is left to the {@link Dispatcher}'s other handlers, which answer 404.
 *
 * <p>Patterns are written like {@code /repos/{owner}/{repo}/issues/{number}}; a last parameter
 * {@code {name+}} takes the rest of the path (one or more segments). Parameters are
 * percent-decoded without turning {@code +} into a space, so {@code heads%2Ffeature} and
 * {@code heads/feature} both give {@code heads/feature}. {@code /repositories/{id}/...} (where
 * GitHub's rename redirects point) is served as {@code /repos/{owner}/{name}/...}.
 */
final class ResourceRouter {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceRouter.class);

    /** What a route does once admitted. */
    interface Action {
        void run(ApiCall call);
    }

    private record Route(String method, String[] pattern, String docs, String acceptedScopes, Action action) {
    }

    private final ApiGate gate;
    private final RepositoryStore repositories;
    private final String baseUrl;
    private final Clock clock;
    private final List<Route> routes = new ArrayList<>();

    ResourceRouter(ApiGate gate, RepositoryStore repositories, String baseUrl, Clock clock) {
        this.clock = clock;
        this.gate = gate;
        this.repositories = repositories;
        this.baseUrl = baseUrl;
    }

    /** Declares a route; call before the sandbox serves requests. */
    ResourceRouter add(String method, String pattern, String docs, String acceptedScopes, Action action) {
        routes.add(new Route(method, pattern.substring(1).split("/", -1), docs, acceptedScopes, action));
        return this;
    }

    /** Answers the exchange if a route matches; {@code false} leaves it to the caller. */
    boolean route(SandboxExchange exchange) {
        String[] segments = segments(exchange.path());
        for (Route route : routes) {
            if (!route.method().equals(exchange.method())) {
                continue;
            }
            Map<String, String> params = match(route.pattern(), segments);
            if (params == null) {
                continue;
            }
            run(exchange, route, params);
            return true;
        }
        return false;
    }

    private void run(SandboxExchange exchange, Route route, Map<String, String> params) {
        Optional<ApiGate.Caller> caller = gate.admit(exchange, route.docs());
        if (caller.isEmpty()) {
            return;
        }
        ApiCall call = new ApiCall(exchange, gate, caller.get(), baseUrl, route.docs(), route.acceptedScopes(), params, clock);
        try {
            route.action().run(call);
        } catch (ApiError error) {
            if (exchange.hasResponded()) {
                LOG.warn("An error was raised after the response to {} {} was sent", exchange.method(), exchange.path());
                return;
            }
            call.fail(error);
        }
    }

    /**
     * The raw path's segments, with {@code /repositories/{id}} and {@code /repositories/{id}/rest}
     * rewritten to {@code /repos/{owner}/{name}} and {@code /repos/{owner}/{name}/rest}.
     */
    private String[] segments(String path) {
        String[] raw = path.length() <= 1 ? new String[0] : path.substring(1).split("/", -1);
        if (raw.length >= 2 && raw[0].equals("repositories") && raw[1].matches("[0-9]{1,18}")) {
            Optional<SandboxRepository> repository = repositories.byId(Long.parseLong(raw[1]));
            if (repository.isPresent()) {
                String[] rewritten = new String[raw.length + 1];
                rewritten[0] = "repos";
                rewritten[1] = encode(repository.get().owner().login());
                rewritten[2] = encode(repository.get().name());
                System.arraycopy(raw, 2, rewritten, 3, raw.length - 2);
                return rewritten;
            }
        }
        return raw;
    }

    private static @Nullable Map<String, String> match(String[] pattern, String[] segments) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String part = pattern[i];
            boolean rest = part.endsWith("+}");
            if (i >= segments.length) {
                return null;
            }
            if (rest) {
                StringBuilder joined = new StringBuilder();
                for (int j = i; j < segments.length; j++) {
                    if (segments[j].isEmpty()) {
                        return null;
                    }
                    joined.append(j > i ? "/" : "").append(decode(segments[j]));
                }
                params.put(part.substring(1, part.length() - 2), joined.toString());
                return params;
            }
            if (part.startsWith("{")) {
                if (segments[i].isEmpty()) {
                    return null;
                }
                params.put(part.substring(1, part.length() - 1), decode(segments[i]));
            } else if (!part.equals(segments[i])) {
                return null;
            }
        }
        return pattern.length == segments.length ? params : null;
    }

    /** Percent-decoding of a path segment; {@code +} stays a plus, malformed escapes stay as sent. */
    static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%' && i + 2 < segment.length()
                    && Character.digit(segment.charAt(i + 1), 16) >= 0 && Character.digit(segment.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(segment.charAt(i + 1), 16) * 16 + Character.digit(segment.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Percent-encoding of one path segment (everything but RFC 3986 unreserved characters). */
    static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    /** A repository file path for URLs: each segment encoded, slashes kept. */
    static String encodePath(String path) {
        StringBuilder out = new StringBuilder();
        String[] parts = path.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            out.append(i > 0 ? "/" : "").append(encode(parts[i]));
        }
        return out.toString();
    }
}
