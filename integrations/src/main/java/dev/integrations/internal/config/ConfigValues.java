package dev.integrations.internal.config;

import dev.integrations.core.ConfigurationException;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * Reads typed values out of configuration maps and environments, with errors that name the
 * setting and where it came from. Shared by every settings and app-credentials class so they
 * parse the same way.
 *
 * <p>Why one class of about 400 lines: every setting is parsed and validated here (strings,
 * numbers, durations, URLs, hosts) so that the builders, maps and environment share one reading.
 */
public final class ConfigValues {
    /**
     * The longest timeout a request or client may have; {@code HttpTransport.MAX_TIMEOUT} is this
     * value (it lives here so the config helper does not depend on the transport).
     */
    public static final Duration MAX_TIMEOUT = Duration.ofHours(1);

    private ConfigValues() {
    }

    /** An unmodifiable shallow copy that, unlike {@code Map.copyOf}, keeps null values (they mean "unset"). */
    public static Map<String, Object> copy(Map<String, ?> map) {
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
    }

    /** The value of the first key in {@code keys} that is set to a non-blank value, or null. */
    public static @Nullable String firstSet(Map<String, String> environment, List<String> keys) {
        for (String key : keys) {
            String value = environment.get(key);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    /** The name of the first key in {@code keys} that is set, for error messages; or null. */
    public static @Nullable String firstSetKey(Map<String, String> environment, List<String> keys) {
        for (String key : keys) {
            String value = environment.get(key);
            if (value != null && !value.isBlank()) {
                return key;
            }
        }
        return null;
    }

    /** Refuses keys that are not in {@code known}, listing the accepted ones. */
    public static void rejectUnknownKeys(Map<String, ?> map, Collection<String> known, String what) {
        Set<String> unknown = new TreeSet<>(map.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new ConfigurationException("Unknown " + what + " key(s) " + unknown
                    + "; accepted keys are " + new TreeSet<>(known));
        }
    }

    /** A string value; blank strings count as unset. */
    public static @Nullable String string(@Nullable Object value, String field) {
        if (value == null) {
            return null;
        }
        if (value instanceof CharSequence text) {
            String s = text.toString().trim();
            return s.isEmpty() ? null : s;
        }
        throw new ConfigurationException(field + " must be a string, not " + value.getClass().getSimpleName());
    }

    /**
     * An absolute http(s) URI without userinfo. Credentials in a URL ({@code user:password@host})
     * would travel in every message and {@code toString()} that shows the URL, so they are refused,
     * and no message here ever echoes them.
     *
     * @param value a {@link URI} or a string; null or blank for unset
     * @param field the setting's name for messages
     * @return the URI, or null when unset
     * @throws ConfigurationException when the value is not such a URL
     */
    public static @Nullable URI httpUri(@Nullable Object value, String field) {
        if (value == null) {
            return null;
        }
        if (value instanceof URI uri) {
            return checkHttp(uri, field, uri.toString());
        }
        String text = string(value, field);
        if (text == null) {
            return null;
        }
        try {
            return checkHttp(new URI(text), field, text);
        } catch (URISyntaxException e) {
            // The parser's message and cause repeat the input; neither may carry a userinfo part.
            throw new ConfigurationException(field + " is not a valid URL: '" + redactUserInfo(text) + "'"
                    + schemeAdvice(text));
        }
    }

    /**
     * An endpoint or API root: an {@link #httpUri} without a query or fragment either. Request
     * paths are appended to such a URL, so a query or fragment in it would swallow them and send
     * every request to the same place.
     *
     * @param value a {@link URI} or a string; null or blank for unset
     * @param field the setting's name for messages
     * @return the URI, or null when unset
     * @throws ConfigurationException when the value is not such a URL
     */
    public static @Nullable URI endpointUri(@Nullable Object value, String field) {
        URI uri = httpUri(value, field);
        if (uri != null && (uri.getRawQuery() != null || uri.getRawFragment() != null)) {
            throw new ConfigurationException(field + " must not have a " + (uri.getRawQuery() != null ? "query (?...)"
                    : "fragment (#...)") + ", got '" + redactUserInfo(uri.toString()) + "'; give the bare URL, e.g. "
                    + uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath()));
        }
        return uri;
    }

    /**
     * {@code text} with any userinfo ({@code user:password@}) in its authority replaced by
     * {@code ***@}; works on strings that do not parse as URIs too.
     *
     * @param text a URL or URL-like string, or null
     * @return the redacted text (null for null)
     */
    public static @Nullable String redactUserInfo(@Nullable String text) {
        if (text == null) {
            return null;
        }
        int scheme = text.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        int end = text.length();
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        int at = text.lastIndexOf('@', end - 1);
        return at >= start ? text.substring(0, start) + "***@" + text.substring(at + 1) : text;
    }

    private static URI checkHttp(URI uri, String field, String text) {
        String scheme = uri.getScheme();
        if (uri.getRawUserInfo() != null || (uri.getHost() == null && uri.getRawAuthority() != null
                && uri.getRawAuthority().contains("@"))) {
            throw new ConfigurationException(field + " must not contain a user name or password (got '"
                    + redactUserInfo(text) + "'): credentials in a URL end up in logs and messages; configure tokens"
                    + " and secrets through their own settings");
        }
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getHost() == null) {
            throw new ConfigurationException(field + " must be an absolute http(s) URL, got '" + redactUserInfo(text) + "'"
                    + schemeAdvice(text));
        }
        return uri;
    }

