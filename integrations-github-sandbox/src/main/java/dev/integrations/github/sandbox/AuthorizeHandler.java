package dev.integrations.github.sandbox;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /login/oauth/authorize}: the consent page ({@code GET}) and the user's decision
 * ({@code POST}), following https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps, https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps#redirect-urls.
 *
 * <p>Errors, in the order checked on {@code GET}:
 * <ul>
 *   <li>unknown or missing {@code client_id}: a 404 HTML page, no redirect;</li>
 *   <li>{@code redirect_uri} not allowed for the app (https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps#redirect-urls): redirect to the <em>registered</em>
 *       callback with {@code error=redirect_uri_mismatch} and {@code state};</li>
 *   <li>PKCE (https://github.blog/changelog/2025-07-14-pkce-support-for-oauth-and-github-app-authentication; GitHub documents no error for it, so this is a sandbox choice): a
 *       {@code code_challenge} whose {@code code_challenge_method} is not exactly {@code S256}
 *       (absent means {@code plain} in RFC 7636), or a challenge that is not 43 base64url
 *       characters, redirects to the redirect URI with {@code error=invalid_request}. A method
 *       without a challenge is ignored.</li>
 * </ul>
 *
 * <p>Sandbox choices: the consent page is always shown (GitHub skips it for a user who already
 * granted the scopes); {@code login} picks a registered user and an unknown login falls back to
 * the default user (GitHub only treats it as a suggestion); {@code allow_signup} and
 * {@code prompt} are accepted and ignored.
 */
final class AuthorizeHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizeHandler.class);
    private static final Map<String, String> PAGE_HEADERS = Map.of("Cache-Control", "no-store", "X-Frame-Options", "deny");

    private final Directory directory;
    private final ConsentStore consents;
    private final CodeStore codes;
    private final SandboxUser defaultUser;

    AuthorizeHandler(Directory directory, ConsentStore consents, CodeStore codes, SandboxUser defaultUser) {
        this.directory = directory;
        this.consents = consents;
        this.codes = codes;
        this.defaultUser = defaultUser;
    }

    void handle(SandboxExchange exchange) {
        switch (exchange.method()) {
            case "GET" -> showConsent(exchange);
            case "POST" -> decide(exchange);
            default -> exchange.sendHtml(404, HtmlPages.error("Not Found", "This page does not exist."), PAGE_HEADERS);
        }
    }

    private void showConsent(SandboxExchange exchange) {
        Map<String, String> params = FormCodec.decodeFirst(exchange.request().query());
        Optional<SandboxApp> found = directory.app(blankToNull(params.get("client_id")));
        if (found.isEmpty()) {
            exchange.sendHtml(404, HtmlPages.error("Not Found",
                    "No application is registered with this client_id."), PAGE_HEADERS);
            return;
        }
        SandboxApp app = found.get();
        String state = blankToNull(params.get("state"));
        String requestedRedirect = blankToNull(params.get("redirect_uri"));
        if (requestedRedirect != null && !RedirectUriPolicy.allows(app.callbackUrl(), requestedRedirect)) {
            exchange.redirect(FormCodec.appendQuery(app.callbackUrl(),
                    OAuthError.AUTHORIZE_REDIRECT_URI_MISMATCH.parameters(state)));
            return;
        }
        String redirectUri = requestedRedirect != null ? requestedRedirect : app.callbackUrl();

        String challenge = blankToNull(params.get("code_challenge"));
        if (challenge != null) {
            OAuthError pkceError = !Pkce.S256.equals(params.get("code_challenge_method"))
                    ? OAuthError.PKCE_METHOD_NOT_SUPPORTED
                    : Pkce.isWellFormedChallenge(challenge) ? null : OAuthError.PKCE_CHALLENGE_MALFORMED;
            if (pkceError != null) {
                exchange.redirect(FormCodec.appendQuery(redirectUri, pkceError.parameters(state)));
                return;
            }
        }

        SandboxUser user = directory.userByLogin(blankToNull(params.get("login"))).orElse(defaultUser);
        List<String> scopes = app.expiringTokens() ? List.of() : Scopes.parse(params.get("scope"));
        ConsentStore.PendingConsent consent = consents.create(app, user, redirectUri, scopes, state, challenge);
        exchange.sendHtml(200, HtmlPages.consent(consent), PAGE_HEADERS);
    }

    private void decide(SandboxExchange exchange) {
        Map<String, String> form = exchange.request().formParameters();
        String decision = form.get("decision");
        if (!"authorize".equals(decision) && !"deny".equals(decision)) {
            exchange.sendHtml(400, HtmlPages.error("Bad Request",
                    "The decision must be \"authorize\" or \"deny\"."), PAGE_HEADERS);
            return;
        }
        Optional<ConsentStore.PendingConsent> taken = consents.take(form.get("consent_id"));
        if (taken.isEmpty()) {
            exchange.sendHtml(400, HtmlPages.error("Bad Request",
                    "This authorization request is unknown, expired or already answered. Start again from the application."),
                    PAGE_HEADERS);
            return;
        }
        ConsentStore.PendingConsent consent = taken.get();
        if ("deny".equals(decision)) {
            LOG.debug("User {} denied app {}", consent.user().login(), consent.app().clientId());
            exchange.redirect(FormCodec.appendQuery(consent.redirectUri(), OAuthError.ACCESS_DENIED.parameters(consent.state())));
            return;
        }
        CodeStore.CodeGrant grant = codes.issue(consent);
        LOG.debug("User {} authorized app {}; code issued", consent.user().login(), consent.app().clientId());
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", grant.code());
        params.put("state", consent.state());
        exchange.redirect(FormCodec.appendQuery(consent.redirectUri(), params));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
