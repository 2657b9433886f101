package dev.integrations.auth.store;

import org.junit.jupiter.api.DisplayName;

@DisplayName("InMemoryCredentialStore meets the CredentialStore contract")
class InMemoryCredentialStoreContractTest extends CredentialStoreContract {
    @Override
    protected CredentialStore createStore() {
        return new InMemoryCredentialStore();
    }

    @Override
    protected int leaseCount(String provider) {
        return ((InMemoryCredentialStore) store).leaseCount();
    }
}