    /** For a URL written without a scheme ({@code api.github.com}), the advice to add {@code https://}. */
    private static String schemeAdvice(String text) {
        String t = text.trim();
        if (t.contains("://") || t.isEmpty() || t.contains(" ")) {
            return "";
        }
        return "; did you mean 'https://" + redactUserInfo(t) + "'?";
    }

    /**
     * A duration: a {@link Duration}, a number of seconds ({@code 10}, {@code "2.5"}), a number
     * with a unit ({@code "500ms"}, {@code "10s"}, {@code "2m"}) or ISO-8601 ({@code "PT10S"}).
     */
    public static @Nullable Duration duration(@Nullable Object value, String field) {
        if (value == null) {
            return null;
        }
        Duration result;
        if (value instanceof Duration d) {
            result = d;
        } else if (value instanceof Number n) {
            result = Duration.ofMillis(Math.round(n.doubleValue() * 1000));
        } else {
            String text = string(value, field);
            if (text == null) {
                return null;
            }
            result = parseDuration(text, field);
        }
        if (result.isNegative() || result.isZero()) {
            throw new ConfigurationException(field + " must be positive, got " + value);
        }
        return result;
    }

    /**
     * A request timeout: a {@link #duration} that is also at most {@link #MAX_TIMEOUT}.
     *
     * @param value the configured value, or null
     * @param field the setting's name for messages, including where it comes from
     *     (e.g. {@code "GitHub timeout (timeout / GITHUB_TIMEOUT)"})
     * @return the timeout, or null when unset
     * @throws ConfigurationException when the value is not a duration, not positive, or too large
     */
    public static @Nullable Duration timeout(@Nullable Object value, String field) {
        Duration timeout = duration(value, field);
        checkTimeout(timeout, field);
        return timeout;
    }

    /**
     * Refuses a timeout above {@link #MAX_TIMEOUT} (null passes).
     *
     * @param timeout the timeout, or null
     * @param field the setting's name for messages
     * @throws ConfigurationException when it is zero, negative or too large
     */
    public static void checkTimeout(@Nullable Duration timeout, String field) {
        if (timeout == null) {
            return;
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new ConfigurationException(field + " must be positive, got " + timeout);
        }
        if (timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new ConfigurationException(field + " must be at most " + MAX_TIMEOUT + " (it bounds each"
                    + " request: connect, headers and body), got " + timeout + "; use a value such as 10s");
        }
    }

