package dev.integrations.http;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What identifies one cached representation in a {@link ResponseCache}: whose credential asked
 * (as a {@code CredentialHash}, never the token itself), the exact URI, and the request headers
 * the representation depends on (for GitHub: {@code Accept} and {@code X-GitHub-Api-Version}).
 *
 * <p>Because the credential is part of the key, one user's cached response can never be served
 * to another user, even when both ask for the same URL ({@code /user} is the obvious case).
 *
 * @param credentialHash the {@code CredentialHash} of the request's credential
 * @param uri the request URI, query included
 * @param vary the values of the varying request headers by lower-case name ("" when absent)
 */
public record CacheKey(String credentialHash, URI uri, Map<String, String> vary) {
    /**
     * Creates an instance, checking and copying the parts.
     *
     * @param credentialHash the {@code CredentialHash} of the request's credential
     * @param uri the request URI, query included
     * @param vary the values of the varying request headers by lower-case name ("" when absent)
     */
    public CacheKey {
        Objects.requireNonNull(credentialHash, "credentialHash");
        Objects.requireNonNull(uri, "uri");
        vary = Map.copyOf(vary == null ? Map.of() : vary);
    }

    /**
     * An approximate size, for caches bounded by memory.
     *
     * @return the estimated bytes the key occupies
     */
    public int estimatedBytes() {
        int size = credentialHash.length() + uri.toString().length();
        for (Map.Entry<String, String> e : vary.entrySet()) {
            size += e.getKey().length() + e.getValue().length();
        }
        return 2 * size;
    }

    @Override
    public String toString() {
        return "CacheKey[" + credentialHash.substring(0, Math.min(15, credentialHash.length())) + "..., "
                + uri.getRawPath() + ", " + new TreeMap<>(vary) + "]";
    }
}
