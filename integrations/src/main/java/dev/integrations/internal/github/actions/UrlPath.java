package dev.integrations.internal.github.actions;

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

    /** {@code /repos/{owner}/{repo}} with both parts encoded. */
    public static String repository(String owner, String repo) {
        return "/repos/" + segment(owner) + "/" + segment(repo);
    }
}