    private static Duration parseDuration(String text, String field) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.startsWith("pt") || t.startsWith("p")) {
                return Duration.parse(text.toUpperCase(java.util.Locale.ROOT));
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
            }
            if (t.endsWith("s")) {
                return seconds(t.substring(0, t.length() - 1).trim());
            }
            if (t.endsWith("m")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1).trim()) * 60_000));
            }
            return seconds(t);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new ConfigurationException(field + " must be a duration such as 10, 2.5, 500ms, 10s, 2m or PT10S; got '"
                    + text + "'", e);
        }
    }

    private static Duration seconds(String number) {
        return Duration.ofMillis(Math.round(Double.parseDouble(number) * 1000));
    }

    /**
     * A list of strings: a collection, an array, or one string split on commas and whitespace
     * (GitHub writes scopes both ways).
     */
    public static @Nullable List<String> stringList(@Nullable Object value, String field) {
        if (value == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (value instanceof CharSequence text) {
            for (String part : text.toString().split("[,\\s]+")) {
                if (!part.isEmpty()) {
                    out.add(part);
                }
            }
            return List.copyOf(out);
        }
        Iterable<?> items;
        if (value instanceof Iterable<?> it) {
            items = it;
        } else if (value instanceof Object[] array) {
            items = List.of(array);
        } else {
            throw new ConfigurationException(field + " must be a list of strings or a space/comma separated string");
        }
        for (Object item : items) {
            String s = string(item, field);
            if (s != null) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    /** {@code scheme://host:port} of an http(s) URL, lower case, with the scheme's default port made explicit. */
    public static URI origin(URI uri) {
        return URI.create(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":"
                + effectivePort(uri));
    }

    /**
     * The port a URI connects to: its own, or the scheme's default.
     *
     * @param uri an absolute http or https URI
     * @return the port
     */
    public static int effectivePort(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /**
     * Whether both URIs have the same scheme, host and effective port, compared without building
     * new URIs (this runs for every request).
     *
     * @param a one URI
     * @param b the other
     * @return true for the same origin
     */
    public static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && effectivePort(a) == effectivePort(b);
    }


    /** The explicit value of {@code key} unless null or blank, else the first set environment key. */
    public static @Nullable Object pickRaw(Map<String, ?> settings, String key, Map<String, String> env, List<String> envKeys) {
        Object explicit = settings.get(key);
        if (explicit != null && !(explicit instanceof CharSequence cs && cs.toString().isBlank())) {
            return explicit;
        }
        return ConfigValues.firstSet(env, envKeys);
    }

    /** A configuration object given in a map (environments cannot hold objects), checked to be a {@code type}. */
    public static <T> @Nullable T instance(@Nullable Object value, Class<T> type, String field) {
        if (value == null) {
            return null;
        }
        if (!type.isInstance(value)) {
            throw new ConfigurationException(field + " must be a " + type.getSimpleName() + ", not "
                    + value.getClass().getSimpleName());
        }
        return type.cast(value);
    }

    /** A duration that may be zero ({@link #duration} refuses zero). */
    public static @Nullable Duration nonNegativeDuration(@Nullable Object value, String field) {
        if (value instanceof Duration d && d.isZero()) {
            return d;
        }
        if (value instanceof Number n && n.doubleValue() == 0) {
            return Duration.ZERO;
        }
        if (value instanceof CharSequence cs && cs.toString().trim().matches("0+(\\.0*)?(ms|s|m)?")) {
            return Duration.ZERO;
        }
        return ConfigValues.duration(value, field);
    }

    /** A whole number of 0 or more, or null when unset. */
    public static @Nullable Integer count(@Nullable Object value, String field) {
        Long parsed = longValue(value, field);
        if (parsed == null) {
            return null;
        }
        if (parsed < 0 || parsed > Integer.MAX_VALUE) {
            throw new ConfigurationException(field + " must be 0 or more, got " + value);
        }
        return (int) (long) parsed;
    }

    /** A positive whole number, or null when unset. */
    public static @Nullable Long positiveLong(@Nullable Object value, String field) {
        Long parsed = longValue(value, field);
        if (parsed != null && parsed <= 0) {
            throw new ConfigurationException(field + " must be positive, got " + value);
        }
        return parsed;
    }

    /** A whole number from a number or a string, or null when unset. */
    public static @Nullable Long longValue(@Nullable Object value, String field) {
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        String text = ConfigValues.string(value instanceof Number ? value.toString() : value, field);
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ConfigurationException(field + " must be a whole number, got '" + text + "'", e);
        }
    }

    /** {@code true/false}, {@code yes/no}, {@code on/off} or {@code 1/0}, or null when unset. */
    public static @Nullable Boolean bool(@Nullable Object value, String field) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = ConfigValues.string(value, field);
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new ConfigurationException(field + " must be true or false, got '" + text + "'");
        };
    }
}
