package dev.integrations.auth;

import dev.integrations.auth.store.CredentialStore;
import dev.integrations.auth.store.InMemoryCredentialStore;
import org.junit.jupiter.api.DisplayName;

/** The refresh storm with instances sharing one in-memory store (threads of one process). */
@DisplayName("Refresh storm: in-memory store")
class InMemoryRefreshStormTest extends RefreshStormContract {
    private final InMemoryCredentialStore shared = new InMemoryCredentialStore();

    @Override
    protected CredentialStore storeForInstance(int index) {
        return shared;
    }
}
