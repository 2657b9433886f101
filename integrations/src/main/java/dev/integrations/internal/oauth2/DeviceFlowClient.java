package dev.integrations.internal.oauth2;

import dev.integrations.auth.AuthContext;
import dev.integrations.auth.InvalidCredentialsException;
import dev.integrations.auth.OAuthException;
import dev.integrations.auth.oauth2.DeviceAuthorization;
import dev.integrations.auth.oauth2.DeviceFlowCancellation;
import dev.integrations.auth.oauth2.DeviceFlowException;
import dev.integrations.auth.oauth2.DeviceFlowException.Reason;
import dev.integrations.auth.oauth2.DeviceFlowOptions;
import dev.integrations.core.ConfigurationException;
import dev.integrations.http.HttpResult;
import dev.integrations.http.ResponseTooLargeException;
import dev.integrations.http.Sleeper;
import dev.integrations.http.TransportException;
import dev.integrations.internal.http.FormEncoding;
import dev.integrations.internal.json.EpochSeconds;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device authorization grant (RFC 8628, https://www.rfc-editor.org/rfc/rfc8628) as GitHub
 * runs it (https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps#device-flow):
 * request codes without a client secret, then poll the token endpoint, where every answer but the
 * token is an {@code error} (with HTTP 200 at GitHub). Polling waits the server's interval before
 * each poll; {@code slow_down} adds 5 s to it, or takes the server's new {@code interval} when
 * that is longer. Waits go through the options' {@link Sleeper} and time is read from its clock,
 * so tests run the flow without sleeping.
 *
 * <p>No lock is held while waiting or on the network, so many flows can wait at once on virtual
 * threads. The device code never reaches a log line or a message.
 *
 * @param <C> the credentials type produced
 */
public final class DeviceFlowClient<C> {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceFlowClient.class);
    /** The device grant's type (RFC 8628 section 3.4). */
    public static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:device_code";
    /** What {@code slow_down} adds to the interval (RFC 8628 section 3.5). */
    static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);
    /** GitHub's documented lifetime of a device code, used when a response names none. */
    static final Duration DEFAULT_EXPIRY = Duration.ofSeconds(900);
    /** Network failures in a row that end the flow; a single blip should not lose the user's approval. */
    static final int MAX_TRANSPORT_FAILURES = 3;

    private final OAuth2Client client;
    private final URI deviceCodeUri;
    private final TokenCredentialsAdapter<C> adapter;
    private final AuthContext context;

    public DeviceFlowClient(OAuth2Client client, URI deviceCodeUri, TokenCredentialsAdapter<C> adapter,
                            AuthContext context) {
        this.client = Objects.requireNonNull(client, "client");
        this.deviceCodeUri = Objects.requireNonNull(deviceCodeUri, "deviceCodeUri");
        this.adapter = Objects.requireNonNull(adapter, "adapter");
        this.context = Objects.requireNonNull(context, "context");
    }

    /** Where codes are requested. */
    public URI deviceCodeUri() {
        return deviceCodeUri;
    }

    /** The same flow with codes requested at {@code uri}. */
    public DeviceFlowClient<C> withDeviceCodeUri(URI uri) {
        return new DeviceFlowClient<>(client, uri, adapter, context);
    }

    /** Requests a device code and a user code (RFC 8628 section 3.1). */
    public DeviceAuthorization start(DeviceFlowOptions options) {
        requireClientId();
        List<String> scopes = options.scopes() != null ? options.scopes() : client.defaultScopes();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", client.clientId());
        form.put("scope", scopes.isEmpty() ? null : String.join(" ", scopes));
        Instant requestedAt = clock(options).instant();
        HttpResult result = post(deviceCodeUri, form, "device code request");
        String where = client.displayName() + "'s device code endpoint (" + deviceCodeUri + ")";
        Map<String, Object> params = read(result, where, "device code request");
        Object error = params.get("error");
        if (error != null && !error.toString().isBlank()) {
            throw serverError(params, "device code request");
        }
        if (!result.isSuccessful()) {
            throw new DeviceFlowException(where + " answered HTTP " + result.status() + " without an OAuth error: the"
                    + " URL is wrong or the server has no device flow; check the device code URL", Reason.OTHER,
                    "invalid_response", null, null);
        }
        try {
            String deviceCode = text(params, "device_code");
            String userCode = text(params, "user_code");
            URI verificationUri = URI.create(text(params, "verification_uri"));
            Object complete = params.get("verification_uri_complete");
            Long expiresIn = EpochSeconds.lifetime(params.get("expires_in"), "expires_in");
            Long interval = EpochSeconds.lifetime(params.get("interval"), "interval");
            DeviceAuthorization authorization = new DeviceAuthorization(deviceCode, userCode, verificationUri,
                    complete instanceof String s && !s.isBlank() ? URI.create(s) : null,
                    requestedAt.plus(expiresIn == null ? DEFAULT_EXPIRY : Duration.ofSeconds(expiresIn)),
                    interval == null || interval <= 0 ? DeviceAuthorization.DEFAULT_INTERVAL : Duration.ofSeconds(interval),
                    scopes);
            LOG.debug("Started a {} device authorization (scopes {}), expires at {}", client.provider(), scopes,
                    authorization.expiresAt());
            return authorization;
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            throw new DeviceFlowException(where + " returned an unusable device code response: " + e.getMessage()
                    + "; check the device code URL", Reason.OTHER, e);
        }
    }

    /**
     * Polls until the user approves, declines, the code expires, the options' deadline passes or
     * the flow is cancelled.
     */
    public C poll(DeviceAuthorization authorization, DeviceFlowOptions options) {
        requireClientId();
        Clock clock = clock(options);
        DeviceFlowCancellation cancellation = options.cancellation();
        Sleeper sleeper = sleeper(options.sleeper(), cancellation);
        Instant start = clock.instant();
        Instant deadline = authorization.expiresAt();
        boolean ownDeadline = false;
        if (options.timeout() != null && start.plus(options.timeout()).isBefore(deadline)) {
            deadline = start.plus(options.timeout());
            ownDeadline = true;
        }
        Duration interval = authorization.interval();
        int transportFailures = 0;
        while (true) {
            checkCancelled(cancellation);
            Duration remaining = Duration.between(clock.instant(), deadline);
            if (remaining.compareTo(interval) < 0) {
                // Another poll would come before the interval is up or after the deadline: wait out
                // what is left (so the caller's clock agrees), then stop.
                pause(sleeper, remaining, cancellation);
                throw timedOut(ownDeadline, options.timeout());
            }
            pause(sleeper, interval, cancellation);
            Instant requestedAt = clock.instant();
            Map<String, String> form = new LinkedHashMap<>();
            form.put("client_id", client.clientId());
            form.put("device_code", authorization.deviceCode());
            form.put("grant_type", GRANT_TYPE);
            HttpResult result;
            try {
                result = post(client.tokenUri(), form, "device token poll");
                transportFailures = 0;
            } catch (TransportException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new DeviceFlowException("The device flow was interrupted; start it again if needed",
                            Reason.CANCELLED, e);
                }
                if (++transportFailures >= MAX_TRANSPORT_FAILURES) {
                    throw e;
                }
                LOG.debug("Device token poll at {} failed ({}); polling again", client.tokenUri(), e.getClass().getSimpleName());
                continue;
            }
            String where = client.displayName() + "'s token endpoint (" + client.tokenUri() + ")";
            Map<String, Object> params = read(result, where, "device token poll");
            Object error = params.get("error");
            if (error == null || error.toString().isBlank()) {
                TokenResponseParser.checkTokenResponse(result, params, where, "device token poll");
                LOG.debug("{} device authorization approved", client.provider());
                return credentialsFrom(params, requestedAt, where);
            }
            switch (error.toString()) {
                case "authorization_pending" -> {
                    // The user has not finished yet: wait another interval.
                }
                case "slow_down" -> {
                    Duration slower = interval.plus(SLOW_DOWN_STEP);
                    Long serverInterval = lifetimeOrNull(params.get("interval"));
                    if (serverInterval != null && Duration.ofSeconds(serverInterval).compareTo(slower) > 0) {
                        slower = Duration.ofSeconds(serverInterval);
                    }
                    LOG.debug("{} asked to slow down: polling every {} s now", client.provider(), slower.toSeconds());
                    interval = slower;
                }
                default -> throw serverError(params, "device authorization");
            }
        }
    }

    private C credentialsFrom(Map<String, Object> params, Instant requestedAt, String where) {
        try {
            return adapter.fromTokenResponse(params, requestedAt);
        } catch (InvalidCredentialsException | IllegalArgumentException | DateTimeException | ArithmeticException e) {
            throw new OAuthException(where + " returned an unusable token response for the device flow: " + e.getMessage(),
                    OAuthException.INVALID_RESPONSE, e);
        }
    }

    private DeviceFlowException serverError(Map<String, Object> params, String what) {
        String code = String.valueOf(params.get("error"));
        String description = TokenResponseParser.stringOrNull(params.get("error_description"));
        Reason reason = Reason.of(code);
        String advice = client.advise(code);
        return new DeviceFlowException(client.displayName() + " ended the " + what + ": " + code
                + (description == null ? "" : " (" + TokenResponseParser.truncate(description) + ")")
                + (advice == null ? "" : ". " + advice), reason, code, description,
                TokenResponseParser.stringOrNull(params.get("error_uri")));
    }

    private DeviceFlowException timedOut(boolean ownDeadline, @Nullable Duration timeout) {
        if (ownDeadline && timeout != null) {
            return new DeviceFlowException("The user did not approve the " + client.displayName() + " device authorization"
                    + " within the deadline of " + timeout.toSeconds() + " s; start the device flow again or allow more"
                    + " time with DeviceFlowOptions.timeout(...)", Reason.DEADLINE_EXCEEDED, null);
        }
        return new DeviceFlowException("The " + client.displayName() + " device code expired before the user approved it;"
                + " start the device flow again and show the new code", Reason.EXPIRED_TOKEN, null);
    }

    private static void checkCancelled(@Nullable DeviceFlowCancellation cancellation) {
        if (cancellation != null && cancellation.isCancelled()) {
            throw new DeviceFlowException("The device flow was cancelled", Reason.CANCELLED, null);
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new DeviceFlowException("The device flow was interrupted; start it again if needed", Reason.CANCELLED,
                    null);
        }
    }

    private static void pause(Sleeper sleeper, Duration duration, @Nullable DeviceFlowCancellation cancellation) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceFlowException("The device flow was interrupted; start it again if needed", Reason.CANCELLED, e);
        }
        checkCancelled(cancellation);
    }

    /**
     * The system sleeper is replaced by a wait on the cancel handle, so that {@code cancel()} ends
     * the wait at once; an injected sleeper is used as given and the handle is checked after it.
     */
    private static Sleeper sleeper(Sleeper given, @Nullable DeviceFlowCancellation cancellation) {
        if (cancellation != null && given == Sleeper.system()) {
            return cancellation::await;
        }
        return given;
    }

    private Clock clock(DeviceFlowOptions options) {
        return options.clock() != null ? options.clock() : context.clock();
    }

    private HttpResult post(URI uri, Map<String, String> form, String what) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(client.requestTimeout())
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", client.userAgent())
                .POST(HttpRequest.BodyPublishers.ofString(FormEncoding.encode(form)))
                .build();
        try {
            return context.transport().send(request, OAuth2CodeFlow.MAX_TOKEN_RESPONSE_BYTES);
        } catch (ResponseTooLargeException e) {
            throw new OAuthException(client.displayName() + "'s endpoint " + uri + " returned more than "
                    + OAuth2CodeFlow.MAX_TOKEN_RESPONSE_BYTES + " bytes for the " + what + ", which is not an OAuth"
                    + " response; check the URL", OAuthException.INVALID_RESPONSE, e);
        }
    }

    private static Map<String, Object> read(HttpResult result, String where, String what) {
        return TokenResponseParser.read(result, where, what);
    }

    private static String text(Map<String, Object> params, String field) {
        Object value = params.get(field);
        if (!(value instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException("'" + field + "' is missing or not a string");
        }
        return s;
    }

    private static @Nullable Long lifetimeOrNull(@Nullable Object value) {
        try {
            return EpochSeconds.lifetime(value, "interval");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void requireClientId() {
        if (client.clientId() == null) {
            throw new ConfigurationException(client.displayName() + " client_id is not set: set " + client.clientIdEnvHint()
                    + " or pass it to the app credentials builder. The device flow needs no client secret.");
        }
    }
}
