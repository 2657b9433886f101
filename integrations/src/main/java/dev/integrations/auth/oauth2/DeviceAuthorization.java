package dev.integrations.auth.oauth2;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The codes of a started device authorization (RFC 8628 section 3.2): what to show the user
 * ({@link #userCode()} and {@link #verificationUri()}), until when ({@link #expiresAt()}) and how
 * often the application may ask whether they approved ({@link #interval()}).
 *
 * <p>The {@linkplain #deviceCode() device code} is a secret: whoever holds it receives the token
 * once the user approves. {@link #toString()} never prints it; do not log it. The user code is
 * meant to be shown and is printed.
 */
public final class DeviceAuthorization {
    /** The interval RFC 8628 prescribes when the server names none. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

    private final String deviceCode;
    private final String userCode;
    private final URI verificationUri;
    private final @Nullable URI verificationUriComplete;
    private final Instant expiresAt;
    private final Duration interval;
    private final List<String> scopes;

    /**
     * Creates the value, e.g. to resume polling in another process from saved parts.
     *
     * @param deviceCode the device code (secret)
     * @param userCode the code the user types, e.g. {@code WDJB-MJHT}
     * @param verificationUri where the user types it, e.g. {@code https://github.com/login/device}
     * @param verificationUriComplete the verification URI with the user code filled in, or null
     *     when the server sent none (GitHub does not document one)
     * @param expiresAt when the device code stops working
     * @param interval the minimum wait between two polls; positive
     * @param scopes the scopes that were requested (the user may grant fewer)
     * @throws IllegalArgumentException when a code is blank or the interval is not positive
     */
    public DeviceAuthorization(String deviceCode, String userCode, URI verificationUri,
                               @Nullable URI verificationUriComplete, Instant expiresAt, Duration interval,
                               List<String> scopes) {
        this.deviceCode = requireText(deviceCode, "deviceCode");
        this.userCode = requireText(userCode, "userCode");
        this.verificationUri = Objects.requireNonNull(verificationUri, "verificationUri");
        this.verificationUriComplete = verificationUriComplete;
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive");
        }
        this.scopes = List.copyOf(scopes);
    }

    /**
     * The device code the application polls with. A secret: never show or log it.
     *
     * @return the device code
     */
    public String deviceCode() {
        return deviceCode;
    }

    /**
     * The code the user types at {@link #verificationUri()}.
     *
     * @return the user code, e.g. {@code WDJB-MJHT}
     */
    public String userCode() {
        return userCode;
    }

    /**
     * Where the user enters the code.
     *
     * @return the verification URI, e.g. {@code https://github.com/login/device}
     */
    public URI verificationUri() {
        return verificationUri;
    }

    /**
     * The verification URI with the user code filled in, for a QR code or a link.
     *
     * @return the URI, or empty when the server sent none
     */
    public Optional<URI> verificationUriComplete() {
        return Optional.ofNullable(verificationUriComplete);
    }

    /**
     * When the device code expires; the user must approve before then.
     *
     * @return the expiry instant
     */
    public Instant expiresAt() {
        return expiresAt;
    }

    /**
     * The minimum wait between two polls, as the server gave it.
     *
     * @return the interval, positive
     */
    public Duration interval() {
        return interval;
    }

    /**
     * The scopes that were requested.
     *
     * @return the requested scopes; the user may grant fewer, so read the credentials' scopes
     */
    public List<String> scopes() {
        return scopes;
    }

    /**
     * Describes the authorization for logs.
     *
     * @return the user code, verification URI, expiry and interval; never the device code
     */
    @Override
    public String toString() {
        return "DeviceAuthorization[userCode=" + userCode + ", verificationUri=" + verificationUri + ", expiresAt="
                + expiresAt + ", interval=" + interval.toSeconds() + "s, scopes=" + scopes + ", deviceCode=<redacted>]";
    }

    private static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
