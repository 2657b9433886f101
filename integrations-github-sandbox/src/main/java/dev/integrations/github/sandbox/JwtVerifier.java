package dev.integrations.github.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Verifies a GitHub App's JWT as GitHub does
 * (https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-a-json-web-token-jwt-for-a-github-app):
 * header {@code alg} {@code RS256}, a valid signature by the key of the app named in {@code iss}
 * (App ID or Client ID), an integer {@code iat} not in the future (60 s of drift allowed), an
 * {@code exp} in the future and at most 10 minutes after {@code iat} and after now. The failure
 * messages are GitHub's own (the texts octokit recognises as clock skew, and "A JSON web token
 * could not be decoded" for anything it cannot read or verify, including a key of another app).
 */
final class JwtVerifier {

    static final String UNDECODABLE = "A JSON web token could not be decoded";
    static final String EXP_TOO_FAR = "'Expiration time' claim ('exp') is too far in the future";
    static final String EXP_INVALID =
            "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires";
    static final String IAT_INVALID =
            "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued";
    static final long MAX_LIFETIME_SECONDS = 600;
    static final long ALLOWED_DRIFT_SECONDS = 60;

    /** The outcome: the app, or the 401 message. */
    record Result(@Nullable SandboxGithubApp app, @Nullable String error) {
    }

    private final InstallationStore store;
    private final Clock clock;

    JwtVerifier(InstallationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Result verify(@Nullable String jwt) {
        if (jwt == null) {
            return new Result(null, UNDECODABLE);
        }
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            return new Result(null, UNDECODABLE);
        }
        JsonNode header;
        JsonNode claims;
        byte[] signature;
        try {
            Base64.Decoder decoder = Base64.getUrlDecoder();
            header = SandboxExchange.mapper().readTree(decoder.decode(parts[0]));
            claims = SandboxExchange.mapper().readTree(decoder.decode(parts[1]));
            signature = decoder.decode(parts[2]);
        } catch (IllegalArgumentException | java.io.IOException e) {
            return new Result(null, UNDECODABLE);
        }
        if (header == null || claims == null || !header.isObject() || !claims.isObject()
                || !"RS256".equals(header.path("alg").asText(null))) {
            return new Result(null, UNDECODABLE);
        }
        JsonNode iss = claims.get("iss");
        Object issuer = iss == null ? null : iss.isNumber() ? (Object) iss.longValue() : iss.isTextual() ? iss.asText() : null;
        Optional<SandboxGithubApp> app = store.appByIssuer(issuer);
        if (app.isEmpty() || !signatureValid(app.get(), parts, signature)) {
            return new Result(null, UNDECODABLE);
        }
        long now = clock.instant().getEpochSecond();
        JsonNode iat = claims.get("iat");
        if (iat == null || !iat.isIntegralNumber() || iat.longValue() > now + ALLOWED_DRIFT_SECONDS) {
            return new Result(null, IAT_INVALID);
        }
        JsonNode exp = claims.get("exp");
        if (exp == null || !exp.isNumber() || exp.longValue() <= now) {
            return new Result(null, EXP_INVALID);
        }
        if (exp.longValue() - iat.longValue() > MAX_LIFETIME_SECONDS || exp.longValue() > now + MAX_LIFETIME_SECONDS) {
            return new Result(null, EXP_TOO_FAR);
        }
        return new Result(app.get(), null);
    }

    private static boolean signatureValid(SandboxGithubApp app, String[] parts, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(app.publicKey());
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
