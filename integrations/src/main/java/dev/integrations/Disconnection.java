package dev.integrations;

import dev.integrations.auth.AuthProvider;
import dev.integrations.auth.DisconnectOptions;
import dev.integrations.auth.DisconnectResult;
import dev.integrations.auth.RevocationFailedException;
import dev.integrations.auth.UserCredentials;
import dev.integrations.core.IntegrationsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * {@link AuthManager#disconnect}: revoke at the provider first, then delete the stored row. The
 * order matters: deleting first and failing to revoke would leave a live token that no one can
 * find any more. A failed revocation keeps the row (unless the caller forces the local delete) and
 * says how to force it. No lock or transaction is held while the provider is asked.
 */
final class Disconnection {
    private static final Logger LOG = LoggerFactory.getLogger(AuthManager.class);

    private Disconnection() {
    }

    static DisconnectResult run(CredentialOperations credentials, AuthProvider<?> provider, String subject,
                                DisconnectOptions options) {
        Optional<UserCredentials> stored = credentials.load(provider, subject);
        if (stored.isEmpty()) {
            return DisconnectResult.of(DisconnectResult.Outcome.NOTHING_STORED, false,
                    "No " + provider.name() + " credentials are stored for subject '" + subject + "'");
        }
        DisconnectResult revoked;
        try {
            revoked = revoke(provider, stored.get(), options);
        } catch (IntegrationsException e) {
            if (!options.isForceLocal()) {
                LOG.debug("Revoking {} credentials of subject {} failed; kept them", provider.name(), subject);
                throw new RevocationFailedException("Could not revoke the " + provider.name() + " authorization of subject '"
                        + subject + "' (" + e.getMessage() + "), so its stored credentials were kept. Retry later, or call"
                        + " auth.disconnect(\"" + provider.name() + "\", subject, DisconnectOptions.forceLocal()) to delete"
                        + " them anyway; the token then keeps working until the user revokes the app in their "
                        + provider.name() + " settings.", provider.name(), subject, e);
            }
            revoked = DisconnectResult.of(DisconnectResult.Outcome.NOT_REVOKED, false, "Revoking failed ("
                    + e.getMessage() + "); deleted locally as forced. The token keeps working until the user revokes the"
                    + " app in their " + provider.name() + " settings");
        }
        boolean deleted = credentials.delete(provider, subject);
        LOG.debug("Disconnected subject {} from {}: {}, deleted locally: {}", subject, provider.name(), revoked.outcome(),
                deleted);
        return revoked.withDeletedLocally(deleted);
    }

    private static <C extends UserCredentials> DisconnectResult revoke(AuthProvider<C> provider, UserCredentials stored,
                                                                       DisconnectOptions options) {
        return provider.revoke(provider.credentialsType().cast(stored), options);
    }
}
