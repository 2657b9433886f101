package dev.integrations.github.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the web flow over HTTP the way a browser and a client back end would. */
final class OAuthDriver {

    private static final Pattern CONSENT_ID = Pattern.compile("name=\"consent_id\" value=\"([^\"]+)\"");

    private final GithubSandbox sandbox;

    OAuthDriver(GithubSandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** Authorization parameters for the default app, with a state. */
    Map<String, String> defaultParams() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", sandbox.defaultApp().clientId());
        params.put("redirect_uri", "http://127.0.0.1:49152/callback");
        params.put("scope", "repo gist");
        params.put("state", "state-123");
        return params;
    }

    HttpResponse<String> authorizePage(Map<String, String> params) {
        return TestHttp.get(URI.create(sandbox.authorizationUrl() + "?" + TestHttp.form(params)));
    }

    static String consentId(HttpResponse<String> page) {
        Matcher matcher = CONSENT_ID.matcher(page.body());
        assertThat(matcher.find()).as("consent page has a consent_id field: %s", page.body()).isTrue();
        return matcher.group(1);
    }

    HttpResponse<String> decide(String consentId, String decision) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("consent_id", consentId);
        form.put("decision", decision);
        return TestHttp.postForm(sandbox.authorizationUrl(), form);
    }

    /** GET the consent page, press a button, and return the redirect's Location. */
    URI authorizeAndDecide(Map<String, String> params, String decision) {
        HttpResponse<String> page = authorizePage(params);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        HttpResponse<String> redirect = decide(consentId(page), decision);
        assertThat(redirect.statusCode()).isEqualTo(302);
        return URI.create(redirect.headers().firstValue("Location").orElseThrow());
    }

    /** The code from an approved authorization with {@code params}. */
    String code(Map<String, String> params) {
        Map<String, String> callback = TestHttp.queryOf(authorizeAndDecide(params, "authorize"));
        assertThat(callback).containsKey("code");
        return callback.get("code");
    }

    /** Token request with a form body and {@code Accept: application/json}. */
    HttpResponse<String> exchange(Map<String, String> params) {
        return TestHttp.postForm(sandbox.tokenUrl(), params, "Accept", "application/json");
    }

    /** Exchange parameters for the default app. */
    Map<String, String> exchangeParams(String code) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", sandbox.defaultApp().clientId());
        params.put("client_secret", sandbox.defaultApp().clientSecret());
        params.put("code", code);
        return params;
    }

    JsonNode exchangeJson(Map<String, String> params) {
        HttpResponse<String> response = exchange(params);
        assertThat(response.statusCode()).isEqualTo(200);
        return TestHttp.json(response);
    }
}
