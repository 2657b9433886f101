package dev.integrations.spring.boot.web;

import dev.integrations.AuthManager;
import dev.integrations.auth.CompletedAuthorization;
import dev.integrations.auth.DisconnectResult;
import dev.integrations.auth.RevocationFailedException;
import dev.integrations.auth.OAuthException;
import dev.integrations.auth.oauth2.AuthorizationStep;
import dev.integrations.auth.oauth2.AuthorizeRequest;
import dev.integrations.spring.boot.IntegrationsProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Connects and disconnects GitHub for the signed-in user:
 * <ul>
 *   <li>{@code GET integrations.web.connect-path} starts an authorization bound to the request's
 *       subject (state and PKCE as the SDK does) and redirects to GitHub; 401 when nobody is
 *       signed in;</li>
 *   <li>{@code GET integrations.web.callback-path} completes it with
 *       {@link AuthManager#completeAuthorization(String)} (the subject comes from the pending
 *       authorization, not from a cookie) and redirects to {@code success-url};</li>
 *   <li>{@code POST integrations.web.disconnect-path} removes the user's GitHub credentials and
 *       redirects to {@code disconnected-url}.</li>
 * </ul>
 */
@Controller
public class GithubConnectController {
    private static final Logger LOG = LoggerFactory.getLogger(GithubConnectController.class);

    private final AuthManager auth;
    private final SubjectResolver subjects;
    private final IntegrationsProperties.Web web;

    /**
     * Creates the endpoints.
     *
     * @param auth the manager that runs the flow and stores the credentials
     * @param subjects who the signed-in user is
     * @param web the paths and redirect targets
     */
    public GithubConnectController(AuthManager auth, SubjectResolver subjects, IntegrationsProperties.Web web) {
        this.auth = Objects.requireNonNull(auth, "auth");
        this.subjects = Objects.requireNonNull(subjects, "subjects");
        this.web = Objects.requireNonNull(web, "web");
    }

    /**
     * Sends the signed-in user to GitHub.
     *
     * @param request the request
     * @return 302 to GitHub's authorization page, or 401 when nobody is signed in
     */
    @GetMapping("${integrations.web.connect-path:/integrations/github/connect}")
    public ResponseEntity<String> connect(HttpServletRequest request) {
        Object subject = subjects.resolve(request);
        if (subject == null) {
            return text(HttpStatus.UNAUTHORIZED, "Sign in before connecting GitHub.");
        }
        URI redirectUri = auth.github().appCredentials().redirectUri() != null ? null
                : ServletUriComponentsBuilder.fromContextPath(request).path(web.getCallbackPath()).build().toUri();
        AuthorizationStep step = auth.github().oauth2().authorize(AuthorizeRequest.builder().subject(subject)
                .redirectUri(redirectUri).build());
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, step.authorizationUrl().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /**
     * Completes the authorization GitHub sent the user back from.
     *
     * @param request the callback request, with GitHub's {@code code} and {@code state}
     * @return 302 to {@code success-url}; on failure 302 to {@code failure-url} or a 400 page
     */
    @GetMapping("${integrations.web.callback-path:/integrations/github/callback}")
    public ResponseEntity<String> callback(HttpServletRequest request) {
        String query = request.getQueryString();
        try {
            CompletedAuthorization done = auth.completeAuthorization(request.getRequestURL() + "?" + (query == null ? "" : query));
            LOG.debug("Connected {} for subject {}", done.provider(), done.subject());
            return redirect(web.getSuccessUrl());
        } catch (OAuthException e) {
            // Messages of OAuthException carry no secrets and no unverified callback text.
            LOG.info("Connecting GitHub failed: {} ({})", e.error(), e.getMessage());
            String failureUrl = web.getFailureUrl();
            if (failureUrl != null) {
                return redirect(UriComponentsBuilder.fromUriString(failureUrl).queryParam("error", e.error()).build()
                        .encode().toUriString());
            }
            return text(HttpStatus.BAD_REQUEST, "Connecting GitHub failed: " + e.getMessage());
        }
    }

    /**
     * Disconnects the signed-in user from GitHub: revokes the app's grant at GitHub, then removes
     * the stored credentials. When GitHub cannot be reached the credentials are kept (the user is
     * still connected, and the token would keep working at GitHub), and the answer says so.
     *
     * @param request the request
     * @return 303 to {@code disconnected-url}; 303 to {@code failure-url?error=revocation_failed} (or
     *     502) when revoking failed; 401 when nobody is signed in
     */
    @PostMapping("${integrations.web.disconnect-path:/integrations/github/disconnect}")
    public ResponseEntity<String> disconnect(HttpServletRequest request) {
        Object subject = subjects.resolve(request);
        if (subject == null) {
            return text(HttpStatus.UNAUTHORIZED, "Sign in before disconnecting GitHub.");
        }
        try {
            DisconnectResult result = auth.disconnect("github", subject);
            LOG.debug("Disconnected GitHub for subject {}: {}", subject, result.outcome());
        } catch (RevocationFailedException e) {
            // The message names the provider and subject and the cause's message; it carries no token.
            LOG.warn("Disconnecting GitHub failed; the connection is kept: {}", e.getMessage());
            String failureUrl = web.getFailureUrl();
            if (failureUrl != null) {
                return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, UriComponentsBuilder
                        .fromUriString(failureUrl).queryParam("error", "revocation_failed").build().encode().toUriString())
                        .build();
            }
            return text(HttpStatus.BAD_GATEWAY, "GitHub could not be reached to revoke the access, so GitHub stays"
                    + " connected. Try again later.");
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, web.getDisconnectedUrl()).build();
    }

    private static ResponseEntity<String> redirect(String location) {
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, location).build();
    }

    private static ResponseEntity<String> text(HttpStatus status, @Nullable String body) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body == null ? "" : body);
    }
}
