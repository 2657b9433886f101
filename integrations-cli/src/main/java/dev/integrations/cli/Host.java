package dev.integrations.cli;

import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One GitHub host and its endpoints. {@code github.com} has its API at {@code api.github.com}; a
 * GitHub Enterprise Server host {@code HOST} at {@code https://HOST/api/v3}, with authorization at
 * {@code https://HOST/login/oauth/...}.
 *
 * <p>The SDK's environment keys describe one host completely: when {@code GITHUB_BASE_URL} is set,
 * the host it names (its authority; {@code api.github.com} stands for {@code github.com}) is the
 * default host, and {@code GITHUB_BASE_URL}, {@code GITHUB_AUTHORIZATION_URL} and
 * {@code GITHUB_TOKEN_URL} are its endpoints. That is how the tool is pointed at a sandbox or a
 * proxy.
 *
 * @param name the host name as the user types it and as it is stored: {@code github.com},
 *     {@code ghe.example.com}, {@code 127.0.0.1:8080}
 * @param apiUrl the REST API base URL
 * @param authorizationUrl the OAuth authorization endpoint
 * @param tokenUrl the OAuth token endpoint
 */
record Host(String name, URI apiUrl, URI authorizationUrl, URI tokenUrl) {
    static final String GITHUB_COM = "github.com";

    /** The host named by {@code --hostname}, or the default one. */
    static Host resolve(@Nullable String hostname, CliEnvironment environment) {
        String baseUrl = environment.variable("GITHUB_BASE_URL");
        String configured = baseUrl == null ? null : hostOf(baseUrl);
        String name = hostname == null ? (configured == null ? GITHUB_COM : configured) : normalize(hostname);
        if (baseUrl != null && name.equals(configured)) {
            String authorization = environment.variable("GITHUB_AUTHORIZATION_URL");
            String token = environment.variable("GITHUB_TOKEN_URL");
            String web = name.equals(GITHUB_COM) ? "https://github.com" : origin(URI.create(baseUrl));
            return new Host(name, URI.create(stripSlash(baseUrl)),
                    URI.create(authorization != null ? authorization : web + "/login/oauth/authorize"),
                    URI.create(token != null ? token : web + "/login/oauth/access_token"));
        }
        if (name.equals(GITHUB_COM)) {
            return new Host(name, URI.create("https://api.github.com"),
                    URI.create("https://github.com/login/oauth/authorize"),
                    URI.create("https://github.com/login/oauth/access_token"));
        }
        return new Host(name, URI.create("https://" + name + "/api/v3"),
                URI.create("https://" + name + "/login/oauth/authorize"),
                URI.create("https://" + name + "/login/oauth/access_token"));
    }

    /**
     * The command that logs in to {@code name}: {@code --hostname} only when it is not the default
     * host (github.com, or the host {@code GITHUB_BASE_URL} names), so the hint is what the user
     * would type.
     */
    static String loginCommand(String name, CliEnvironment environment) {
        return "integrations auth login" + (name.equals(resolve(null, environment).name()) ? "" : " --hostname " + name);
    }

    /** {@code https://ghe.example.com/} or {@code GHE.example.com} becomes {@code ghe.example.com}. */
    static String normalize(String hostname) {
        String trimmed = hostname.trim();
        if (trimmed.contains("://")) {
            String host = hostOf(trimmed);
            if (host != null) {
                return host;
            }
        }
        trimmed = stripSlash(trimmed).toLowerCase(Locale.ROOT);
        if (trimmed.isEmpty() || trimmed.contains("/") || trimmed.contains("@") || trimmed.contains("?")
                || trimmed.contains("#") || trimmed.chars().anyMatch(Character::isWhitespace)) {
            throw new CliException(ExitCodes.USAGE, "Invalid --hostname: " + hostname
                    + " (expected a host name such as github.com or ghe.example.com)");
        }
        return trimmed.equals("api.github.com") ? GITHUB_COM : trimmed;
    }

    private static @Nullable String hostOf(String url) {
        try {
            URI uri = URI.create(url.trim());
            String host = uri.getHost();
            if (host == null) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            if (host.equals("api.github.com")) {
                return GITHUB_COM;
            }
            return uri.getPort() == -1 ? host : host + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static String stripSlash(String value) {
        String result = value;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
