package dev.integrations.github.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /avatars/u/{id}}: the image behind every {@code avatar_url} the sandbox hands out,
 * so a web page that shows a user's avatar gets a picture rather than a 404. GitHub serves such
 * URLs from its avatar host; for accounts without an uploaded picture it draws an "identicon", a
 * symmetric 5 by 5 pattern in one colour derived from the account. This draws one the same way,
 * as SVG, from the id alone (no state: an unknown id still gets a picture, as on GitHub).
 */
final class AvatarHandler {

    private static final Pattern PATH = Pattern.compile("/avatars/u/([0-9]{1,19})");

    private AvatarHandler() {
    }

    static boolean serves(String path) {
        return PATH.matcher(path).matches();
    }

    static void handle(SandboxExchange exchange) {
        if (!exchange.method().equals("GET") && !exchange.method().equals("HEAD")) {
            ApiResponses.notFound(exchange);
            return;
        }
        Matcher matcher = PATH.matcher(exchange.path());
        long id = matcher.matches() ? parse(matcher.group(1)) : 0;
        exchange.send(200, "image/svg+xml", identicon(id).getBytes(StandardCharsets.UTF_8),
                Map.of("Cache-Control", "max-age=300"));
    }

    /** A 5x5 pattern mirrored around the middle column, cells 70 units wide on a 420-unit canvas. */
    static String identicon(long id) {
        long bits = mix(id);
        int hue = (int) Math.floorMod(bits >>> 40, 360L);
        String colour = "hsl(" + hue + ",55%,55%)";
        StringBuilder svg = new StringBuilder(1024)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 420 420\" width=\"420\" height=\"420\">")
                .append("<rect width=\"420\" height=\"420\" fill=\"#f0f0f0\"/>");
        for (int row = 0; row < 5; row++) {
            for (int col = 0; col < 3; col++) {
                if (((bits >>> (row * 3 + col)) & 1L) == 0) {
                    continue;
                }
                cell(svg, row, col, colour);
                if (col < 2) {
                    cell(svg, row, 4 - col, colour);
                }
            }
        }
        return svg.append("</svg>").toString();
    }

    private static void cell(StringBuilder svg, int row, int col, String colour) {
        svg.append("<rect x=\"").append(35 + col * 70).append("\" y=\"").append(35 + row * 70)
                .append("\" width=\"70\" height=\"70\" fill=\"").append(colour).append("\"/>");
    }

    /** SplitMix64's finaliser: neighbouring ids get unrelated patterns. */
    private static long mix(long id) {
        long z = id + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long parse(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
