package dev.integrations.internal.github.actions;

import dev.integrations.github.actions.InvalidActionArgumentsException;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of path parameters. GitHub needs a slash inside a parameter as {@code %2F}
 * (otherwise the path names another resource, or none), so every parameter is
 * encoded as one segment, except the file path of the contents API, which is a path by nature:
 * its slashes stay and each segment is encoded.
 */
public final class UrlPath {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UrlPath() {
    }

    /** One path segment: everything but RFC 3986's unreserved characters is encoded, {@code /} included. */
    public static String segment(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /** A file path in a repository: segments encoded, slashes kept. */
    public static String filePath(String path) {
        String[] segments = path.split("/", -1);
        StringBuilder out = new StringBuilder(path.length() + 8);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                out.append('/');
            }
            out.append(segment(segments[i]));
        }
        return out.toString();
    }

    /**
     * Checks a repository file path and drops leading slashes (people write {@code /docs/a.md}
     * for {@code docs/a.md}). Empty, {@code .} and {@code ..} segments are refused: GitHub would
     * answer 404 or 422 and the caller most likely built the path wrongly.
     */
    public static String normalizeFilePath(String action, String path) {
        String trimmed = path;
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        for (String segment : trimmed.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new InvalidActionArgumentsException(action, "path", "'path' must be a file path such as docs/README.md,"
                        + " without empty, '.' or '..' segments; got '" + path + "'");
            }
        }
        return trimmed;
    }

    /** {@code /repos/{owner}/{repo}} with both parts encoded. */
    public static String repository(String owner, String repo) {
        return "/repos/" + segment(owner) + "/" + segment(repo);
    }
}
