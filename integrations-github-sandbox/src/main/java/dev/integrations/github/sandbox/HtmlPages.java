package dev.integrations.github.sandbox;

import java.util.List;

/** The sandbox's HTML pages (consent and errors). Every interpolated value is escaped. */
final class HtmlPages {

    private HtmlPages() {
    }

    static String consent(ConsentStore.PendingConsent consent) {
        StringBuilder scopes = new StringBuilder();
        List<String> requested = consent.scopes();
        if (consent.app().expiringTokens()) {
            scopes.append("<p id=\"scopes\">This app uses fine-grained permissions, not scopes.</p>\n");
        } else if (requested.isEmpty()) {
            scopes.append("<p id=\"scopes\">No scopes requested: read-only access to public information.</p>\n");
        } else {
            scopes.append("<ul id=\"scopes\">\n");
            for (String scope : requested) {
                scopes.append("  <li><code>").append(escape(scope)).append("</code></li>\n");
            }
            scopes.append("</ul>\n");
        }
        return page("Authorize application",
                "<h1>Authorize <span id=\"client-id\">" + escape(consent.app().clientId()) + "</span></h1>\n"
                        + "<p>Signed in as <strong id=\"login\">" + escape(consent.user().login()) + "</strong>.</p>\n"
                        + "<p>The application requests:</p>\n"
                        + scopes
                        + "<p>You will be redirected to <code id=\"redirect-uri\">" + escape(consent.redirectUri())
                        + "</code>.</p>\n"
                        + "<form method=\"post\" action=\"/login/oauth/authorize\">\n"
                        + "  <input type=\"hidden\" name=\"consent_id\" value=\"" + escape(consent.id()) + "\">\n"
                        + "  <button type=\"submit\" name=\"decision\" value=\"authorize\" id=\"authorize\">Authorize</button>\n"
                        + "  <button type=\"submit\" name=\"decision\" value=\"deny\" id=\"deny\">Deny</button>\n"
                        + "</form>\n");
    }

    /** The device-code entry page of {@code /login/device}, with an optional error line. */
    static String deviceCodeEntry(String login, String prefilled, @org.jspecify.annotations.Nullable String problem) {
        return page("Device activation",
                "<h1>Device activation</h1>\n"
                        + "<p>Signed in as <strong id=\"login\">" + escape(login) + "</strong>.</p>\n"
                        + (problem == null ? "" : "<p id=\"problem\">" + escape(problem) + "</p>\n")
                        + "<form method=\"post\" action=\"/login/device\">\n"
                        + "  <label for=\"user_code\">Enter the code displayed on your device</label>\n"
                        + "  <input type=\"text\" name=\"user_code\" id=\"user_code\" value=\"" + escape(prefilled)
                        + "\" autocomplete=\"off\">\n"
                        + "  <button type=\"submit\" name=\"decision\" value=\"authorize\" id=\"authorize\">Authorize</button>\n"
                        + "  <button type=\"submit\" name=\"decision\" value=\"deny\" id=\"deny\">Cancel</button>\n"
                        + "</form>\n");
    }

    static String error(String title, String message) {
        return page(title, "<h1>" + escape(title) + "</h1>\n<p id=\"message\">" + escape(message) + "</p>\n");
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>" + escape(title) + " · GitHub sandbox</title>\n</head>\n<body>\n"
                + body
                + "</body>\n</html>\n";
    }
}
