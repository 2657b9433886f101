package dev.integrations.spring.boot;

import dev.integrations.core.ConfigurationException;

/**
 * The application has a {@code DataSource}, so users' tokens are to be stored in it, encrypted,
 * and no key ring is configured. Spring Boot reports it at startup through
 * {@link EncryptionKeysFailureAnalyzer}, which says which property to set and how to make a key.
 */
public class MissingEncryptionKeysException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    /** The property that holds the key ring. */
    public static final String PROPERTY = "integrations.store.encryption-keys";

    /** Creates the exception with a message naming the property and the environment variable. */
    public MissingEncryptionKeysException() {
        super("No encryption key ring for the credential store in the application's DataSource: set " + PROPERTY
                + " (or the environment variable INTEGRATIONS_ENCRYPTION_KEYS, or INTEGRATIONS_ENCRYPTION_KEY_FILE)");
    }
}
