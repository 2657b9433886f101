package dev.integrations.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link MissingEncryptionKeysException} into Spring Boot's startup report: what is
 * missing, which property to set, how to generate a key ring, and the alternative of keeping
 * tokens in memory.
 */
public class EncryptionKeysFailureAnalyzer extends AbstractFailureAnalyzer<MissingEncryptionKeysException> {
    /** Creates the analyzer (Spring Boot instantiates it from {@code META-INF/spring.factories}). */
    public EncryptionKeysFailureAnalyzer() {
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingEncryptionKeysException cause) {
        return new FailureAnalysis(
                "integrations-spring-boot-starter stores users' GitHub tokens in the application's DataSource,"
                        + " encrypted, and no encryption key ring is configured.",
                "Set the property " + MissingEncryptionKeysException.PROPERTY + " (or the environment variable"
                        + " INTEGRATIONS_ENCRYPTION_KEYS) to a key ring such as 'k1:<base64 of 32 random bytes>'."
                        + " Generate one with scripts/encryption-keys.sh in a clone of integrations-java, or with"
                        + " 'java -cp <integrations-jdbc and its dependencies> dev.integrations.jdbc.EncryptionKeys'."
                        + " Keep it secret, like a password. To keep tokens in memory instead (lost on restart), set"
                        + " integrations.store.jdbc-enabled=false.",
                cause);
    }
}
