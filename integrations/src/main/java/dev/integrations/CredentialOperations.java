package dev.integrations;

import dev.integrations.auth.AuthProvider;
import dev.integrations.auth.CredentialEvent;
import dev.integrations.auth.InvalidCredentialsException;
import dev.integrations.auth.MissingCredentialsException;
import dev.integrations.auth.UserCredentials;

import dev.integrations.auth.store.CredentialStatus;
import dev.integrations.auth.store.CredentialStore;
import dev.integrations.auth.store.StoredCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The credential operations behind {@link AuthManager}'s store, load, delete, refresh, status and
 * list methods, on canonical subjects and resolved auth providers. {@code AuthManager} documents
 * them; this class keeps the facade thin and holds the conversions between typed credentials,
 * maps and stored rows that sessions use too.
 */
final class CredentialOperations {
    private static final Logger LOG = LoggerFactory.getLogger(AuthManager.class);

    private final CredentialStore credentialStore;
    private final CredentialRefresher refresher;

    CredentialOperations(CredentialStore credentialStore, CredentialRefresher refresher) {
        this.credentialStore = credentialStore;
        this.refresher = refresher;
    }

    void store(AuthProvider<?> auth, String canonical, Object credentials) {
        UserCredentials typed = toCredentials(auth, credentials);
        if (typed.accessToken() == null) {
            throw new InvalidCredentialsException("Refusing to store " + auth.name() + " credentials without an access token");
        }
        credentialStore.set(auth.name(), canonical, typed.toMap());
        LOG.debug("Stored {} credentials for subject {}", auth.name(), canonical);
        if (refresher.hasListeners()) {
            // The version is only known by reading the row back: worth a query only when someone listens.
            refresher.emit(CredentialEvent.Type.STORED, auth.name(), canonical,
                    credentialStore.get(auth.name(), canonical).map(StoredCredentials::version).orElse(0L),
                    typed.expiresAt(), null, false);
        }
    }

    Optional<UserCredentials> load(AuthProvider<?> auth, String canonical) {
        return credentialStore.get(auth.name(), canonical).map(row -> fromStored(auth, row));
    }

    boolean delete(AuthProvider<?> auth, String canonical) {
        boolean deleted = credentialStore.delete(auth.name(), canonical);
        LOG.debug("Deleted {} credentials for subject {}: {}", auth.name(), canonical, deleted);
        if (deleted) {
            refresher.emit(CredentialEvent.Type.DELETED, auth.name(), canonical, 0, null, null, false);
        }
        return deleted;
    }

    <C extends UserCredentials> C refresh(AuthProvider<C> auth, String subject) {
        StoredCredentials row = credentialStore.get(auth.name(), subject).orElseThrow(() -> new MissingCredentialsException(
                auth.name(), "No " + auth.name() + " credentials are stored for subject '" + subject + "'"));
        return refresher.refresh(auth, row, true);
    }

    Optional<CredentialStatus> status(AuthProvider<?> auth, String canonical) {
        return credentialStore.get(auth.name(), canonical).map(StoredCredentials::status);
    }

    java.util.List<StoredCredentials> list(dev.integrations.auth.store.CredentialFilter filter) {
        return credentialStore.list(filter).stream()
                .map(row -> new StoredCredentials(row.provider(), row.subject(), Map.of(), row.version(), row.status(),
                        row.expiresAt(), row.createdAt(), row.updatedAt()))
                .toList();
    }

    static UserCredentials toCredentials(AuthProvider<?> auth, Object credentials) {
        Objects.requireNonNull(credentials, "credentials");
        if (credentials instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                if (!(key instanceof String)) {
                    throw new InvalidCredentialsException(auth.name() + " credentials map keys must be strings");
                }
            }
            @SuppressWarnings("unchecked")
            Map<String, ?> typed = (Map<String, ?>) map;
            return auth.credentialsFromMap(typed);
        }
        if (auth.credentialsType().isInstance(credentials)) {
            return (UserCredentials) credentials;
        }
        throw new InvalidCredentialsException("Credentials for '" + auth.name() + "' must be a "
                + auth.credentialsType().getSimpleName() + " or a Map, not " + credentials.getClass().getSimpleName());
    }

    static UserCredentials fromStored(AuthProvider<?> auth, StoredCredentials row) {
        try {
            return auth.credentialsFromMap(row.data());
        } catch (InvalidCredentialsException e) {
            throw new InvalidCredentialsException("Stored " + auth.name() + " credentials for subject '" + row.subject()
                    + "' cannot be read (" + e.getMessage() + "); store new ones or delete the row");
        }
    }

}
