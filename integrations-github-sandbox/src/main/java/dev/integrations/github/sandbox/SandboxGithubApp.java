package dev.integrations.github.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * A GitHub App registered with the sandbox: its integer App ID, its Client ID (GitHub accepts
 * either as the JWT's {@code iss}), its slug and the <em>public</em> half of its key pair. Tests
 * generate the pair and keep the private key; the sandbox never sees it.
 *
 * @param id the App ID
 * @param slug the URL-friendly name, e.g. {@code my-app}
 * @param clientId the Client ID ({@code Iv23…})
 * @param owner the account that owns the app
 * @param publicKey the RSA public key JWTs are verified with
 * @param createdAt when it was registered, on the sandbox clock
 */
public record SandboxGithubApp(long id, String slug, String clientId, SandboxUser owner, PublicKey publicKey,
                               Instant createdAt) {

    /**
     * Checks the values.
     *
     * @param id see the record component
     * @param slug see the record component
     * @param clientId see the record component
     * @param owner see the record component
     * @param publicKey see the record component
     * @param createdAt see the record component
     * @throws IllegalArgumentException when the id is not positive, the slug is not a valid
     *     login-like name or the key is not RSA
     */
    public SandboxGithubApp {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(createdAt, "createdAt");
        SandboxUser.checkLogin(slug);
        if (id <= 0) {
            throw new IllegalArgumentException("id must be positive");
        }
        if (!(publicKey instanceof RSAPublicKey)) {
            throw new IllegalArgumentException("A GitHub App's key must be RSA (JWTs are RS256), got " + publicKey.getAlgorithm());
        }
    }

    /**
     * The GraphQL node id.
     *
     * @return a base64 id in GitHub's legacy shape
     */
    public String nodeId() {
        return Base64.getEncoder().encodeToString(("03:Integration" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Never prints the key, though it is public: there is no reason for it to reach logs. */
    @Override
    public String toString() {
        return "SandboxGithubApp[id=" + id + ", slug=" + slug + ", clientId=" + clientId + "]";
    }
}
