package dev.integrations.internal.github.app;

import dev.integrations.github.app.GithubAppPrivateKey;
import dev.integrations.internal.json.Json;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Mints the app's JWT with the JDK ({@code SHA256withRSA}, no JWT library): header
 * {@code {"alg":"RS256","typ":"JWT"}}, claims {@code iat} = now − 60 s (GitHub's advice against
 * clock drift), {@code exp} = {@code iat} + 10 minutes (GitHub's maximum, so now + 9 minutes) and
 * {@code iss} (the Client ID as a string, or the App ID as a number). One JWT is reused until one
 * minute before its {@code exp}, then replaced; minting is CPU-only, so concurrent callers may
 * each mint one at the boundary rather than wait for each other.
 */
public final class AppJwt {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AppJwt.class);
    static final Duration BACKDATE = Duration.ofSeconds(60);
    static final Duration LIFETIME = Duration.ofMinutes(10);
    static final Duration RENEW_BEFORE = Duration.ofMinutes(1);

    private record Minted(String jwt, Instant expiresAt) {
    }

    private final Object issuer;
    private final GithubAppPrivateKey key;
    private final Clock clock;
    private final AtomicReference<Minted> current = new AtomicReference<>();

    /**
     * @param issuer the Client ID, or the App ID's digits (sent as a number)
     */
    public AppJwt(String issuer, GithubAppPrivateKey key, Clock clock) {
        this.issuer = issuer.matches("[0-9]{1,18}") ? (Object) Long.parseLong(issuer) : issuer;
        this.key = key;
        this.clock = clock;
    }

    /** A JWT valid for at least another minute. */
    public String current() {
        Instant now = clock.instant();
        Minted minted = current.get();
        if (minted == null || !now.isBefore(minted.expiresAt().minus(RENEW_BEFORE))) {
            minted = mint(now);
            current.set(minted);
            LOG.debug("Minted a GitHub App JWT for iss {}, valid until {}", issuer, minted.expiresAt());
        }
        return minted.jwt();
    }

    /** Forgets the cached JWT, so the next call mints one (e.g. after the clock was corrected). */
    public void reset() {
        current.set(null);
    }

    private Minted mint(Instant now) {
        long iat = now.minus(BACKDATE).getEpochSecond();
        long exp = iat + LIFETIME.getSeconds();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iat", iat);
        claims.put("exp", exp);
        claims.put("iss", issuer);
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String signingInput = encoder.encodeToString(Json.write(header).getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        byte[] signature = key.signSha256WithRsa(signingInput.getBytes(StandardCharsets.US_ASCII));
        return new Minted(signingInput + "." + encoder.encodeToString(signature), Instant.ofEpochSecond(exp));
    }

    @Override
    public String toString() {
        return "AppJwt[iss=" + issuer + "]";
    }
}
