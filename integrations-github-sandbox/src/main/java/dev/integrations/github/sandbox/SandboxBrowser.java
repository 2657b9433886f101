package dev.integrations.github.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays a user's browser on the sandbox's consent page, over real HTTP: loads the page the
 * authorization URL shows, submits its form with the Authorize or Deny button, and reads the
 * redirect GitHub would send the browser to.
 *
 * <p>It reads the page as a browser would: the form's {@code action}, its hidden inputs, and the
 * button's {@code name}/{@code value}; nothing is taken from the sandbox's internals.
 */
public final class SandboxBrowser {
    private static final Pattern FORM = Pattern.compile("<form[^>]*\\baction=\"([^\"]*)\"[^>]*>(.*?)</form>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern HIDDEN = Pattern.compile(
            "<input[^>]*\\btype=\"hidden\"[^>]*\\bname=\"([^\"]*)\"[^>]*\\bvalue=\"([^\"]*)\"[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private SandboxBrowser() {
    }

    /**
     * Opens the authorization URL, clicks Authorize, and returns the redirect location (the app's callback URI).
     *
     * @param authorizationUrl the URL the app sent the user to
     * @return the redirect location
     */
    public static URI approve(URI authorizationUrl) {
        return decide(authorizationUrl, "authorize");
    }

    /**
     * Opens the authorization URL, clicks Deny, and returns the redirect location (carrying {@code error=access_denied}).
     *
     * @param authorizationUrl the URL the app sent the user to
     * @return the redirect location
     */
    public static URI deny(URI authorizationUrl) {
        return decide(authorizationUrl, "deny");
    }

    /**
     * Like {@link #approve}, then follows the redirect with a GET, as a browser would, so an app's
     * callback server receives it. Returns the callback URI.
     *
     * @param authorizationUrl the URL the app sent the user to
     * @return the callback URI
     */
    public static URI approveAndFollow(URI authorizationUrl) {
        URI callback = approve(authorizationUrl);
        send(HttpRequest.newBuilder(callback).GET().build());
        return callback;
    }

    private static URI decide(URI authorizationUrl, String decision) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(authorizationUrl).header("Accept", "text/html").GET().build());
        if (page.statusCode() == 302 || page.statusCode() == 303) {
            // An error GitHub reports by redirecting straight back (e.g. redirect_uri_mismatch).
            return location(page, authorizationUrl);
        }
        if (page.statusCode() != 200) {
            throw new IllegalStateException("The consent page answered HTTP " + page.statusCode() + ": " + page.body());
        }
        Matcher form = FORM.matcher(page.body());
        if (!form.find()) {
            throw new IllegalStateException("The consent page has no form");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(form.group(2));
        while (hidden.find()) {
            fields.put(unescape(hidden.group(1)), unescape(hidden.group(2)));
        }
        fields.put("decision", decision);
        URI action = authorizationUrl.resolve(unescape(form.group(1)));
        HttpResponse<String> submitted = send(HttpRequest.newBuilder(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields)))
                .build());
        if (submitted.statusCode() != 302 && submitted.statusCode() != 303) {
            throw new IllegalStateException("Submitting the consent form answered HTTP " + submitted.statusCode());
        }
        return location(submitted, action);
    }

    private static URI location(HttpResponse<String> response, URI base) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("A redirect without Location"));
        return base.resolve(location);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("The browser could not reach " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static String encode(Map<String, String> fields) {
        StringJoiner joiner = new StringJoiner("&");
        fields.forEach((k, v) -> joiner.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return joiner.toString();
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
