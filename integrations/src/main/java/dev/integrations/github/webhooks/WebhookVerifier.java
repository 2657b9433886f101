package dev.integrations.github.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.core.ConfigurationException;
import dev.integrations.github.webhooks.WebhookVerificationException.Reason;
import dev.integrations.internal.json.Json;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Verifies that a webhook delivery comes from GitHub and reads it: the {@code X-Hub-Signature-256}
 * header must be the HMAC-SHA256 of the raw body under one of the configured secrets
 * (<a href="https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries">validating
 * webhook deliveries</a>), compared in constant time.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.fromEnvironment();          // GITHUB_WEBHOOK_SECRET
 * WebhookEvent event = verifier.verify(exchange.getRequestHeaders(), verifier.readBody(exchange.getRequestBody()));
 * }</pre>
 *
 * <p><b>Verify the raw bytes.</b> Hand over the body exactly as received, before any JSON parsing
 * or re-encoding: a framework that parses and serialises the JSON again changes the bytes, and the
 * signature no longer matches.
 *
 * <p><b>Headers</b> are looked up ignoring case, from whatever the framework has: a
 * {@code Map<String, String>}, a {@code Map<String, List<String>>} (the JDK's {@code Headers},
 * Spring's {@code HttpHeaders}) or a lookup function ({@code request::getHeader} of a servlet).
 *
 * <p><b>Rotation.</b> Configure the new and the old secret while GitHub's webhook settings are being
 * changed: deliveries signed with either verify. Give the old one a retirement instant
 * ({@link Builder#secret(String, Instant)}): afterwards a delivery signed with it is refused with
 * {@link Reason#RETIRED_SECRET}. From the environment, {@value #SECRET_ENV} holds the current secret
 * and {@value #PREVIOUS_SECRET_ENV} the old one, each taken verbatim (a secret may contain any
 * character, commas included), with an optional ISO-8601 retirement instant in
 * {@value #PREVIOUS_SECRET_RETIRES_AT_ENV}.
 *
 * <p><b>Staleness and replays.</b> GitHub signs the body only, no timestamp, so a captured delivery
 * stays validly signed for as long as its secret is accepted; this verifier does not invent an age
 * limit GitHub does not provide. Stale signatures are refused by retiring secrets; replays of a
 * delivery are caught by remembering its {@link WebhookEvent#deliveryId()} in a
 * {@link WebhookDeliveryStore} ({@link WebhookReceiver} does both).
 *
 * <p>Only {@code X-Hub-Signature-256} is accepted: the SHA-1 {@code X-Hub-Signature} GitHub still
 * sends for old receivers is refused ({@link Reason#SHA1_ONLY}) when it comes alone. Immutable and
 * thread-safe. Neither secrets nor signatures appear in {@link #toString()}, exception messages or
 * logs.
 */
public final class WebhookVerifier {
    /** The environment variable with the current webhook secret, taken verbatim. */
    public static final String SECRET_ENV = "GITHUB_WEBHOOK_SECRET";
    /** The environment variable with the previous webhook secret during a rotation, taken verbatim. */
    public static final String PREVIOUS_SECRET_ENV = "GITHUB_WEBHOOK_SECRET_PREVIOUS";
    /** The environment variable with the ISO-8601 instant after which the previous secret is refused. */
    public static final String PREVIOUS_SECRET_RETIRES_AT_ENV = "GITHUB_WEBHOOK_SECRET_PREVIOUS_RETIRES_AT";
    /** The default body limit: 25 MiB, GitHub's cap on webhook payloads. */
    public static final int DEFAULT_MAX_BODY_BYTES = 25 * 1024 * 1024;

    static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
    static final String SHA1_SIGNATURE_HEADER = "X-Hub-Signature";
    static final String EVENT_HEADER = "X-GitHub-Event";
    static final String DELIVERY_HEADER = "X-GitHub-Delivery";
    static final String HOOK_ID_HEADER = "X-GitHub-Hook-ID";
    static final String TARGET_ID_HEADER = "X-GitHub-Hook-Installation-Target-ID";
    static final String TARGET_TYPE_HEADER = "X-GitHub-Hook-Installation-Target-Type";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookVerifier.class);
    private static final String PREFIX = "sha256=";
    // What a delivery id or event name may look like to be quoted in a message or log line: the
    // headers are unsigned, and anything else could forge log lines.
    private static final Pattern PRINTABLE = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final List<Secret> secrets;
    private final Clock clock;
    private final int maxBodyBytes;

    private WebhookVerifier(Builder b) {
        if (b.secrets.isEmpty()) {
            throw new ConfigurationException("A WebhookVerifier needs the webhook's secret: give it with secret(...) or set "
                    + SECRET_ENV + " to the secret entered on GitHub's webhook settings page");
        }
        this.secrets = List.copyOf(b.secrets);
        this.clock = b.clock;
        this.maxBodyBytes = b.maxBodyBytes;
    }

    /**
     * A verifier with one secret.
     *
     * @param secret the webhook secret as entered on GitHub (its UTF-8 bytes are the HMAC key)
     * @return the verifier
     * @throws IllegalArgumentException when the secret is empty
     */
    public static WebhookVerifier of(String secret) {
        return builder().secret(secret).build();
    }

    /**
     * A verifier configured from the process environment: {@value #SECRET_ENV}, and during a
     * rotation {@value #PREVIOUS_SECRET_ENV} with the optional {@value #PREVIOUS_SECRET_RETIRES_AT_ENV}.
     *
     * @return the verifier
     * @throws ConfigurationException when {@value #SECRET_ENV} is not set or the retirement instant is not ISO-8601
     */
    public static WebhookVerifier fromEnvironment() {
        return builder().environment(System.getenv()).build();
    }

    /**
     * Options for a verifier.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A verifier built in one expression: {@code WebhookVerifier.create(b -> b.secret(current).secret(old, cutoff))}.
     *
     * @param options sets the builder's options
     * @return the verifier
     * @throws ConfigurationException when no secret was given
     */
    public static WebhookVerifier create(Consumer<Builder> options) {
        Builder builder = builder();
        options.accept(builder);
        return builder.build();
    }

    /**
     * Verifies a delivery whose headers are in a map, names in any case: {@code Map<String, String>},
     * or {@code Map<String, List<String>>} such as the JDK HTTP server's {@code Headers} or Spring's
     * {@code HttpHeaders}. Collection and array values count as the header's values.
     *
     * @param headers the request headers
     * @param body the raw request body, exactly as received
     * @return the verified event
     * @throws WebhookVerificationException when the delivery is not signed with an accepted secret, or malformed
     */
    public WebhookEvent verify(Map<String, ?> headers, byte[] body) {
        Objects.requireNonNull(headers, "headers");
        return check(name -> values(lookup(headers, name)), body);
    }

    /**
     * Verifies a delivery whose headers come from a lookup by name, such as a servlet's
     * {@code request::getHeader}. The lookup gets GitHub's spelling of each name
     * ({@code X-Hub-Signature-256}) and should ignore case, as servlet containers do.
     *
     * @param headers returns a header's value, or null when the request has none
     * @param body the raw request body, exactly as received
     * @return the verified event
     * @throws WebhookVerificationException when the delivery is not signed with an accepted secret, or malformed
     */
    public WebhookEvent verify(Function<String, @Nullable String> headers, byte[] body) {
        Objects.requireNonNull(headers, "headers");
        return check(name -> {
            String value = headers.apply(name);
            return value == null || value.isBlank() ? List.of() : List.of(value);
        }, body);
    }

    /**
     * Reads a request body, at most {@link #maxBodyBytes()} of it: a longer body is refused before it
     * fills memory. The stream is not closed.
     *
     * @param in the request body stream
     * @return the body's bytes
     * @throws IOException when reading fails
     * @throws WebhookVerificationException with {@link Reason#BODY_TOO_LARGE} when the body is longer than the limit
     */
    public byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(maxBodyBytes + 1);
        if (bytes.length > maxBodyBytes) {
            throw tooLarge("more than " + maxBodyBytes);
        }
        return bytes;
    }

    /**
     * The largest body accepted, in bytes.
     *
     * @return the limit
     */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** How many secrets, and when any retire; never the secrets. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("WebhookVerifier[secrets=").append(secrets.size());
        for (Secret secret : secrets) {
            if (secret.retiresAt != null) {
                s.append(", one retiring at ").append(secret.retiresAt);
            }
        }
        return s.append(", maxBodyBytes=").append(maxBodyBytes).append(']').toString();
    }

    // ---------------------------------------------------------------------------------------------

    private WebhookEvent check(Function<String, List<String>> headers, byte[] body) {
        Objects.requireNonNull(body, "body");
        String delivery = first(headers.apply(DELIVERY_HEADER));
        String quoted = quote(delivery);
        if (body.length > maxBodyBytes) {
            throw reject(quoted, tooLarge(String.valueOf(body.length)));
        }
        byte[] given = signature(headers, quoted);
        Instant now = clock.instant();
        boolean accepted = false;
        @Nullable Instant retired = null;
        // Every secret is tried, whatever matches first: the time taken does not say which one matched.
        for (Secret secret : secrets) {
            if (MessageDigest.isEqual(hmac(secret.key, body), given)) {
                if (secret.isActive(now)) {
                    accepted = true;
                } else {
                    retired = secret.retiresAt;
                }
            }
        }
        if (!accepted && retired != null) {
            throw reject(quoted, new WebhookVerificationException(Reason.RETIRED_SECRET, "Webhook delivery " + quoted
                    + " is signed with a webhook secret that was retired at " + retired + ": enter the current secret on"
                    + " GitHub's webhook settings page (a delivery signed with a retired secret is refused: GitHub signs"
                    + " no timestamp, so this is how a captured old delivery is kept out)"));
        }
        if (!accepted) {
            throw reject(quoted, new WebhookVerificationException(Reason.SIGNATURE_MISMATCH, "The X-Hub-Signature-256 of"
                    + " webhook delivery " + quoted + " matches none of the " + secrets.size() + " configured webhook"
                    + " secret(s): check that the secret entered on GitHub's webhook settings page equals the one configured"
                    + " here, and that the raw request body bytes are verified, before any JSON parsing or re-encoding"));
        }
        String event = first(headers.apply(EVENT_HEADER));
        if (event == null) {
            throw reject(quoted, new WebhookVerificationException(Reason.MISSING_EVENT, "Webhook delivery " + quoted
                    + " has no X-GitHub-Event header: pass all request headers to the verifier (a proxy may drop it)"));
        }
        if (delivery == null) {
            throw reject(quoted, new WebhookVerificationException(Reason.MISSING_DELIVERY_ID, "The " + quote(event)
                    + " webhook delivery has no X-GitHub-Delivery header: pass all request headers to the verifier"
                    + " (a proxy may drop it)"));
        }
        JsonNode payload = payload(body, quoted);
        WebhookEvent verified = new WebhookEvent(event, delivery, first(headers.apply(HOOK_ID_HEADER)),
                first(headers.apply(TARGET_ID_HEADER)), first(headers.apply(TARGET_TYPE_HEADER)), payload, body);
        LOG.debug("Verified webhook delivery {} ({})", quoted, quote(event));
        return verified;
    }

    private byte[] signature(Function<String, List<String>> headers, String quoted) {
        List<String> values = headers.apply(SIGNATURE_HEADER);
        if (values.isEmpty()) {
            if (!headers.apply(SHA1_SIGNATURE_HEADER).isEmpty()) {
                throw reject(quoted, new WebhookVerificationException(Reason.SHA1_ONLY, "Webhook delivery " + quoted
                        + " carries only the legacy SHA-1 X-Hub-Signature header, which is not accepted: GitHub sends"
                        + " X-Hub-Signature-256 with every signed delivery, so check that no proxy drops that header"));
            }
            throw reject(quoted, new WebhookVerificationException(Reason.MISSING_SIGNATURE, "Webhook delivery " + quoted
                    + " has no X-Hub-Signature-256 header: set the same secret on GitHub's webhook settings page as here"
                    + " (GitHub signs deliveries only when the webhook has a secret), or the request is not from GitHub"));
        }
        if (values.size() > 1) {
            throw malformed(quoted, "appears " + values.size() + " times");
        }
        String value = values.get(0).strip();
        if (!value.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) || value.length() != PREFIX.length() + 64) {
            throw malformed(quoted, "is not 'sha256=' followed by 64 hex digits");
        }
        try {
            return HexFormat.of().parseHex(value, PREFIX.length(), value.length());
        } catch (IllegalArgumentException e) {
            throw malformed(quoted, "is not 'sha256=' followed by 64 hex digits");
        }
    }

    private WebhookVerificationException malformed(String quoted, String problem) {
        return reject(quoted, new WebhookVerificationException(Reason.MALFORMED_SIGNATURE, "The X-Hub-Signature-256 header"
                + " of webhook delivery " + quoted + " " + problem + ": the request is not from GitHub, or something"
                + " between GitHub and this server changed the header"));
    }

    private WebhookVerificationException tooLarge(String size) {
        return new WebhookVerificationException(Reason.BODY_TOO_LARGE, "The webhook body has " + size + " bytes, more than"
                + " the limit of " + maxBodyBytes + ": GitHub caps payloads at 25 MB; raise the verifier's maxBodyBytes(...)"
                + " only if a smaller limit was set on purpose");
    }

    /** The payload: the body as JSON, or the {@code payload} form field of a webhook with content type form. */
    private static JsonNode payload(byte[] body, String quoted) {
        byte[] json = body;
        if (body.length > 8 && new String(body, 0, 8, StandardCharsets.US_ASCII).equals("payload=")) {
            String form = new String(body, StandardCharsets.US_ASCII);
            int end = form.indexOf('&');
            json = URLDecoder.decode(form.substring(8, end < 0 ? form.length() : end), StandardCharsets.UTF_8)
                    .getBytes(StandardCharsets.UTF_8);
        }
        try {
            JsonNode node = Json.parse(json);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException | IllegalArgumentException e) {
            // Reported below: the parser's message quotes the body.
        }
        throw reject(quoted, new WebhookVerificationException(Reason.MALFORMED_PAYLOAD, "Webhook delivery " + quoted
                + " is correctly signed but its body is not a JSON object: set the webhook's content type to"
                + " application/json on GitHub"));
    }

    private static WebhookVerificationException reject(String quoted, WebhookVerificationException e) {
        LOG.debug("Rejected webhook delivery {}: {}", quoted, e.reason());
        return e;
    }

    private static byte[] hmac(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    /** A header value fit for a message: printable ids as they are, anything else described. */
    private static String quote(@Nullable String value) {
        if (value == null) {
            return "(without X-GitHub-Delivery)";
        }
        return PRINTABLE.matcher(value).matches() ? value : "(unprintable id of " + value.length() + " characters)";
    }

    private static @Nullable String first(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    private static @Nullable Object lookup(Map<String, ?> headers, String name) {
        Object value;
        try {
            value = headers.get(name);
        } catch (ClassCastException | NullPointerException e) {
            value = null;
        }
        if (value != null) {
            return value;
        }
        for (Map.Entry<String, ?> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** A header's non-blank values: a string, or the elements of a collection or array. */
    private static List<String> values(@Nullable Object value) {
        List<String> values = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            collection.forEach(v -> add(values, v));
        } else if (value instanceof Object[] array) {
            Arrays.asList(array).forEach(v -> add(values, v));
        } else {
            add(values, value);
        }
        return values;
    }

    private static void add(List<String> values, @Nullable Object value) {
        if (value != null && !value.toString().isBlank()) {
            values.add(value.toString());
        }
    }

    private static final class Secret {
        private final byte[] key;
        private final @Nullable Instant retiresAt;

        Secret(byte[] key, @Nullable Instant retiresAt) {
            if (key.length == 0) {
                throw new IllegalArgumentException("A webhook secret must not be empty: GitHub signs nothing without one");
            }
            this.key = key.clone();
            this.retiresAt = retiresAt;
        }

        boolean isActive(Instant now) {
            return retiresAt == null || now.isBefore(retiresAt);
        }

        @Override
        public String toString() {
            return "Secret[redacted]";
        }
    }

    /** Options for a {@link WebhookVerifier}. At least one secret is required. Not thread-safe. */
    public static final class Builder {
        private final List<Secret> secrets = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;

        private Builder() {
        }

        /**
         * Accepts deliveries signed with this secret.
         *
         * @param secret the webhook secret as entered on GitHub (its UTF-8 bytes are the HMAC key)
         * @return this builder
         * @throws IllegalArgumentException when the secret is empty
         */
        public Builder secret(String secret) {
            return secret(Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Accepts deliveries signed with this secret, given as the HMAC key's bytes.
         *
         * @param secret the secret's bytes (copied)
         * @return this builder
         * @throws IllegalArgumentException when the secret is empty
         */
        public Builder secret(byte[] secret) {
            secrets.add(new Secret(Objects.requireNonNull(secret, "secret"), null));
            return this;
        }

        /**
         * Accepts deliveries signed with this secret until {@code retiresAt} (exclusive, on the
         * builder's clock); afterwards they are refused with {@link Reason#RETIRED_SECRET}. For the
         * old secret during a rotation.
         *
         * @param secret the old webhook secret
         * @param retiresAt when the secret stops being accepted
         * @return this builder
         * @throws IllegalArgumentException when the secret is empty
         */
        public Builder secret(String secret, Instant retiresAt) {
            return secret(Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8), retiresAt);
        }

        /**
         * {@link #secret(String, Instant)} with the secret's bytes.
         *
         * @param secret the old secret's bytes (copied)
         * @param retiresAt when the secret stops being accepted
         * @return this builder
         * @throws IllegalArgumentException when the secret is empty
         */
        public Builder secret(byte[] secret, Instant retiresAt) {
            secrets.add(new Secret(Objects.requireNonNull(secret, "secret"), Objects.requireNonNull(retiresAt, "retiresAt")));
            return this;
        }

        /**
         * Adds the secrets an environment configures: {@value WebhookVerifier#SECRET_ENV} (required), and
         * {@value WebhookVerifier#PREVIOUS_SECRET_ENV} with the optional ISO-8601 instant
         * {@value WebhookVerifier#PREVIOUS_SECRET_RETIRES_AT_ENV}. Values are taken verbatim.
         *
         * @param environment the environment, e.g. {@code System.getenv()}
         * @return this builder
         * @throws ConfigurationException when {@value WebhookVerifier#SECRET_ENV} is missing or empty, or the instant is not ISO-8601
         */
        public Builder environment(Map<String, String> environment) {
            Objects.requireNonNull(environment, "environment");
            String current = environment.get(SECRET_ENV);
            if (current == null || current.isEmpty()) {
                throw new ConfigurationException(SECRET_ENV + " is not set: set it to the secret entered on GitHub's webhook"
                        + " settings page (and " + PREVIOUS_SECRET_ENV + " to the old one while rotating)");
            }
            secret(current);
            String previous = environment.get(PREVIOUS_SECRET_ENV);
            if (previous != null && !previous.isEmpty()) {
                String retires = environment.get(PREVIOUS_SECRET_RETIRES_AT_ENV);
                if (retires == null || retires.isBlank()) {
                    secret(previous);
                } else {
                    try {
                        secret(previous, Instant.parse(retires.strip()));
                    } catch (DateTimeParseException e) {
                        throw new ConfigurationException(PREVIOUS_SECRET_RETIRES_AT_ENV + " is not an ISO-8601 instant such"
                                + " as 2026-12-31T00:00:00Z: '" + retires.strip() + "'");
                    }
                }
            }
            return this;
        }

        /**
         * The clock retirement instants are compared with (default the system clock, UTC).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The largest body accepted (default {@value WebhookVerifier#DEFAULT_MAX_BODY_BYTES}, GitHub's 25 MB cap).
         *
         * @param maxBodyBytes the limit in bytes, at least 1
         * @return this builder
         * @throws IllegalArgumentException when the limit is not positive or leaves no room for reading one byte more
         */
        public Builder maxBodyBytes(int maxBodyBytes) {
            if (maxBodyBytes < 1 || maxBodyBytes == Integer.MAX_VALUE) {
                throw new IllegalArgumentException("maxBodyBytes must be between 1 and " + (Integer.MAX_VALUE - 1));
            }
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /**
         * Builds the verifier.
         *
         * @return the verifier
         * @throws ConfigurationException when no secret was given
         */
        public WebhookVerifier build() {
            return new WebhookVerifier(this);
        }
    }
}
