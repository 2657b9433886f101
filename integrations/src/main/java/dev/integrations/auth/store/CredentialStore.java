package dev.integrations.auth.store;

import java.util.Map;
import java.util.Optional;

/**
 * Where users' credentials live, keyed by provider name and canonical subject. The SPI for
 * persistent stores; {@link InMemoryCredentialStore} is the default.
 *
 * <p>Implementations must be thread-safe, must copy data in and out (a caller changing a map
 * after {@code set} must not change what is stored), and must never log the data. Provider names
 * arrive lower case and subjects canonical: implementations compare them as exact strings.
 */
public interface CredentialStore {
    /** The stored credentials, or empty when there are none. */
    Optional<StoredCredentials> get(String provider, String subject);

    /** Creates or replaces the credentials, incrementing the version. */
    void set(String provider, String subject, Map<String, Object> data);

    /** Deletes the credentials; returns whether there were any. */
    boolean delete(String provider, String subject);
}
